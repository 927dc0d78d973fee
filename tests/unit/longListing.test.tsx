import { screen, waitFor, within } from '@testing-library/react';
import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Listing } from '../../src/news/types.ts';
import { RowMemory } from '../../src/routes/WindowedStoryList.tsx';
import {
  drawnRows,
  MeasuredHeights,
  nextWindow,
  spanOf,
  windowRows,
} from '../../src/routes/windowRows.ts';
import { renderApp } from './renderApp.tsx';
import { API, sampleDocument, server } from './server.ts';

describe('which rows of a long list are drawn', () => {
  const heights = MeasuredHeights.from([100, 100, 100, 100, 100, 100, 100, 100, 100, 100]);

  it('draws the rows between the two edges, and no more', () => {
    expect(windowRows(heights, 10, 250, 450, 100)).toEqual({ start: 2, end: 5 });
    expect(windowRows(heights, 10, 0, 100, 100)).toEqual({ start: 0, end: 1 });
  });

  it('draws the last row when the window is past the end, the first when before the start', () => {
    expect(windowRows(heights, 10, 5_000, 5_800, 100)).toEqual({ start: 9, end: 10 });
    expect(windowRows(heights, 10, -2_000, -1_000, 100)).toEqual({ start: 0, end: 1 });
    expect(windowRows(new MeasuredHeights(), 0, 0, 800, 100)).toEqual({ start: 0, end: 0 });
  });

  it('counts rows never drawn as the mean of those measured', () => {
    const some = [50, undefined, 150];
    const memory = new RowMemory();
    expect(memory.estimate).toBe(200);
    memory.measured(0, 80);
    memory.measured(0, 50);
    memory.measured(2, 150);
    // A row measured again counts once, at its last height.
    expect(memory.estimate).toBe(100);
    // Rows 0 and 2 at their heights, row 1 at the estimate given.
    expect(spanOf(memory.heights, 0, 3, 70)).toBe(50 + 70 + 150);
    // Another layout forgets them all.
    expect(memory.keeps(800, 2)).toBe(false);
    expect(memory.estimate).toBe(200);
    expect(spanOf(MeasuredHeights.from(some), 0, 5, 100)).toBe(50 + 100 + 150 + 100 + 100);
    // 10,000 rows of 120 px: a screen's worth, whatever the scroll position.
    const many = MeasuredHeights.from(Array.from({ length: 10_000 }, () => 120));
    const window = windowRows(many, 10_000, 600_000, 601_600, 120);
    expect(window).toEqual({ start: 5_000, end: 5_014 });
  });
});

describe('the heights of a long list, summed as they come', () => {
  /** Row by row, as a list would add them up. */
  const naiveOffset = (heights: (number | undefined)[], row: number, estimate: number) => {
    let total = 0;
    for (let index = 0; index < row; index += 1) total += heights[index] ?? estimate;
    return total;
  };

  it('puts each row where the rows above it, measured or not, end, however often a row is measured again', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 900 })), {
          maxLength: 200,
        }),
        fc.integer({ min: 1, max: 900 }),
        fc.integer({ min: 0, max: 400 }),
        (measurements, estimate, row) => {
          const heights = new MeasuredHeights();
          const plain: (number | undefined)[] = [];
          for (const [at, height] of measurements) {
            heights.set(at, height);
            plain[at] = height;
          }
          expect(heights.offset(row, estimate)).toBe(naiveOffset(plain, row, estimate));
          const measured = plain.filter((height) => height !== undefined);
          if (measured.length === 0) expect(heights.mean).toBeUndefined();
          else
            expect(heights.mean).toBeCloseTo(
              measured.reduce((sum, height) => sum + height, 0) / measured.length,
            );
        },
      ),
    );
  });

  it('finds the same rows as a walk down the whole list would', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 1, max: 900 }), { nil: undefined }), {
          maxLength: 300,
        }),
        fc.integer({ min: 1, max: 900 }),
        fc.integer({ min: -2_000, max: 300_000 }),
        fc.integer({ min: 1, max: 3_000 }),
        (plain, estimate, top, tall) => {
          const rows = plain.length;
          const heights = MeasuredHeights.from(plain);
          // The walk: the first row ending below `top`, then on to the first starting at `bottom`.
          let start = rows - 1;
          for (let row = 0; row < rows; row += 1)
            if (naiveOffset(plain, row + 1, estimate) > top) {
              start = row;
              break;
            }
          let end = start + 1;
          while (end < rows && naiveOffset(plain, end, estimate) < top + tall) end += 1;
          expect(windowRows(heights, rows, top, top + tall, estimate)).toEqual(
            rows === 0 ? { start: 0, end: 0 } : { start, end },
          );
        },
      ),
    );
  });
});

