import { describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser.ts';
import { clippedRing, ringContrast } from './focusRing.ts';
import { startStaticServer } from './staticServer.ts';
import { expectFocusOnH1, expectH1, sessionForFile, waitForSettled } from './support.ts';
import { hydrated } from './watch.ts';

// The site's header as a reader meets it: every section within reach on a
// phone, and a visible focus on every link of it, in both themes.

const session = sessionForFile();

const sectionNames = () => [
  'Latest',
  'Top News',
  ...session()
    .api.site()
    .sections.map((section) => section.name),
];

describe('the site header', () => {
  test('on a phone, every section is one tap away in the Sections menu, which a choice closes', async () => {
    const page = await session().open('/', {
      viewport: { width: 375, height: 740 },
      hasTouch: true,
    });
    await expectH1(page, `${session().api.site().name}: front page`);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    const menu = nav.getByText('Sections', { exact: true });
    expect((await menu.boundingBox())?.height).toBeGreaterThanOrEqual(44);
    // Folded: no half-hidden strip of links running off the screen.
    for (const name of sectionNames())
      expect(await nav.getByRole('link', { name, exact: true }).isVisible(), name).toBe(false);

    await menu.tap();
    for (const name of sectionNames()) {
      const box = await nav.getByRole('link', { name, exact: true }).boundingBox();
      expect(box, `${name} shows`).not.toBeNull();
      expect(box?.x, name).toBeGreaterThanOrEqual(0);
      expect((box?.x ?? 0) + (box?.width ?? 0), name).toBeLessThanOrEqual(375);
      expect(box?.height, `${name} is a 44 px target`).toBeGreaterThanOrEqual(44);
    }
    const section = session().api.site().sections.at(-1);
    if (!section) throw new Error('the sample has no sections');
    await nav.getByRole('link', { name: section.name, exact: true }).tap();
    await expectH1(page, section.name);
    expect(new URL(page.url()).pathname).toBe(`/section/${section.slug}`);
    expect(await nav.getByRole('link', { name: section.name, exact: true }).isVisible()).toBe(
      false,
    );
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
  });

  test('on a phone, the menu works from the keyboard: Enter opens it, Tab goes through its links', async () => {
    const page = await session().open('/', { viewport: { width: 375, height: 740 } });
    await expectH1(page, `${session().api.site().name}: front page`);
    await waitForSettled(page);
    // Skip link, the site's name, Display, then the menu.
    for (let step = 0; step < 4; step += 1) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Sections');
    expect(await clippedRing(page)).toEqual([]);
    await page.keyboard.press('Enter');
    for (const name of sectionNames()) {
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(name);
      expect(await clippedRing(page), name).toEqual([]);
    }
    await page.keyboard.press('Enter');
    const last = session().api.site().sections.at(-1);
    await expectFocusOnH1(page, last?.name ?? '');
  });

  test.each(['light', 'dark'] as const)(
    'wider, every section shows in one row, and the focus ring shows whole on each link (%s)',
    async (colorScheme) => {
      const page = await session().open('/', {
        viewport: { width: 1280, height: 800 },
        colorScheme,
      });
      await expectH1(page, `${session().api.site().name}: front page`);
      await waitForSettled(page);
      const nav = page.getByRole('navigation', { name: 'Sections' });
      expect(await nav.getByText('Sections', { exact: true }).isVisible()).toBe(false);
      const rows = new Set<number>();
      for (const name of sectionNames()) {
        const box = await nav.getByRole('link', { name, exact: true }).boundingBox();
        expect(box, `${name} shows`).not.toBeNull();
        rows.add(Math.round(box?.y ?? -1));
      }
      expect(rows.size, 'rows of section links').toBe(1);

      await page.keyboard.press('Tab'); // the skip link
      await page.keyboard.press('Tab'); // the site's name
      await page.keyboard.press('Tab'); // Display, at the masthead's end
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Display');
      expect(await clippedRing(page), 'Display').toEqual([]);
      for (const name of sectionNames()) {
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(name);
        expect(await clippedRing(page), name).toEqual([]);
        expect(await ringContrast(page), `${name}: focus ring contrast`).toBeGreaterThanOrEqual(3);
      }
    },
  );

  test('without JavaScript, on a prerendered site, the phone menu opens and its links load their pages', async () => {
    const server = await startStaticServer({ root: inject('builds').prerendered, pages: true });
    const browser = await launchBrowser();
    try {
      const context = await browser.newContext({
        viewport: { width: 375, height: 740 },
        javaScriptEnabled: false,
      });
      const page = await context.newPage();
      await page.goto(server.url);
      const nav = page.getByRole('navigation', { name: 'Sections' });
      await nav.getByText('Sections', { exact: true }).click();
      const section = session().api.site().sections[0];
      if (!section) throw new Error('the sample has no sections');
      await nav.getByRole('link', { name: section.name, exact: true }).click();
      await page.waitForURL(`**/section/${section.slug}`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(section.name);
    } finally {
      await browser.close();
      await server.close();
    }
  });

  test('on a prerendered site, a menu opened before the page came alive stays open, and Display fills in', async () => {
    const server = await startStaticServer({ root: inject('builds').prerendered, pages: true });
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage({ viewport: { width: 375, height: 740 }, hasTouch: true });
      /** Load `path` with its scripts held back; `act` on the HTML alone, then let them run. */
      const beforeAlive = async (path: string, act: () => Promise<void>) => {
        let release: () => void = () => undefined;
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        await page.route('**/*.js', async (route) => {
          await held;
          await route.continue();
        });
        await page.goto(new URL(path, server.url).href, { waitUntil: 'commit' });
        await page.locator('.site-name').waitFor();
        await act();
        release();
        await page.unrouteAll({ behavior: 'wait' });
        await hydrated(page);
        await page.waitForLoadState('networkidle');
        await page.evaluate(
          () =>
            new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
        );
      };
      const nav = page.getByRole('navigation', { name: 'Sections' });
      const section = session().api.site().sections[0];
      if (!section) throw new Error('the sample has no sections');
      await beforeAlive('/', () => nav.getByText('Sections', { exact: true }).tap());
      const link = nav.getByRole('link', { name: section.name, exact: true });
      expect(await link.isVisible(), 'the Sections menu, once the page is alive').toBe(true);
      // Still the reader's menu: a choice takes them there (in the page) and closes it.
      await link.tap();
      await expectH1(page, section.name);
      expect(await link.isVisible()).toBe(false);

      await beforeAlive('/', () => page.getByText('Display', { exact: true }).tap());
      await page.getByRole('group', { name: 'Theme' }).waitFor({ timeout: 5000 });
      expect(await page.getByRole('radio', { name: 'System' }).isChecked()).toBe(true);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
