import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { describeViolations, runAxe } from './axe.ts';
import { launchBrowser } from './browser.ts';
import { startProductionServer, type ProductionServer } from './productionServer.ts';
import { startStaticServer, type StaticServer } from './staticServer.ts';
import { readApi } from './support.ts';
import { hydrated, openWatched, type WatchedPage } from './watch.ts';
import { startWidgetHosts, type WidgetHosts } from './widgetHost.ts';

// The embed builder (/embed) in the production build, on the production
// server and as a prerendered static site: choosing a feed, the live
// preview, copying the code, and the copied code working on another site.

const builds = inject('builds');
const api = readApi(builds.root);
let browser: Browser;
let server: ProductionServer;
let site: StaticServer;
let hosts: WidgetHosts;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startProductionServer();
  // As the README asks of a static host that serves the widget to other sites.
  site = await startStaticServer({
    root: builds.prerendered,
    pages: true,
    headers: { 'Access-Control-Allow-Origin': '*' },
  });
  hosts = await startWidgetHosts();
});
afterAll(async () => {
  await browser.close();
  await server.close();
  await site.close();
  await hosts.close();
});

const snippetBlock = (page: Page, name: string) =>
  page.locator('.embed-snippet', { has: page.getByRole('heading', { level: 3, name }) });
const snippet = (page: Page, name: string) => snippetBlock(page, name).locator('pre');

/** The preview frame's height against its page's: the frame fits what it shows. */
const previewHeights = (page: Page) =>
  Promise.all([
    page
      .locator('iframe.embed-preview__frame')
      .evaluate((frame) => frame.getBoundingClientRect().height),
    page
      .frameLocator('iframe.embed-preview__frame')
      .locator(':root')
      .evaluate((root) => root.getBoundingClientRect().height),
  ]);

async function openBuilder(url: string, options: Parameters<typeof openWatched>[1] = {}) {
  const seen = await openWatched(browser, {
    permissions: ['clipboard-read', 'clipboard-write'],
    ...options,
  });
  await seen.page.goto(url);
  return seen;
}

describe.each([
  ['the production server', () => server.url],
  ['a prerendered static site', () => site.url],
])('the embed builder on %s', (_, origin) => {
  test('a feed chosen from the site’s own lists shows in the preview at once, sized to fit, and the address keeps the choice', async () => {
    const seen = await openBuilder(`${origin()}embed`);
    try {
      const { page } = seen;
      await hydrated(page);
      await page.getByRole('heading', { level: 1, name: 'Embed the news' }).waitFor();
      const frame = page.frameLocator('iframe.embed-preview__frame');
      await frame.getByRole('region', { name: 'Latest News' }).getByRole('link').first().waitFor();

      const section = api.site().sections[0];
      if (!section) throw new Error('The sample needs a section');
      await page.getByRole('combobox', { name: 'Feed' }).selectOption(`section:${section.slug}`);
      await page.getByRole('combobox', { name: 'Headlines' }).selectOption('3');
      await page.getByRole('radio', { name: /^Compact/ }).check();
      await page.getByRole('radio', { name: 'Dark', exact: true }).check();
      // The field just changed keeps focus: choosing does not navigate.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('value'))).toBe('dark');

      const region = frame.getByRole('region', { name: section.name });
      await region.getByRole('link').first().waitFor();
      const expected = api
        .listing(`sections/${section.slug}`)
        .items.slice(0, 3)
        .map((item) => item.headline);
      expect(await region.getByRole('heading', { level: 3 }).allTextContents()).toEqual(expected);
      expect(await region.getAttribute('data-theme')).toBe('dark');
      expect(await region.getAttribute('class')).toContain('feed--compact');
      await expect
        .poll(async () => {
          const [outer, inner] = await previewHeights(page);
          return Math.abs(outer - inner) <= 3 && outer > 100;
        })
        .toBe(true);
      expect(new URL(page.url()).search).toBe(
        `?feed=section%3A${section.slug}&limit=3&layout=compact&theme=dark`,
      );
      expect(await snippet(page, 'One script tag').textContent()).toContain(
        `<broadsheet-feed feed="section:${section.slug}" limit="3" layout="compact" theme="dark"></broadsheet-feed>`,
      );

      // The same address, opened again, comes back to the same choice.
      await page.reload();
      await hydrated(page);
      expect(await page.getByRole('combobox', { name: 'Feed' }).inputValue()).toBe(
        `section:${section.slug}`,
      );
      expect(await page.getByRole('radio', { name: /^Compact/ }).isChecked()).toBe(true);
      expect(seen.errors).toEqual([]);
      expect(seen.console).toEqual([]);
    } finally {
      await seen.close();
    }
  });

  test('both snippets, copied, show the same headlines on another site’s page', async () => {
    const seen = await openBuilder(`${origin()}embed?feed=top&limit=4`);
    try {
      const { page } = seen;
      await hydrated(page);
      const copied: string[] = [];
      for (const name of ['One script tag', 'Iframe']) {
        const block = snippetBlock(page, name);
        await block.getByRole('button', { name: 'Copy' }).click();
        await expect.poll(() => block.getByRole('status').textContent()).toBe('Copied.');
        const text = await page.evaluate(() => navigator.clipboard.readText());
        expect(text).toBe(await snippet(page, name).textContent());
        copied.push(text);
      }
      const [script = '', frame = ''] = copied;
      expect(script).toContain(`src="${origin()}widget.js"`);
      expect(frame).toContain(`src="${origin()}embed/feed?feed=top&amp;limit=4"`);

      const host = await openWatched(browser);
      try {
        await host.page.goto(
          hosts.page(
            `pasted-${new URL(origin()).port}`,
            `<main><h1>A partner’s page</h1>${script}${frame.replace('<iframe', '<iframe id="frame"')}</main>`,
            { widget: false },
          ),
        );
        const top = api
          .listing('top')
          .items.slice(0, 4)
          .map((item) => item.headline);
        const widget = host.page
          .locator('broadsheet-feed')
          .getByRole('region', { name: 'Top News' });
        await widget.getByRole('link').first().waitFor();
        expect(await widget.getByRole('heading', { level: 3 }).allTextContents()).toEqual(top);
        const framed = host.page.frameLocator('#frame').getByRole('region', { name: 'Top News' });
        await framed.getByRole('link').first().waitFor();
        expect(await framed.getByRole('heading', { level: 3 }).allTextContents()).toEqual(top);
        await expect
          .poll(() =>
            host.page
              .locator('#frame')
              .evaluate((element) => element.getBoundingClientRect().height),
          )
          .toBeGreaterThan(200);
        expect(host.errors).toEqual([]);
        expect(host.console).toEqual([]);
      } finally {
        await host.close();
      }
    } finally {
      await seen.close();
    }
  });
});

