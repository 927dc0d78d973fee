// Plain text from a source, made fit to stand beside the reader's own words.

const EMBEDDINGS = new Set(['\u202a', '\u202b', '\u202d', '\u202e']); // LRE RLE LRO RLO
const ISOLATES = new Set(['\u2066', '\u2067', '\u2068']); // LRI RLI FSI
const PDF = '\u202c';
const PDI = '\u2069';
const DIRECTION_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * The same text with every direction control paired: an embedding or
 * override (U+202A–U+202E) is closed by a PDF and an isolate (U+2066–U+2068)
 * by a PDI, in order, by the end of the text; a closer with nothing to close
 * is dropped. What the text does to its own direction then ends with it,
 * instead of running on into whatever follows (a byline's source, a page
 * title's site name).
 */
export function balanceDirection(text: string): string {
  if (!DIRECTION_CONTROL.test(text)) return text;
  const open: string[] = [];
  let result = '';
  for (const char of text) {
    if (EMBEDDINGS.has(char)) {
      open.push(PDF);
      result += char;
    } else if (ISOLATES.has(char)) {
      open.push(PDI);
      result += char;
    } else if (char === PDF) {
      // A PDF closes an embedding, never an isolate around it (as in Unicode's bidi algorithm).
      if (open.at(-1) === PDF) {
        open.pop();
        result += char;
      }
    } else if (char === PDI) {
      // A PDI closes its isolate and every embedding still open inside it.
      if (open.includes(PDI)) {
        while (open.at(-1) === PDF) result += open.pop() ?? '';
        open.pop();
        result += char;
      }
    } else {
      result += char;
    }
  }
  return result + open.reverse().join('');
}

// C0 and C1 controls but tab, line feed and carriage return; and the
// non-characters U+FFFE and U+FFFF.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;

/**
 * A source's string as the reader shows it: no control characters, white
 * space collapsed, direction controls paired, at most `max` characters (cut
 * at a word, ending in "…").
 */
export function plainText(text: string, max: number): string {
  const clean = text.replace(CONTROLS, '').replace(/\s+/g, ' ').trim();
  return balanceDirection(cutAtWord(clean, max));
}

/** At most about `max` characters of `text`, cut at a word and ended with "…" when cut. */
export function cutAtWord(text: string, max = 80): string {
  if (text.length <= max) return text;
  // Never split a character outside the Basic Multilingual Plane in two.
  const cut = text.slice(0, /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max);
  const space = cut.lastIndexOf(' ');
  const words = space >= max / 2 ? cut.slice(0, space) : cut;
  return `${words.replace(/[\s,;:.–—-]+$/, '')}…`;
}
