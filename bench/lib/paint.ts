// When what a reader came for is painted: after a page load, and after a click
// on a headline. Measured in the page's own clock by a script Chromium injects
// before any of the page's code (so that its Content-Security-Policy does not
// apply), as the browser tests do (tests/e2e/performance.test.ts): an element
// counts once it is in the document with its text and takes up room, and is
// painted by the frame after that.
import type { Browser, Locator, Page } from 'playwright-core';
import { applyCondition, openTab, type Condition, type Tab } from './browser.ts';

export interface Watch {
  /** The headline's text, spaces collapsed. */
  headline: string;
  /** Which elements may hold it: `main h1` for an article's own headline. */
  selector: string;
  /** The first paragraph of the article's body, as HTML: watched for too (its text is taken in the page). */
  paragraphHtml?: string;
  /** Count nothing before the first click (the page clicked from may show the same headline). */
  afterClick: boolean;
}

interface Marks {
  headline?: number;
  paragraph?: number;
  click?: number;
}

/**
 * What the page tells through its console, which reaches us at once even while
 * its main thread is busy (polling the page would wait for the thread): each
 * mark as it is taken, and each document as it starts.
 */
const REPORT = '__benchMark';

/** Runs in the page, before its own scripts: serialised, so it refers to nothing outside itself. */
function instrument({ watch, report }: { watch: Watch; report: string }): void {
  const marks: Marks = {};
  const take = (key: keyof Marks, value: number) => {
    if (marks[key] !== undefined) return;
    marks[key] = value;
    console.debug(`${report} ${key} ${String(value)}`);
  };
  console.debug(`${report} document 0`);
  const normal = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
  const shown = (element: Element) =>
    element.getBoundingClientRect().height > 0 &&
    (!('checkVisibility' in element) || element.checkVisibility());
  let paragraphText: string | undefined;
  const seen = { headline: false, paragraph: watch.paragraphHtml === undefined };
  const painted = (key: 'headline' | 'paragraph') => {
    seen[key] = true;
    requestAnimationFrame(() => {
      take(key, performance.now());
    });
  };
  const check = () => {
    if (watch.afterClick && marks.click === undefined) return;
    if (!seen.headline) {
      for (const element of document.querySelectorAll(watch.selector)) {
        if (normal(element.textContent) === watch.headline && shown(element)) {
          painted('headline');
          break;
        }
      }
    }
    if (!seen.paragraph) {
      if (paragraphText === undefined) {
        // Inert: a template's content runs no script and loads nothing.
        const template = document.createElement('template');
        template.innerHTML = watch.paragraphHtml ?? '';
        paragraphText = normal(template.content.textContent);
      }
      for (const paragraph of document.querySelectorAll('main p')) {
        if (normal(paragraph.textContent) === paragraphText && shown(paragraph)) {
          painted('paragraph');
          break;
        }
      }
    }
  };
  new MutationObserver(check).observe(document, {
    childList: true,
    subtree: true,
    characterData: true,
  });
  document.addEventListener(
    'click',
    (event) => {
      take('click', event.timeStamp);
      check();
    },
    true,
  );
}

interface Listener {
  marks: Marks;
  /** Documents started in the page so far. */
  documents: () => number;
  /** Resolves once `done` holds, checked at each report, or after `timeout` ms. */
  until(done: () => boolean, timeout: number): Promise<void>;
}

function nothing(): void {
  // Until someone waits.
}

function listen(page: Page): Listener {
  const marks: Marks = {};
  let documents = 0;
  let wake: () => void = nothing;
  page.on('console', (message) => {
    const [tag, key, value] = message.text().split(' ');
    if (tag !== REPORT) return;
    if (key === 'document') documents++;
    else if (key === 'headline' || key === 'paragraph' || key === 'click')
      marks[key] = Number(value);
    wake();
  });
  return {
    marks,
    documents: () => documents,
    until: (done, timeout) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(finish, timeout);
        function finish() {
          clearTimeout(timer);
          wake = nothing;
          resolve();
        }
        wake = () => {
          if (done()) finish();
        };
        wake();
      }),
  };
}

const LOAD_TIMEOUT = 90_000;

/** From navigation start to the headline painted, ms, in a fresh context under `condition`. */
export async function measureLoad(
  browser: Browser,
  url: string,
  watch: Watch,
  condition: Condition,
): Promise<number> {
  const tab = await openTab(browser);
  try {
    const listener = listen(tab.page);
    await tab.page.addInitScript(instrument, { watch, report: REPORT });
    await applyCondition(tab.cdp, condition);
    await tab.page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT });
    await listener.until(() => listener.marks.headline !== undefined, LOAD_TIMEOUT);
    return listener.marks.headline ?? Number.NaN;
  } finally {
    await tab.close();
  }
}

/**
 * Until the page has loaded, React has taken over `hydrated` (when given: a
 * link React handles carries its props), no request has been in flight for
 * `quietMs` and the main thread is idle.
 */
export async function settle(tab: Tab, quietMs: number, hydrated?: Locator): Promise<void> {
  await tab.page.waitForLoadState('load');
  if (hydrated)
    await hydrated.evaluate(
      (element) =>
        new Promise<void>((resolve) => {
          const look = () => {
            if (Object.keys(element).some((key) => key.startsWith('__reactProps$'))) resolve();
            else setTimeout(look, 20);
          };
          look();
        }),
    );
  await tab.quiet(quietMs);
  await tab.page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        requestIdleCallback(
          () => {
            resolve();
          },
          { timeout: 5000 },
        );
      }),
  );
}

export interface ClickCase {
  /** The page clicked from. */
  url: string;
  /** The link's text: the article's headline. */
  headline: string;
  paragraphHtml: string;
  condition: Condition;
  /** The pointer rests on the link this long before the click; 0: a click with no hover before it. */
  hoverMs: number;
}

/**
 * From the click on a headline to the article's headline and first paragraph
 * painted, ms. The page clicked from loads unthrottled and settles first; the
 * condition applies from the hover on. Without a hover, the click is the
 * link's click event alone (as a tap or a keyboard gives it, with no pointer
 * over the link before); with one, the mouse rests on the link, then clicks.
 */
export async function measureClick(
  browser: Browser,
  click: ClickCase,
): Promise<{ headline: number; paragraph: number; sameDocument: boolean }> {
  const tab = await openTab(browser);
  try {
    const { page } = tab;
    const listener = listen(page);
    const watch: Watch = {
      headline: click.headline,
      selector: 'main h1',
      paragraphHtml: click.paragraphHtml,
      afterClick: true,
    };
    await page.addInitScript(instrument, { watch, report: REPORT });
    await page.goto(click.url, { timeout: LOAD_TIMEOUT });
    const link = page.locator('main a').filter({ hasText: click.headline }).first();
    await link.waitFor();
    await settle(tab, 200, link);
    const documents = listener.documents();
    await applyCondition(tab.cdp, click.condition);
    if (click.hoverMs > 0) {
      await link.hover();
      await page.waitForTimeout(click.hoverMs);
      await link.click();
    } else {
      await link.dispatchEvent('click');
    }
    const { marks } = listener;
    const left = () => listener.documents() > documents;
    await listener.until(
      () => left() || (marks.headline !== undefined && marks.paragraph !== undefined),
      LOAD_TIMEOUT,
    );
    const from = marks.click ?? Number.NaN;
    return {
      headline: (marks.headline ?? Number.NaN) - from,
      paragraph: (marks.paragraph ?? Number.NaN) - from,
      sameDocument: !left(),
    };
  } finally {
    await tab.close();
  }
}
