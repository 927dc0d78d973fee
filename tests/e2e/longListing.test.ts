import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { measureLongListScroll } from '../../bench/lib/scrollLongList.ts';
import { runAxe } from './axe.ts';
import {
  expectFocusOnH1,
  expectH1,
  markWindow,
  scrollY,
  sessionForFile,
  UI_TIMEOUT,
  waitForSettled,
  windowMark,
} from './support.ts';

// A long listing, in the production build in Chromium: Latest News served as
// 100 pages of 100 stories, generated here in place of the sample's few.

const session = sessionForFile();

const PAGES = 100;
const PAGE_SIZE = 100;
/** A screen and at most two more above and below (nextWindow): well under this at any width. */
const MOST_CARDS_DRAWN = 80;

function headline(number: number): string {
  return `Long listing story number ${number}`;
}

function serveLongLatest(): void {
  const { server, base } = session();
  for (let page = 1; page <= PAGES; page += 1) {
    const items = Array.from({ length: PAGE_SIZE }, (_, index) => {
      const number = (page - 1) * PAGE_SIZE + index + 1;
      return {
        slug: `long-${number}`,
        headline: headline(number),
        // Some stories wrap to more lines than others: rows of different heights.
        summary: `The summary of story ${number}.`.repeat(1 + (number % 4)),
        publishedAt: new Date(Date.UTC(2026, 0, 1) - number * 60_000).toISOString(),
      };
    });
    server.fault(`${base}api/latest/${page}.json`, {
      body: JSON.stringify({
        title: 'Latest News',
        page,
        pageCount: PAGES,
        total: PAGES * PAGE_SIZE,
        items,
      }),
    });
  }
}

function serveArticle(number: number): void {
  const { server, base } = session();
  server.fault(`${base}api/articles/long-${number}.json`, {
    body: JSON.stringify({
      slug: `long-${number}`,
      headline: headline(number),
      publishedAt: '2026-01-01T00:00:00Z',
      body: '<p>The whole of a long listing story.</p>',
    }),
  });
}

async function clickLoadMore(page: Page, times: number): Promise<void> {
  const more = page.getByRole('link', { name: 'Load more stories' });
  for (let count = 0; count < times; count += 1) {
    const href = await more.getAttribute('href');
    await more.click();
    await page.waitForFunction(
      (before) => document.querySelector('a.load-more')?.getAttribute('href') !== before,
      href,
      { polling: 50, timeout: UI_TIMEOUT },
    );
  }
}

function cardsDrawn(page: Page): Promise<number> {
  return page.locator('.long-list .story').count();
}

