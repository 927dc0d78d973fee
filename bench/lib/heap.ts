// The JavaScript heap of one page as a reader goes from it to an article and
// back, again and again: what stays behind after each visit shows as growth
// between the first and the last. Garbage is collected before each reading
// (DevTools' HeapProfiler.collectGarbage, then Runtime.getHeapUsage), so the
// figure is what is still reachable, not what the collector has not got to.
import type { Browser, Page } from 'playwright-core';
import { openTab } from './browser.ts';
import { settle } from './paint.ts';

export interface HeapFigures {
  /** Bytes in use after the first article navigation, and after the last. */
  afterFirst: number;
  afterLast: number;
}

function headlineIs(page: Page, headline: string): Promise<unknown> {
  return page.waitForFunction(
    (wanted: string) =>
      (document.querySelector('main h1')?.textContent ?? '').replace(/\s+/g, ' ').trim() === wanted,
    headline,
    { polling: 20 },
  );
}

/**
 * `navigations` clicks from the page at `url` to one of `articles` in turn,
 * each followed by the browser's Back, all in one document.
 */
export async function measureHeap(
  browser: Browser,
  url: string,
  articles: readonly { slug: string; headline: string }[],
  navigations: number,
): Promise<HeapFigures> {
  const tab = await openTab(browser);
  const { page, cdp } = tab;
  const used = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  try {
    await page.goto(url);
    await settle(tab, 200, page.locator('main a[href*="/article/"]').first());
    const start = new URL(page.url()).pathname;
    await page.evaluate(() => {
      (window as { __benchDocument?: boolean }).__benchDocument = true;
    });
    let afterFirst = Number.NaN;
    let afterLast = Number.NaN;
    for (let visit = 1; visit <= navigations; visit++) {
      const article = articles[(visit - 1) % articles.length];
      if (!article) throw new Error('no article to navigate to');
      await page.locator(`main a[href$="/article/${article.slug}"]`).first().click();
      await headlineIs(page, article.headline);
      if (visit === 1) afterFirst = await used();
      if (visit === navigations) afterLast = await used();
      else {
        await page.evaluate(() => {
          history.back();
        });
        await page.waitForFunction((path: string) => window.location.pathname === path, start, {
          polling: 20,
        });
      }
    }
    const sameDocument = await page.evaluate(
      () => (window as { __benchDocument?: boolean }).__benchDocument === true,
    );
    if (!sameDocument) throw new Error('a click loaded a new document: no client-side navigation');
    return { afterFirst, afterLast };
  } finally {
    await tab.close();
  }
}
