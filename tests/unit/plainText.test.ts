import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { saneDimensions } from '../../src/news/limits.ts';
import { balanceDirection, cutAtWord, plainText } from '../../src/news/plainText.ts';

const RLO = '\u202e';
const LRE = '\u202a';
const PDF = '\u202c';
const RLI = '\u2067';
const PDI = '\u2069';

/** Whether every direction control in `text` is closed, in order, within it. */
function paired(text: string): boolean {
  const open: string[] = [];
  for (const char of text) {
    if ('\u202a\u202b\u202d\u202e'.includes(char)) open.push(PDF);
    else if ('\u2066\u2067\u2068'.includes(char)) open.push(PDI);
    else if (char === PDF || char === PDI) {
      if (open.pop() !== char) return false;
    }
  }
  return open.length === 0;
}

describe('balanceDirection', () => {
  it('closes an override left open, so it ends with its own text', () => {
    expect(balanceDirection(`Jane ${RLO}Doe`)).toBe(`Jane ${RLO}Doe${PDF}`);
  });

  it('drops a closer with nothing to close', () => {
    expect(balanceDirection(`A${PDF}B${PDI}C`)).toBe('ABC');
  });

  it('closes embeddings inside an isolate when the isolate closes', () => {
    expect(balanceDirection(`${RLI}a${LRE}b${PDI}c`)).toBe(`${RLI}a${LRE}b${PDF}${PDI}c`);
  });

  it('keeps text that is already paired as it is', () => {
    const text = `x ${RLI}שלום${PDI} ${LRE}y${PDF}`;
    expect(balanceDirection(text)).toBe(text);
  });

  it('pairs every direction control in any text', () => {
    const alphabet = [
      'a',
      ' ',
      'ש',
      '\u202a',
      '\u202b',
      PDF,
      '\u202d',
      RLO,
      '\u2066',
      RLI,
      '\u2068',
      PDI,
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 40 }), (chars) => {
        expect(paired(balanceDirection(chars.join('')))).toBe(true);
      }),
    );
  });
});

describe('plainText', () => {
  it('drops control characters and collapses white space', () => {
    expect(plainText('  Hello\u0000\u0007\n\t world\u009b  ', 100)).toBe('Hello world');
  });

  it('cuts long text at a word', () => {
    expect(plainText('one two three four five', 12)).toBe('one two…');
  });

  it('never cuts a character outside the Basic Multilingual Plane in half', () => {
    const text = `${'a'.repeat(9)}😀😀`;
    expect(cutAtWord(text, 10)).toBe(`${'a'.repeat(9)}…`);
  });
});

describe('saneDimensions', () => {
  it('keeps plausible sizes', () => {
    expect(saneDimensions(1200, 675)).toEqual({ width: 1200, height: 675 });
    expect(saneDimensions(300, 3000)).toEqual({ width: 300, height: 3000 });
  });

  it.each([
    [1, 99999],
    [1200, 1_000_000_000],
    [4000, 100],
    [0, 10],
    [12.5, 10],
    [undefined, 10],
    [Number.NaN, 10],
  ])('drops %s × %s', (width, height) => {
    expect(saneDimensions(width, height)).toBeUndefined();
  });
});
