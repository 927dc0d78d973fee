import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inlineJson } from '../../src/inlineJson.ts';

const breakouts = ['</script>', '<!--', '</ScRiPt >', '\u2028', '\u2029', '-->', ']]>', '<script>'];

/** What an HTML parser would take as the end of a data block, or as a comment inside it. */
function escapesItsElement(text: string): boolean {
  return /<\/script|<!--|<script/i.test(text) || /[\u2028\u2029]/.test(text);
}

describe('inlineJson', () => {
  it.each(breakouts)('writes %j so that it cannot end or change its script element', (breakout) => {
    const value = { headline: `a${breakout}b`, tags: [breakout], nested: { [breakout]: breakout } };
    const written = inlineJson(value);
    expect(escapesItsElement(written)).toBe(false);
    expect(written).not.toMatch(/[<>&]/);
    expect(JSON.parse(written)).toEqual(value);
  });

  it('reads back as the same value, and never holds a breakout, whatever the strings', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.constantFrom(...breakouts));
    fc.assert(
      fc.property(
        fc.jsonValue({
          stringUnit: fc.oneof(
            fc.constantFrom(...breakouts, '<', '/', 's'),
            fc.string({ unit: 'binary', maxLength: 1 }),
          ),
        }),
        text,
        (value, extra) => {
          const both = { value, extra };
          const written = inlineJson(both);
          expect(escapesItsElement(written)).toBe(false);
          // What JSON itself would read back (it writes -0 as 0).
          expect(JSON.parse(written)).toEqual(JSON.parse(JSON.stringify(both)));
        },
      ),
    );
  });
});
