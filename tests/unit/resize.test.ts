import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createResizer, HEIGHT } from '../../src/widget/resize.ts';

describe('sizing a frame to the height it reports', () => {
  it('follows the content, within bounds, ignoring changes of a pixel or two', () => {
    const resizer = createResizer();
    expect(resizer.next(300)).toBe(300);
    expect(resizer.next(301)).toBeUndefined();
    expect(resizer.next(302)).toBeUndefined();
    expect(resizer.next(420.4)).toBe(420);
    expect(resizer.next(1e9)).toBe(HEIGHT.max);
    expect(resizer.next(-5)).toBe(HEIGHT.min);
    expect(resizer.stopped).toBe(false);
  });

  it('ignores what is not a height', () => {
    const resizer = createResizer();
    for (const junk of ['300', null, undefined, Number.NaN, Number.POSITIVE_INFINITY, {}, [300]])
      expect(resizer.next(junk)).toBeUndefined();
    expect(resizer.next(200)).toBe(200);
  });

  it('stops when the height swings back and forth (a page that grows because its frame grew)', () => {
    const resizer = createResizer();
    const set = [300, 500, 300, 500, 300, 500, 300].map((height) => resizer.next(height));
    expect(set.slice(0, 4)).toEqual([300, 500, 300, 500]);
    expect(resizer.stopped).toBe(true);
    expect(resizer.next(900)).toBeUndefined();
  });

  it('keeps following content that only grows or only shrinks, however long', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 3, max: 200 }), { maxLength: 60 }), (steps) => {
        const resizer = createResizer();
        let height: number = HEIGHT.min;
        resizer.next(height);
        for (const step of steps) {
          height = Math.min(HEIGHT.max, height + step);
          resizer.next(height);
        }
        return !resizer.stopped;
      }),
    );
  });

  it('never sets a height out of bounds', () => {
    fc.assert(
      fc.property(fc.array(fc.double()), (reports) => {
        const resizer = createResizer();
        return reports.every((report) => {
          const height = resizer.next(report);
          return height === undefined || (height >= HEIGHT.min && height <= HEIGHT.max);
        });
      }),
    );
  });
});
