import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { clippedRing } from './focusRing.ts';
import { productionServerForFile } from './productionServer.ts';
import { readApi } from './support.ts';
import { hydrated, openWatched } from './watch.ts';

// The reader's pages, as the server renders them, at every width from a small
// phone to a wide desktop, in both colour schemes: nothing runs off the side,
// no story's headline is linked twice, and every section is in reach by
// keyboard (and by touch on a phone) with its focus ring whole.

const started = productionServerForFile();
const api = readApi(inject('builds').root);

const WIDTHS = [320, 375, 768, 1280, 1600];
/** Below 45 rem the sections fold into the Sections menu. */
const PHONE = 720;

const sectionNames = () => [
  'Latest',
  'Top News',
  ...api.site().sections.map((section) => section.name),
];

const pages = () => {
  const section = api.site().sections[0]?.slug ?? '';
  const story = api.listing('latest').items[0]?.slug ?? '';
  return ['/', '/latest', `/section/${section}`, `/article/${story}`];
};

/** Stories whose headline is linked more than once, outside an article's body. */
function repeatedHeadlines(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const link of document.querySelectorAll<HTMLAnchorElement>(
      ':is(h1, h2, h3, h4) a[href*="/article/"]',
    )) {
      if (link.closest('.article-body')) continue;
      const path = new URL(link.href).pathname;
      seen.set(path, (seen.get(path) ?? 0) + 1);
    }
    return [...seen].filter(([, count]) => count > 1).map(([path, count]) => `${path} ×${count}`);
  });
}

const activeText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe.each(
  WIDTHS.flatMap((width) => (['light', 'dark'] as const).map((scheme) => ({ width, scheme }))),
)('at $width px, $scheme', ({ width, scheme }) => {
  test('no page scrolls sideways, and none links a story’s headline twice', async () => {
    const seen = await openWatched(started().browser, {
      viewport: { width, height: 800 },
      colorScheme: scheme,
    });
    const { page } = seen;
    try {
      for (const path of pages()) {
        await page.goto(new URL(path.replace(/^\//, ''), started().server.url).href);
        await page.waitForLoadState('networkidle');
        await hydrated(page);
        const { scrollWidth, clientWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          clientWidth: document.documentElement.clientWidth,
        }));
        expect(scrollWidth, `${path}: sideways scroll`).toBeLessThanOrEqual(clientWidth);
        expect(await repeatedHeadlines(page), `${path}: headlines linked twice`).toEqual([]);
      }
      expect(seen.errors).toEqual([]);
      expect(seen.console).toEqual([]);
    } finally {
      await seen.close();
    }
  });

  test('every section is in reach from the keyboard, each focus ring whole; by touch too', async () => {
    const phone = width < PHONE;
    const seen = await openWatched(started().browser, {
      viewport: { width, height: 800 },
      colorScheme: scheme,
      hasTouch: phone,
    });
    const { page } = seen;
    try {
      await page.goto(started().server.url);
      await hydrated(page);
      const order = ['Skip to content', api.site().name, 'Display', ...(phone ? ['Sections'] : [])];
      for (const name of order) {
        await page.keyboard.press('Tab');
        expect(await activeText(page)).toBe(name);
        if (name !== 'Skip to content') expect(await clippedRing(page), name).toEqual([]);
        if (name !== 'Display') continue;
        // The settings open from the keyboard, within the page's width, and Escape closes them.
        await page.keyboard.press('Enter');
        const panel = page.getByRole('group', { name: 'Theme' });
        const box = await panel.boundingBox();
        expect(box?.x, 'the settings panel’s left').toBeGreaterThanOrEqual(0);
        expect((box?.x ?? 0) + (box?.width ?? 0), 'its right').toBeLessThanOrEqual(width);
        await page.keyboard.press('Escape');
        expect(await panel.isVisible()).toBe(false);
        expect(await activeText(page)).toBe('Display');
      }
      if (phone) await page.keyboard.press('Enter');
      for (const name of sectionNames()) {
        await page.keyboard.press('Tab');
        expect(await activeText(page)).toBe(name);
        expect(await clippedRing(page), name).toEqual([]);
      }
      // By touch (or pointer), each section's link shows within the width, and takes the reader there.
      await page.goto(started().server.url);
      await hydrated(page);
      const nav = page.getByRole('navigation', { name: 'Sections' });
      if (phone) await nav.getByText('Sections', { exact: true }).tap();
      for (const name of sectionNames()) {
        const box = await nav.getByRole('link', { name, exact: true }).boundingBox();
        expect(box, `${name} shows`).not.toBeNull();
        expect((box?.x ?? 0) + (box?.width ?? 0), name).toBeLessThanOrEqual(width);
        expect(box?.height, `${name}: target height`).toBeGreaterThanOrEqual(24);
      }
      const last = api.site().sections.at(-1);
      const link = nav.getByRole('link', { name: last?.name ?? '', exact: true });
      if (phone) await link.tap();
      else await link.click();
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe(last?.name);
      expect(seen.errors).toEqual([]);
    } finally {
      await seen.close();
    }
  });
});
