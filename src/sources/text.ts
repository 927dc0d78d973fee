// Helpers for adapters that turn other formats' strings into plain text and slugs.

let parser: DOMParser | undefined;

/**
 * Where there is no DOMParser (a server), give the adapters one (jsdom's)
 * before they read a source. In a browser they use the browser's own.
 */
export function provideHtmlParser(provided: DOMParser): void {
  parser = provided;
}

function htmlParser(): DOMParser {
  if (parser) return parser;
  if (typeof DOMParser === 'undefined')
    throw new Error('No HTML parser here: call provideHtmlParser() first (see src/server/).');
  return (parser = new DOMParser());
}

/** Elements whose content is not text a reader sees (kept, it would come out as literal markup). */
const NOT_TEXT =
  'script, style, template, noscript, iframe, noembed, noframes, xmp, textarea, title, plaintext, svg, math';

/**
 * The text of an HTML string ("Tom &amp; Jerry&#8217;s <b>day</b>" becomes
 * "Tom & Jerry’s day"), whitespace collapsed, without what a reader never sees
 * (scripts, styles, raw-text elements) and whatever `drop` selects. Parsed
 * into an inert document: nothing in it runs or loads.
 */
export function htmlToText(html: string, options: { drop?: string } = {}): string {
  if (!/[<&]/.test(html)) return html.replace(/\s+/g, ' ').trim();
  const doc = htmlParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  const hidden = options.drop ? `${NOT_TEXT}, ${options.drop}` : NOT_TEXT;
  for (const element of doc.body.querySelectorAll(hidden)) element.remove();
  return doc.body.textContent.replace(/\s+/g, ' ').trim();
}

/** "Élan & Co: 2026!" becomes "elan-co-2026"; at most `max` characters, never empty. */
export function slugify(text: string, max = 80): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
  return slug || 'item';
}

/** A short, stable hash of a string (FNV-1a, base 36): the same input always gives the same 1–7 characters. */
export function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