describe('where the window of a long list moves', () => {
  // Rows measured or not, a scroll position anywhere, a phone's screen or a wide one.
  const lists = fc.record({
    heights: fc.array(
      fc.option(fc.double({ min: 40, max: 900, noNaN: true }), { nil: undefined }),
      {
        minLength: 1,
        maxLength: 400,
      },
    ),
    estimate: fc.double({ min: 40, max: 900, noNaN: true }),
    top: fc.double({ min: -2_000, max: 200_000, noNaN: true }),
    screen: fc.integer({ min: 300, max: 1_600 }),
  });

  it('always draws the rows within a screen above and below the screen, and none beyond two', () => {
    fc.assert(
      fc.property(
        lists,
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 0, max: 400 }),
        (list, a, b) => {
          const { estimate, top, screen } = list;
          const rows = list.heights.length;
          const heights = MeasuredHeights.from(list.heights);
          const shown = { start: Math.min(a, b, rows), end: Math.min(Math.max(a, b), rows) };
          const drawn = nextWindow(shown, heights, rows, top, screen, estimate);
          const needed = windowRows(heights, rows, top - screen, top + 2 * screen, estimate);
          expect(drawn.start).toBeLessThanOrEqual(needed.start);
          expect(drawn.end).toBeGreaterThanOrEqual(needed.end);
          expect(drawn.end).toBeLessThanOrEqual(rows);
          // And never those beyond two screens: the document stays small.
          const most = windowRows(heights, rows, top - 2 * screen, top + 3 * screen, estimate);
          expect(drawn.start).toBeGreaterThanOrEqual(most.start);
          expect(drawn.end).toBeLessThanOrEqual(most.end);
        },
      ),
    );
  });

  it('stays where it is while the screen moves less than half a screen: a row at its edge cannot go in and out', () => {
    fc.assert(
      fc.property(lists, fc.double({ min: -0.5, max: 0.5, noNaN: true }), (list, shift) => {
        const { estimate, top, screen } = list;
        const rows = list.heights.length;
        const heights = MeasuredHeights.from(list.heights);
        const drawn = nextWindow({ start: 0, end: 0 }, heights, rows, top, screen, estimate);
        const moved = nextWindow(drawn, heights, rows, top + shift * screen, screen, estimate);
        expect(moved).toBe(drawn);
      }),
    );
    // One pixel either way, at a row's edge, as scroll anchoring moves the page.
    const rows = MeasuredHeights.from(Array.from({ length: 10_000 }, () => 214.9));
    const at = 5_000 * 214.9;
    const drawn = nextWindow({ start: 0, end: 0 }, rows, 10_000, at, 823, 214.9);
    expect(nextWindow(drawn, rows, 10_000, at + 1, 823, 214.9)).toBe(drawn);
    expect(nextWindow(drawn, rows, 10_000, at - 1, 823, 214.9)).toBe(drawn);
  });

  it('keeps the focused story and the rows either side of it drawn, each once, in order', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: -1, max: 210 }),
        (rows, a, b, focused) => {
          const window = { start: Math.min(a, b), end: Math.max(a, b) };
          const spans = drawnRows(window, focused, rows);
          const drawn = spans.flatMap(([from, to]) =>
            Array.from({ length: to - from }, (_, i) => from + i),
          );
          const wanted = new Set<number>();
          for (let row = window.start; row < Math.min(window.end, rows); row += 1) wanted.add(row);
          if (focused >= 0 && focused < rows)
            for (const row of [focused - 1, focused, focused + 1])
              if (row >= 0 && row < rows) wanted.add(row);
          expect(drawn).toEqual([...wanted].sort((x, y) => x - y));
          // Spans apart, so that a spacer stands between any two.
          spans.forEach(([from], index) => {
            if (index > 0) expect(from).toBeGreaterThan(spans[index - 1]?.[1] ?? -1);
          });
        },
      ),
    );
  });
});

/** A listing of `pageCount` pages of `pageSize` stories each, served in place of Latest News. */
function serveLongLatest(pageCount: number, pageSize: number) {
  server.use(
    http.get(`${API}latest/:page`, ({ params }) => {
      const page = Number(String(params.page).replace(/\.json$/, ''));
      if (!(page >= 1 && page <= pageCount)) return HttpResponse.json({}, { status: 404 });
      const items = Array.from({ length: pageSize }, (_, index) => {
        const number = (page - 1) * pageSize + index + 1;
        return {
          slug: `story-${number}`,
          headline: `Story number ${number}`,
          publishedAt: new Date(Date.UTC(2026, 0, 1) - number * 60_000).toISOString(),
        };
      });
      return HttpResponse.json({
        title: 'Latest News',
        page,
        pageCount,
        total: pageCount * pageSize,
        items,
      } satisfies Omit<Listing, 'items'> & { items: unknown[] });
    }),
  );
}

