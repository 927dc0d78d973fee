// A long listing, scrolled: load 10,000 stories with "Load more", then scroll
// from the list's top to its end while the page records every long task
// (PerformanceObserver 'longtask'). The source behind `url` must have that
// many stories in its listing.
import type { Page } from 'playwright-core';

export interface LongListScroll {
  /** Stories loaded in the list (the lead included). */
  items: number;
  /** Story cards in the document once all are loaded, at the list's end. */
  domCards: number;
  /** Long tasks over 50 ms while scrolling through the whole list. */
  longTasksOver50ms: number;
  /** The longest task while scrolling, in ms (0 without any over 50 ms). */
  maxTaskMs: number;
}

const WANTED = 10_000;
/** Each frame scrolls this far (48,000 px/s at 60 Hz, a fast flick): the whole list in about a thousand frames. */
const STEP_PX = 800;

export async function measureLongListScroll(page: Page, url: string): Promise<LongListScroll> {
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
    await more.click();
    await page.waitForFunction(
      (before) => document.querySelector('a.load-more')?.getAttribute('href') !== before,
      href,
      { polling: 50, timeout: 30_000 },
    );
    items = await loadedItems(page);
  }
  const domCards = await page.locator('main .story').count();

  // Only what scrolling costs: from the list's top to its end, one step a frame.
  await page.evaluate(() => {
    window.scrollTo(0, 0);
  });
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    (window as unknown as { __longListTasks: number[] }).__longListTasks.length = 0;
  });
  const tasks = await page.evaluate(
    (step) =>
      new Promise<number[]>((resolve) => {
        const tick = () => {
          const end = document.documentElement.scrollHeight - window.innerHeight;
          if (window.scrollY >= end - 1) {
            // Let the last frames' tasks reach the observer.
            setTimeout(() => {
              resolve([...(window as unknown as { __longListTasks: number[] }).__longListTasks]);
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
  return {
    items,
    domCards,
    longTasksOver50ms: over.length,
    maxTaskMs: Math.round(Math.max(0, ...over)),
  };
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
