// A long listing, scrolled: load 10,000 stories with "Load more", then scroll
// from the list's top to its end while the page records every long task
// (PerformanceObserver 'longtask') and every frame. The source behind `url`
// must have that many stories in its listing.
import type { Page } from 'playwright-core';

export interface LongListLoaded {
  /** Stories loaded in the list (the lead included). */
  items: number;
  /** Story cards in the document once all are loaded, at the list's end. */
  domCards: number;
}

export interface LongListScrolled {
  /** Long tasks over 50 ms while scrolling through the whole list. */
  longTasksOver50ms: number;
  /** The longest task while scrolling, in ms (0 without any over 50 ms). */
  longestTaskMs: number;
  /** Frames the scroll took, one step each. */
  frames: number;
  /** Time between frames while scrolling, in ms: median and 95th percentile. */
  frameMs: { median: number; p95: number };
}

export type LongListScroll = LongListLoaded & LongListScrolled;

const WANTED = 10_000;
/** Each frame scrolls this far (48,000 px/s at 60 Hz, a fast flick): the whole list in about a thousand frames. */
const STEP_PX = 800;

/** The page at `url` with every story of its long listing loaded, "Load more" after "Load more". */
export async function loadLongList(page: Page, url: string): Promise<LongListLoaded> {
  await page.addInitScript(() => {
    const tasks: number[] = [];
    Object.defineProperty(window, '__longListTasks', { value: tasks });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url);
  const more = page.locator('a.load-more');
  await more.waitFor();

  let items = await loadedItems(page);
  while (items < WANTED && (await more.count()) > 0) {
    const href = await more.getAttribute('href');
    // Focused and followed with Enter, as a keyboard reader would: a click
    // aims at where the link was, and scrolling it into view lets the list
    // above it settle to its measured height, moving the link from under
    // the pointer (one click in a few then lands beside it).
    await more.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      (before) => document.querySelector('a.load-more')?.getAttribute('href') !== before,
      href,
      { polling: 50, timeout: 30_000 },
    );
    items = await loadedItems(page);
  }
  return { items, domCards: await page.locator('main .story').count() };
}

/** Only what scrolling costs: from the list's top to its end, one step a frame. */
export async function scrollThrough(page: Page): Promise<LongListScrolled> {
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    (window as unknown as { __longListTasks: number[] }).__longListTasks.length = 0;
  });
  const { tasks, frames } = await page.evaluate(
    (step) =>
      new Promise<{ tasks: number[]; frames: number[] }>((resolve) => {
        const stamps: number[] = [];
        const tick = (stamp: number) => {
          stamps.push(stamp);
          const end = document.documentElement.scrollHeight - window.innerHeight;
          if (window.scrollY >= end - 1) {
            // Let the last frames' tasks reach the observer.
            setTimeout(() => {
              resolve({
                tasks: [...(window as unknown as { __longListTasks: number[] }).__longListTasks],
                frames: stamps.slice(1).map((at, index) => at - (stamps[index] ?? at)),
              });
            }, 300);
            return;
          }
          window.scrollBy(0, step);
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
    STEP_PX,
  );
  const over = tasks.filter((duration) => duration > 50);
  const sorted = [...frames].sort((a, b) => a - b);
  const at = (fraction: number) =>
    Math.round(
      (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0) * 10,
    ) / 10;
  return {
    longTasksOver50ms: over.length,
    longestTaskMs: Math.round(Math.max(0, ...over)),
    frames: frames.length,
    frameMs: { median: at(0.5), p95: at(0.95) },
  };
}

export async function measureLongListScroll(page: Page, url: string): Promise<LongListScroll> {
  const loaded = await loadLongList(page, url);
  return { ...loaded, ...(await scrollThrough(page)) };
}

/** Stories in the long list (its size, plus the lead), or on the numbered page before the first click. */
function loadedItems(page: Page): Promise<number> {
  return page.evaluate(() => {
    const size = Number(
      document.querySelector('.long-list > [aria-setsize]')?.getAttribute('aria-setsize') ?? 0,
    );
    if (size === 0) return document.querySelectorAll('main .story').length;
    return size + document.querySelectorAll('main .listing-page__lead').length;
  });
}
