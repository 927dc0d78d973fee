import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctBlocks, type Block } from '../../src/news/distinct.ts';
import type { Summary } from '../../src/news/types.ts';

const story = (slug: string): Summary => ({
  slug,
  headline: `Headline ${slug}`,
  publishedAt: '2026-11-23T09:15:00Z',
  authors: [],
  tags: [],
});

// Stories from a small pool of slugs, so that blocks overlap as real feeds do.
const stories = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g').map(story), {
  maxLength: 10,
});
const block: fc.Arbitrary<Block<Summary>> = fc.record({
  stories: fc.option(stories, { nil: undefined }),
  limit: fc.integer({ min: 0, max: 6 }),
});

describe('distinctBlocks: each story once on a page', () => {
  it('takes from each block in turn what no earlier block took', () => {
    const [top, latest, section] = distinctBlocks(
      [
        { stories: ['a', 'b', 'c'].map(story), limit: 2 },
        { stories: ['b', 'a', 'c', 'd', 'e'].map(story), limit: 2 },
        { stories: ['a', 'e', 'f'].map(story), limit: 4 },
      ],
      ['c'],
    );
    expect(top?.map((item) => item.slug)).toEqual(['a', 'b']);
    expect(latest?.map((item) => item.slug)).toEqual(['d', 'e']);
    expect(section?.map((item) => item.slug)).toEqual(['f']);
  });

  it('holds back the blocks after one that is still loading', () => {
    const result = distinctBlocks([
      { stories: [story('a')], limit: 3 },
      { stories: undefined, limit: 3 },
      { stories: [story('b')], limit: 3 },
    ]);
    expect(result.map((picked) => picked?.map((item) => item.slug))).toEqual([
      ['a'],
      undefined,
      undefined,
    ]);
  });

  it('never shows a story twice, keeps each block’s order and limit, and fills a block as far as it can', () => {
    fc.assert(
      fc.property(
        fc.array(block, { maxLength: 5 }),
        fc.array(fc.constantFrom('a', 'b')),
        (blocks, seen) => {
          const result = distinctBlocks(blocks, seen);
          const firstLoading = blocks.findIndex((each) => each.stories === undefined);
          const taken = new Set<string>(seen);
          result.forEach((picked, index) => {
            const { stories: given, limit } = blocks[index] ?? { stories: [], limit: 0 };
            if (firstLoading !== -1 && index >= firstLoading) {
              expect(picked).toBeUndefined();
              return;
            }
            if (!picked || !given) throw new Error('a settled block picks a list');
            expect(picked.length).toBeLessThanOrEqual(limit);
            for (const item of picked) {
              expect(taken.has(item.slug)).toBe(false);
              taken.add(item.slug);
            }
            // In the block's own order.
            const order = picked.map((item) => given.findIndex((each) => each.slug === item.slug));
            expect(order).toEqual([...order].sort((x, y) => x - y));
            // Short only when nothing else in the block was left to take.
            if (picked.length < limit) {
              expect(given.every((item) => taken.has(item.slug))).toBe(true);
            }
          });
        },
      ),
    );
  });
});
