import type {
  Browser,
  BrowserContext,
  BrowserContextOptions,
  Locator,
  Page,
} from 'playwright-core';
import { watchErrors } from './browser.ts';
import { UI_TIMEOUT } from './support.ts';

/** A page in a context of its own, and what it did from its first load on. */
export interface WatchedPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught errors and CSP violations (see watchErrors). */
  errors: string[];
  /** Every console error and warning, as `type: text`. */
  console: string[];
  /** The path of every news document (`.json`) requested. */
  documents: string[];
  /** The path of every script requested. */
  scripts: string[];
  /** The class of every loading screen or placeholder that was ever added to the page. */
  placeholders: () => Promise<string[]>;
  /** The page's cumulative layout shift so far (shifts right after input left out, as CLS does). */
  layoutShift: () => Promise<number>;
  close: () => Promise<void>;
}

/** A new context (1280 × 800 unless `options` say otherwise) and a page in it, watched; not navigated yet. */
export async function openWatched(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  context.setDefaultTimeout(UI_TIMEOUT);
  const page = await context.newPage();
  const errors = await watchErrors(page);
  const console: string[] = [];
  const documents: string[] = [];
  const scripts: string[] = [];
  page.on('console', (message) => {
    if (['error', 'warning'].includes(message.type()))
      console.push(`${message.type()}: ${message.text()}`);
  });
  page.on('request', (request) => {
    const pathname = new URL(request.url()).pathname;
    if (pathname.endsWith('.json')) documents.push(pathname);
    if (pathname.endsWith('.js')) scripts.push(pathname);
  });
  if (options.javaScriptEnabled !== false) {
    // Whether a loading screen or placeholder ever showed, from the first byte of the page on.
    await page.addInitScript(() => {
      const seen: string[] = [];
      Object.assign(window, { __placeholders: seen });
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node instanceof Element && node.matches('.boot, .placeholder, .placeholder-list'))
              seen.push(node.className);
      }).observe(document, { childList: true, subtree: true });
      let shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & {
          value: number;
          hadRecentInput: boolean;
        })[])
          if (!entry.hadRecentInput) shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
      Object.defineProperty(window, '__layoutShift', { get: () => shift });
    });
  }
  return {
    context,
    page,
    errors,
    console,
    documents,
    scripts,
    placeholders: () =>
      page.evaluate(() => (window as unknown as { __placeholders: string[] }).__placeholders),
    layoutShift: () =>
      page.evaluate(() => (window as unknown as { __layoutShift: number }).__layoutShift),
    close: () => context.close(),
  };
}

/**
 * Until React has hydrated the server's HTML and committed it, and the
 * effects of that commit have run (a page's own effects may change what an
 * interaction does: a menu opened before then, for one), or until `part` of
 * it is hydrated too: an island hydrates later than the rest.
 *
 * React marks a node as its own while it renders, before it commits; an
 * event that comes in between finds no mounted component and is dropped. So
 * this waits for the root's committed state to say it is no longer
 * dehydrated, then for two frames, by which time the commit's effects have
 * run.
 */
export async function hydrated(page: Page, part?: Locator): Promise<unknown> {
  const element = part ? await part.elementHandle() : null;
  await page.waitForFunction((node) => {
    const owned = (target: object | null) =>
      Object.keys(target ?? {}).some((key) => key.startsWith('__react'));
    if (!owned(node ?? document.querySelector('#root a'))) return false;
    const container = document.getElementById('root') as
      (HTMLElement & Record<string, unknown>) | null;
    const key = Object.keys(container ?? {}).find((name) => name.startsWith('__reactContainer'));
    // The root's fiber; its FiberRoot's current tree is what was last committed.
    const fiber = (key && container?.[key]) as
      { stateNode?: { current?: { memoizedState?: { isDehydrated?: boolean } } } } | undefined;
    return fiber?.stateNode?.current?.memoizedState?.isDehydrated === false;
  }, element);
  return page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
}