describe('the embed builder without JavaScript', () => {
  test('is a form: sending it shows the code for the choice, and offers no button that needs a script', async () => {
    const seen = await openBuilder(`${server.url}embed`, { javaScriptEnabled: false });
    try {
      const { page } = seen;
      expect(await page.getByRole('button', { name: 'Copy' }).count()).toBe(0);
      await page.getByRole('combobox', { name: 'Feed' }).selectOption('top');
      await page.getByRole('radio', { name: /^Cards/ }).check();
      await page.getByRole('button', { name: 'Update preview' }).click();
      await page.waitForURL(/feed=top/);
      expect(await snippet(page, 'One script tag').textContent()).toContain(
        '<broadsheet-feed feed="top" layout="cards"></broadsheet-feed>',
      );
      expect(await page.locator('iframe.embed-preview__frame').getAttribute('src')).toBe(
        '/embed/feed?feed=top&layout=cards',
      );
      expect(await page.getByRole('combobox', { name: 'Feed' }).inputValue()).toBe('top');
    } finally {
      await seen.close();
    }
  });
});

describe('the embed builder’s accessibility', () => {
  test.each(['light', 'dark'] as const)(
    'axe finds nothing serious, colour scheme %s; the form works by keyboard',
    async (colorScheme) => {
      const seen: WatchedPage = await openBuilder(`${server.url}embed`, { colorScheme });
      try {
        const { page } = seen;
        await hydrated(page);
        await page.frameLocator('iframe.embed-preview__frame').getByRole('link').first().waitFor();
        const violations = (await runAxe(page)).filter(
          (violation) => violation.impact === 'serious' || violation.impact === 'critical',
        );
        expect(violations, describeViolations(`/embed, ${colorScheme}`, violations)).toEqual([]);

        await page.getByRole('combobox', { name: 'Feed' }).focus();
        await page.keyboard.press('Tab');
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('embed-limit');
        await page.keyboard.press('Tab');
        await page.keyboard.press('ArrowDown');
        expect(await page.getByRole('radio', { name: /^Cards/ }).isChecked()).toBe(true);
        await expect.poll(() => new URL(page.url()).search).toContain('layout=cards');
      } finally {
        await seen.close();
      }
    },
  );
});