describe('a long listing', () => {
  test('Load more appends pages in place; the address follows; Back from an article finds the same stories at the same place', async () => {
    serveLongLatest();
    const page = await session().open('/latest');
    await expectH1(page, 'Latest News');
    await waitForSettled(page);
    const more = page.getByRole('link', { name: 'Load more stories' });
    expect(await more.getAttribute('href')).toBe('/latest?page=2');
    await markWindow(page);
    const historyLength = await page.evaluate(() => history.length);

    await clickLoadMore(page, 9);
    expect(new URL(page.url()).search).toBe('?page=10');
    expect(await page.evaluate(() => history.length), 'each page replaced the one before').toBe(
      historyLength,
    );
    // The first story of the last page loaded has focus, where the link was.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''))
      .toBe(headline(901));
    // The numbered pages are still there, real links.
    const pages = page.getByRole('navigation', { name: 'Pages' });
    expect(
      await pages.getByRole('link', { name: 'Page 11', exact: true }).getAttribute('href'),
    ).toBe('/latest?page=11');

    // Half way down the list, open a story, and come back.
    await page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight / 2);
    });
    await page.waitForTimeout(200);
    const number = await page.evaluate(() => {
      const links = [
        ...document.querySelectorAll<HTMLAnchorElement>('.long-list .story__headline a'),
      ];
      const middle = links.find((link) => {
        const box = link.getBoundingClientRect();
        return box.top > window.innerHeight / 3 && box.bottom < window.innerHeight;
      });
      return Number(/long-(\d+)$/.exec(middle?.pathname ?? '')?.[1] ?? 0);
    });
    expect(number).toBeGreaterThan(100);
    serveArticle(number);
    const link = page.getByRole('link', { name: headline(number), exact: true });
    const y = await scrollY(page);
    const top = await link.evaluate((element) => element.getBoundingClientRect().top);
    await link.click();
    await expectH1(page, headline(number));
    await page.goBack();
    await expectH1(page, 'Latest News');
    await expectFocusOnH1(page, 'Latest News');
    await link.waitFor();
    await expect
      .poll(async () => Math.abs((await scrollY(page)) - y), { timeout: UI_TIMEOUT })
      .toBeLessThanOrEqual(40);
    const after = await link.evaluate((element) => element.getBoundingClientRect().top);
    expect(Math.abs(after - top), 'the story is where it was on screen').toBeLessThanOrEqual(40);
    expect(new URL(page.url()).search).toBe('?page=10');
    expect(await cardsDrawn(page)).toBeLessThanOrEqual(MOST_CARDS_DRAWN);
    expect(await windowMark(page), 'all of it in one document').toBeDefined();

    expect(await runAxe(page)).toEqual([]);
  });

  test('10,000 stories loaded keep the document small, and the footer in reach by scroll and keyboard; going past fast draws headlines alone until it slows', async () => {
    serveLongLatest();
    // A phone's screen, as the bench scrolls it: one story to a row, and more rows.
    const page = await session().open('/latest', {
      blank: true,
      viewport: { width: 412, height: 823 },
    });
    // Errors the page logs (React's among them), not the 404s of the articles
    // that a focused story prefetches, which this listing's stories lack.
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
        consoleErrors.push(message.text());
    });
    const measured = await measureLongListScroll(page, session().href('/latest'));
    console.log(
      `Long listing: ${measured.items} stories, ${measured.domCards} cards in the document; ` +
        `scrolling through: ${measured.longTasksOver50ms} tasks over 50 ms, longest ${measured.longestTaskMs} ms`,
    );
    // Scrolled from its top to its end, the list is still there: a row at the
    // window's edge once went in and out with every frame until React gave up.
    expect(consoleErrors, 'console errors while loading and scrolling').toEqual([]);
    await expectH1(page, 'Latest News');
    expect(measured.items).toBe(PAGES * PAGE_SIZE);
    // The cards drawn near the screen, and the last page's own list (hidden, as the long list holds it).
    expect(measured.domCards).toBeLessThanOrEqual(MOST_CARDS_DRAWN + PAGE_SIZE);
    expect(await cardsDrawn(page)).toBeLessThanOrEqual(MOST_CARDS_DRAWN);
    expect(await page.getByRole('link', { name: 'Load more stories' }).count()).toBe(0);

    // By scroll: the end of the page is the footer.
    const footer = page.getByRole('contentinfo');
    await footer.scrollIntoViewIfNeeded();
    expect(await footer.isVisible()).toBe(true);
    expect(await page.evaluate(() => window.scrollY + window.innerHeight)).toBeGreaterThanOrEqual(
      await page.evaluate(() => document.documentElement.scrollHeight - 2),
    );
    // By keyboard: from the last page number, Tab goes on into the footer.
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link').last().focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(
      await page.evaluate(() => document.activeElement?.closest('footer') !== null),
      'focus reached the footer',
    ).toBe(true);

    // Scrolled to the middle with a story focused, the story stays in the document.
    await page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight / 2);
    });
    await page.waitForTimeout(200);
    const focusedText = await page.evaluate(() => {
      const link = document.querySelector<HTMLAnchorElement>('.long-list .story__headline a');
      link?.focus({ preventScroll: true });
      return link?.textContent ?? '';
    });
    await page.evaluate(() => {
      window.scrollTo(0, 0);
    });
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toBe(focusedText);
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement?.textContent ?? '');
    expect(next).toMatch(/^Long listing story number \d+$/);
    expect(Number(/\d+$/.exec(next)?.[0])).toBe(Number(/\d+$/.exec(focusedText)?.[0]) + 1);

    // A jump (here to a third of the way down) draws its cards at once.
    await page.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, document.documentElement.scrollHeight / 3);
    });
    await page.waitForTimeout(100);
    expect(
      await page.locator('.long-list [data-passing]').count(),
      'passing rows after a jump',
    ).toBe(0);
    expect(await cardsDrawn(page)).toBeGreaterThan(0);

    // Going past fast (a screen a frame, as the bench scrolls): the stories
    // the window takes in are headlines alone, in their cards' heights...
    const past = await page.evaluate(
      () =>
        new Promise<{ passing: number; headlines: string[]; cards: number }>((resolve) => {
          let steps = 0;
          const step = () => {
            window.scrollBy(0, window.innerHeight);
            steps += 1;
            if (steps < 12) {
              requestAnimationFrame(step);
              return;
            }
            const passing = [...document.querySelectorAll('.long-list [data-passing]')];
            resolve({
              passing: passing.length,
              headlines: passing.map((row) => row.textContent),
              cards: document.querySelectorAll('.long-list .story').length,
            });
          };
          requestAnimationFrame(step);
        }),
    );
    expect(past.passing, 'passing rows while going past').toBeGreaterThan(0);
    for (const text of past.headlines) expect(text).toMatch(/^Long listing story number \d+$/);
    // ... and once it slows, every story drawn is its card again, in the list's order.
    await expect
      .poll(() => page.locator('.long-list [data-passing]').count(), { timeout: UI_TIMEOUT })
      .toBe(0);
    const drawnAfter = await page.evaluate(() =>
      [...document.querySelectorAll('.long-list > li[aria-posinset]')].map((row) => ({
        position: Number(row.getAttribute('aria-posinset')),
        card: row.querySelector('.story') !== null,
      })),
    );
    expect(drawnAfter.length).toBeGreaterThan(0);
    expect(drawnAfter.every((row) => row.card)).toBe(true);
    const positions = drawnAfter.map((row) => row.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(await runAxe(page)).toEqual([]);
  });
});