/** The Load more link, once it leads to `page`. */
async function loadMore(page: number): Promise<HTMLElement> {
  const link = await screen.findByRole('link', { name: 'Load more stories' });
  await waitFor(() => {
    expect(link).toHaveAttribute('href', `/latest?page=${page}`);
  });
  return link;
}

describe('Load more', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('appends the next page in place of the address, and the numbered pages stay', async () => {
    const page1 = await sampleDocument<Listing>('latest/1.json');
    const page2 = await sampleDocument<Listing>('latest/2.json');
    const { user, router } = renderApp('/latest', { before: ['/'] });
    await screen.findByRole('heading', { level: 1, name: 'Latest News' });

    // Without JavaScript it is a link to the next page.
    await user.click(await loadMore(2));

    const main = screen.getByRole('main');
    await waitFor(() => {
      expect(main.querySelector('.long-list')).not.toBeNull();
    });
    const list = main.querySelector('.long-list');
    if (!(list instanceof HTMLElement)) throw new Error('no long list');
    expect(
      await within(list).findByRole('link', { name: page2.items[0]?.headline ?? '(missing)' }),
    ).toBeInTheDocument();
    // Page 1 is still there, its lead first.
    const lead = screen.getByRole('region', { name: 'Lead story' });
    expect(
      within(lead).getByRole('link', { name: page1.items[0]?.headline ?? '(missing)' }),
    ).toBeInTheDocument();
    const headlines = within(list)
      .getAllByRole('heading', { level: 2 })
      .map((heading) => heading.textContent);
    expect(headlines.slice(0, page1.items.length - 1)).toEqual(
      page1.items.slice(1).map((item) => item.headline),
    );
    // Every story of the list knows its place in it.
    const items = within(list).getAllByRole('listitem');
    expect(items[0]).toHaveAttribute('aria-posinset', '1');
    expect(items[0]).toHaveAttribute(
      'aria-setsize',
      String(page1.items.length - 1 + page2.items.length),
    );

    // The address names the last page loaded, in place of the one before it.
    expect(router.state.location.search).toBe('?page=2');
    expect(router.state.historyAction).toBe('REPLACE');
    // The reader goes on at the first new story.
    await waitFor(() => {
      expect(document.activeElement).toHaveTextContent(page2.items[0]?.headline ?? '(missing)');
    });

    // The numbered pages are still real links, and Load more goes on.
    const pages = screen.getByRole('navigation', { name: 'Pages' });
    expect(within(pages).getByRole('link', { name: 'Page 3' })).toHaveAttribute(
      'href',
      '/latest?page=3',
    );
    expect(await loadMore(3)).toBeInTheDocument();
  });

  it('keeps only the stories near the screen in the document, however many are loaded', async () => {
    serveLongLatest(6, 100);
    // jsdom lays nothing out: every story card is 150 px tall, the list starts at the top.
    vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (
      this: Element,
    ) {
      const height = this.matches('.long-list > li') ? 150 : 0;
      return DOMRect.fromRect({ x: 0, y: 0, width: 800, height });
    });
    const { user, router } = renderApp('/latest');
    await screen.findByRole('heading', { level: 1, name: 'Latest News' });

    for (let page = 2; page <= 6; page += 1) {
      await user.click(await loadMore(page));
      await waitFor(() => {
        expect(router.state.location.search).toBe(`?page=${page}`);
      });
    }
    await waitFor(() => {
      expect(document.querySelector('.long-list [aria-setsize="599"]')).not.toBeNull();
    });
    const drawn = document.querySelectorAll('.long-list .story').length;
    // A screen (768 px in jsdom) and one more above and below: about 16 cards of 150 px.
    expect(drawn).toBeGreaterThan(5);
    expect(drawn).toBeLessThanOrEqual(40);
    // And no others: the numbered page draws none of its own beside the long list.
    expect(document.querySelectorAll('main .story-list .story')).toHaveLength(drawn);
    // The rest is held by gaps as tall as the stories they stand for.
    const gaps = [...document.querySelectorAll<HTMLElement>('.long-list__gap')];
    const held = gaps.reduce((sum, gap) => sum + Number.parseFloat(gap.style.height), 0);
    expect(held).toBeGreaterThan(150 * 500);
    // The numbered pages are still there below it, and no more to load after the last.
    expect(screen.getByRole('navigation', { name: 'Pages' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Load more stories' })).toBeNull();
  }, 60_000);
});
