import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser.ts';
import { pixelAt } from './pixels.ts';
import { startProductionServer, type ProductionServer } from './productionServer.ts';
import { startStaticServer, type StaticServer } from './staticServer.ts';
import { readApi } from './support.ts';
import { hydrated, openWatched } from './watch.ts';

// The reader's theme and text size, chosen once, on every page after: on the
// server's pages and on a static host's prerendered ones, from the very first
// paint (the scripts held back, what shows is the HTML and CSS alone).

let browser: Browser;
let server: ProductionServer;
let host: StaticServer;
const api = readApi(inject('builds').root);

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startProductionServer();
  host = await startStaticServer({ root: inject('builds').prerendered, pages: true });
});
afterAll(async () => {
  await browser.close();
  await server.close();
  await host.close();
});

const PAPER = { light: 'rgb(253, 252, 249)', dark: 'rgb(20, 23, 27)' };

/** Choose in the header's Display panel. */
async function choose(page: Page, theme: string, size: string) {
  await page.locator('summary', { hasText: 'Display' }).click();
  await page.getByRole('radio', { name: theme }).check();
  await page.getByRole('radio', { name: size }).check();
  await page.keyboard.press('Escape');
}

/** Load `address` with every script held back, until the page has painted from its HTML and CSS. */
async function firstPaint(page: Page, address: string) {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/*.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(address, { waitUntil: 'commit' });
  await page.locator('.site-name').waitFor();
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
  );
  const painted = {
    // A point of the page's own background, beside the masthead.
    paper: await pixelAt(page, 2, 2),
    fontSize: await page.evaluate(() => getComputedStyle(document.documentElement).fontSize),
    react: await page.evaluate(() =>
      Object.keys(document.querySelector('#root a') ?? {}).some((key) => key.startsWith('__react')),
    ),
  };
  release();
  await page.unrouteAll({ behavior: 'wait' });
  await hydrated(page);
  return painted;
}

describe.each([
  ['the server’s pages', () => server.url],
  ['a static host’s prerendered pages', () => host.url],
])('reader settings on %s', (_, origin) => {
  const url = (appPath: string) => new URL(appPath.replace(/^\//, ''), origin()).href;
  const story = api.listing('latest').items[0]?.slug ?? '';

  test('a theme and text size chosen once show from the first paint of every page after, with no flash', async () => {
    const seen = await openWatched(browser, { viewport: { width: 375, height: 800 } });
    const { page } = seen;
    try {
      // Nothing chosen: the system's light colours and the browser's own size.
      expect(await firstPaint(page, url('/'))).toEqual({
        paper: PAPER.light,
        fontSize: '16px',
        react: false,
      });
      await choose(page, 'Dark', 'Largest');
      expect(await pixelAt(page, 2, 2)).toBe(PAPER.dark);

      for (const path of ['/', `/article/${story}`, '/latest']) {
        expect(await firstPaint(page, url(path)), path).toEqual({
          paper: PAPER.dark,
          fontSize: '20.8px',
          react: false,
        });
        // And the page, once alive, keeps them and says so.
        await page.locator('summary', { hasText: 'Display' }).click();
        expect(await page.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
        expect(await page.getByRole('radio', { name: 'Largest' }).isChecked()).toBe(true);
        await page.keyboard.press('Escape');
      }
      expect(seen.errors, 'errors or CSP violations').toEqual([]);
      expect(seen.console).toEqual([]);
    } finally {
      await seen.close();
    }
  });

  test('a reader’s light theme wins over a dark system, and System follows the system again', async () => {
    const seen = await openWatched(browser, { colorScheme: 'dark' });
    const { page } = seen;
    try {
      expect((await firstPaint(page, url('/'))).paper).toBe(PAPER.dark);
      await choose(page, 'Light', 'Default');
      expect((await firstPaint(page, url('/'))).paper).toBe(PAPER.light);
      await choose(page, 'System', 'Default');
      expect(await firstPaint(page, url('/'))).toEqual({
        paper: PAPER.dark,
        fontSize: '16px',
        react: false,
      });
      expect(seen.errors, 'errors or CSP violations').toEqual([]);
    } finally {
      await seen.close();
    }
  });

  test('the widget’s theme="auto" on the reader’s own site, as an element or in its frame, takes the reader’s theme', async () => {
    const seen = await openWatched(browser);
    const { page } = seen;
    try {
      await page.goto(url('/'));
      await hydrated(page);
      const widgetTheme = async () => {
        await page.evaluate(() => {
          document.querySelector('broadsheet-feed')?.remove();
          const script = document.createElement('script');
          script.type = 'module';
          script.src = '/widget.js';
          // At the top: a widget far below the fold waits until it nears the viewport.
          document.body.prepend(script, document.createElement('broadsheet-feed'));
        });
        const feed = page.locator('broadsheet-feed .feed');
        await feed.getByRole('heading', { level: 3 }).first().waitFor();
        return feed.evaluate((element) => [
          element.getAttribute('data-theme'),
          getComputedStyle(element).colorScheme,
        ]);
      };
      expect(await widgetTheme()).toEqual(['auto', 'light dark']);
      await choose(page, 'Dark', 'Default');
      expect(await widgetTheme()).toEqual(['dark', 'dark']);
      // The iframe form's page, on the same site.
      await page.goto(url('/embed/feed'));
      const framed = page.locator('broadsheet-feed .feed');
      await framed.getByRole('heading', { level: 3 }).first().waitFor();
      expect(await framed.evaluate((element) => getComputedStyle(element).colorScheme)).toBe(
        'dark',
      );
      expect(seen.errors, 'errors or CSP violations').toEqual([]);
    } finally {
      await seen.close();
    }
  });
});
