import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { WIDGET_BUDGET_BYTES } from '../../scripts/bundle-budget.ts';
import { describeViolations, runAxe } from './axe.ts';
import { launchBrowser } from './browser.ts';
import { startProductionServer } from './productionServer.ts';
import type { StaticServer } from './staticServer.ts';
import { readApi, UI_TIMEOUT } from './support.ts';
import { openWatched, type WatchedPage } from './watch.ts';
import { startWidgetHosts, type WidgetHosts } from './widgetHost.ts';

// The built widget.js on host pages of another origin, as a partner site
// embeds it: one script tag, one element.

const dist = inject('builds').root;
const api = readApi(dist);
let browser: Browser;
let hosts: WidgetHosts;
let reader: StaticServer;

beforeAll(async () => {
  browser = await launchBrowser();
  hosts = await startWidgetHosts();
  reader = hosts.reader;
});
afterAll(async () => {
  await browser.close();
  await hosts.close();
});

const hostPage = (
  name: string,
  body: string,
  headers?: Record<string, string>,
  from?: string,
): string => hosts.page(name, body, { ...(headers ? { headers } : {}), ...(from ? { from } : {}) });

async function open(url: string): Promise<WatchedPage> {
  const seen = await openWatched(browser);
  await seen.page.goto(url);
  return seen;
}

const headlinesOf = (page: Page, widget: string) =>
  page.locator(widget).getByRole('heading', { level: 3 }).allTextContents();

describe('the widget on another site’s page', () => {
  test('one script and one element: the latest five headlines under a labelled heading, each linking to the reader’s article', async () => {
    const seen = await open(hostPage('blank', '<broadsheet-feed></broadsheet-feed>'));
    try {
      const widget = seen.page.locator('broadsheet-feed');
      const region = widget.getByRole('region', { name: 'Latest News' });
      const latest = api.listing('latest').items.slice(0, 5);
      await region.getByRole('link', { name: latest[0]?.headline ?? '' }).waitFor();
      expect(await headlinesOf(seen.page, 'broadsheet-feed')).toEqual(
        latest.map((item) => item.headline),
      );
      for (const item of latest)
        expect(await region.getByRole('link', { name: item.headline }).getAttribute('href')).toBe(
          `${reader.url}article/${item.slug}`,
        );
      expect(
        await seen.page.evaluate(() => document.querySelector('broadsheet-feed')?.shadowRoot?.mode),
      ).toBe('open');
      expect(seen.console).toEqual([]);
      expect(seen.errors).toEqual([]);
    } finally {
      await seen.close();
    }
  });

  test(`widget.js and everything it loads for one native widget is at most ${String(WIDGET_BUDGET_BYTES / 1000)} kB gzip`, async () => {
    const seen = await openWatched(browser);
    const scripts: string[] = [];
    seen.page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.origin === new URL(reader.url).origin && url.pathname.endsWith('.js'))
        scripts.push(url.pathname);
    });
    try {
      await seen.page.goto(hostPage('budget', '<broadsheet-feed></broadsheet-feed>'));
      await seen.page
        .locator('broadsheet-feed')
        .getByRole('heading', { level: 3 })
        .first()
        .waitFor();
      await seen.page.waitForLoadState('networkidle');
      const bytes = scripts.reduce(
        (sum, file) => sum + gzipSync(readFileSync(path.join(dist, file))).length,
        0,
      );
      console.log(`widget: ${scripts.join(', ')}: ${(bytes / 1000).toFixed(1)} kB gzip`);
      expect(scripts).toContain('/widget.js');
      expect(
        bytes,
        `widget.js and what it loaded (${scripts.join(', ')}) came to ${String(bytes)} bytes gzip, over the budget of ${String(WIDGET_BUDGET_BYTES)}`,
      ).toBeLessThanOrEqual(WIDGET_BUDGET_BYTES);
    } finally {
      await seen.close();
    }
  });

  test('changing an attribute draws it again; a value it cannot use gets a console warning and a sane default', async () => {
    const seen = await open(
      hostPage('attributes', '<broadsheet-feed limit="3"></broadsheet-feed>'),
    );
    try {
      const widget = seen.page.locator('broadsheet-feed');
      await widget.getByRole('region', { name: 'Latest News' }).getByRole('link').first().waitFor();
      expect(await headlinesOf(seen.page, 'broadsheet-feed')).toHaveLength(3);

      await widget.evaluate((element) => {
        element.setAttribute('feed', 'top');
        element.setAttribute('title', 'Our partners’ top stories');
      });
      const top = api.listing('top').items.slice(0, 3);
      await widget
        .getByRole('region', { name: 'Our partners’ top stories' })
        .getByRole('link', { name: top[0]?.headline ?? '' })
        .waitFor();
      expect(await headlinesOf(seen.page, 'broadsheet-feed')).toEqual(
        top.map((item) => item.headline),
      );

      await widget.evaluate((element) => {
        element.setAttribute('limit', 'lots');
        element.setAttribute('layout', 'grid');
      });
      await expect.poll(() => headlinesOf(seen.page, 'broadsheet-feed')).toHaveLength(5);
      expect(seen.console).toEqual([
        'warning: <broadsheet-feed>: limit="lots" is not a whole number from 1 to 20; using 5.',
        'warning: <broadsheet-feed>: layout="grid" is not one of list, cards, compact; using list.',
      ]);
      expect(seen.errors).toEqual([]);
    } finally {
      await seen.close();
    }
  });

  test('several widgets share one runtime and one cache; one far below the fold fetches nothing until it nears the viewport', async () => {
    const section = api.site().sections[0];
    if (!section) throw new Error('the sample has no sections');
    reader.requests.length = 0;
    const seen = await open(
      hostPage(
        'many',
        `<broadsheet-feed></broadsheet-feed>
<broadsheet-feed feed="top" layout="compact"></broadsheet-feed>
<broadsheet-feed limit="2"></broadsheet-feed>
<div style="height: 6000px"></div>
<broadsheet-feed id="far" feed="section:${section.slug}"></broadsheet-feed>`,
      ),
    );
    try {
      const widgets = seen.page.locator('broadsheet-feed');
      for (const index of [0, 1, 2])
        await widgets.nth(index).getByRole('heading', { level: 3 }).first().waitFor();
      await seen.page.waitForLoadState('networkidle');
      const count = (file: string) => reader.requests.filter((request) => request === file).length;
      expect(count('/widget.js')).toBe(1);
      expect(count('/broadsheet.config.json')).toBe(1);
      expect(count('/api/site.json')).toBe(1);
      expect(count('/api/latest/1.json')).toBe(1);
      expect(count(`/api/sections/${section.slug}/1.json`), 'the far widget fetched').toBe(0);

      await seen.page.locator('#far').scrollIntoViewIfNeeded();
      await seen.page
        .locator('#far')
        .getByRole('region', { name: section.name })
        .getByRole('heading', { level: 3 })
        .first()
        .waitFor();
      expect(count(`/api/sections/${section.slug}/1.json`)).toBe(1);
      expect(count('/api/site.json')).toBe(1);
      expect(seen.console).toEqual([]);
      expect(seen.errors).toEqual([]);
    } finally {
      await seen.close();
    }
  });

  test('on a page with a strict Content-Security-Policy it is styled and breaks no rule', async () => {
    const origin = new URL(reader.url).origin;
    const seen = await open(
      hostPage('strict', '<broadsheet-feed></broadsheet-feed>', {
        'Content-Security-Policy': `default-src 'none'; script-src ${origin}; connect-src ${origin}; img-src 'self' ${origin}; style-src 'self'`,
      }),
    );
    try {
      const heading = seen.page.locator('broadsheet-feed').getByRole('heading', { level: 2 });
      await seen.page
        .locator('broadsheet-feed')
        .getByRole('heading', { level: 3 })
        .first()
        .waitFor();
      // Its own stylesheet applied: the heading is bold, the box has its accent rule on top.
      expect(await heading.evaluate((element) => getComputedStyle(element).fontWeight)).toBe('700');
      expect(
        await seen.page
          .locator('broadsheet-feed section')
          .evaluate((element) => getComputedStyle(element).borderTopWidth),
      ).toBe('3px');
      expect(seen.console).toEqual([]);
      expect(seen.errors).toEqual([]);
    } finally {
      await seen.close();
    }
  });

  test('a source that fails shows a small message; Retry shows the headlines once it answers', async () => {
    reader.fault(
      '/api/latest/1.json',
      { status: 503, body: 'down', headers: { 'Access-Control-Allow-Origin': '*' } },
      2,
    );
    const seen = await open(hostPage('failing', '<broadsheet-feed></broadsheet-feed>'));
    try {
      const widget = seen.page.locator('broadsheet-feed');
      const alert = widget.getByRole('alert');
      await alert.waitFor({ timeout: UI_TIMEOUT });
      expect(await alert.textContent()).toContain('The news server ran into a problem.');
      await alert.getByRole('button', { name: 'Retry' }).click();
      await widget
        .getByRole('link', { name: api.listing('latest').items[0]?.headline ?? '' })
        .waitFor();
      expect(seen.errors).toEqual([]);
      // The host's console says what failed, for its developers, and nothing else.
      expect(
        seen.console.filter(
          (message) =>
            !message.includes('status of 503') &&
            !message.startsWith('warning: <broadsheet-feed> could not load its news'),
        ),
      ).toEqual([]);
    } finally {
      reader.clearFaults();
      await seen.close();
    }
  });
});

describe('the iframe form', () => {
  const framed = (name: string, src: string) =>
    hosts.page(
      name,
      `<iframe id="frame" src="${src}" title="Top News" style="width: 400px; border: 0"></iframe><p>After the frame</p>`,
      { head: `<script type="module" src="${reader.url}embed.js"></script>`, widget: false },
    );
  const heights = (page: Page) =>
    Promise.all([
      page.locator('#frame').evaluate((frame) => frame.getBoundingClientRect().height),
      page
        .frameLocator('#frame')
        .locator(':root')
        .evaluate((root) => root.getBoundingClientRect().height),
    ]);

  test('embed.js sizes the frame to its content; a message from anywhere else is ignored; headlines open in the top page', async () => {
    const seen = await open(
      framed('framed', `${reader.url}embed/feed?feed=top&limit=3&layout=compact`),
    );
    try {
      const frame = seen.page.frameLocator('#frame');
      const top = api.listing('top').items.slice(0, 3);
      await frame.getByRole('region', { name: 'Top News' }).getByRole('link').first().waitFor();
      expect(await frame.getByRole('heading', { level: 3 }).allTextContents()).toEqual(
        top.map((item) => item.headline),
      );
      await expect
        .poll(async () => {
          const [outer, inner] = await heights(seen.page);
          return Math.abs(outer - inner) <= 3 && outer > 150;
        })
        .toBe(true);
      const [before] = await heights(seen.page);

      // The host page itself, or any other window, cannot size the frame.
      await seen.page.evaluate(() => {
        postMessage({ type: 'broadsheet:height', height: 3000 }, '*');
      });
      await seen.page.waitForTimeout(300);
      expect((await heights(seen.page))[0]).toBe(before);

      // The article's page itself is the reader's business: answer for it here.
      const article = `${reader.url}article/${top[0]?.slug ?? ''}`;
      await seen.context.route(article, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<title>Article</title>' }),
      );
      await frame.getByRole('link', { name: top[0]?.headline ?? '' }).click();
      await seen.page.waitForURL(article);
      expect(seen.errors).toEqual([]);
    } finally {
      await seen.close();
    }
  });

  test('embed.js that starts after the frame has told its height still sizes it (it asks again)', async () => {
    const url = hosts.page(
      'framed-late',
      `<iframe id="frame" src="${reader.url}embed/feed?feed=top&limit=4" title="Top News" style="width: 400px; border: 0"></iframe>`,
      { widget: false },
    );
    const seen = await open(url);
    try {
      const frame = seen.page.frameLocator('#frame');
      await frame.getByRole('region', { name: 'Top News' }).getByRole('link').first().waitFor();
      // Every report so far went to a page that was not listening.
      await seen.page.waitForTimeout(300);
      expect((await heights(seen.page))[0]).toBe(150);
      await seen.page.addScriptTag({ url: `${reader.url}embed.js`, type: 'module' });
      await expect
        .poll(async () => {
          const [outer, inner] = await heights(seen.page);
          return Math.abs(outer - inner) <= 3 && outer > 150;
        })
        .toBe(true);
      expect(seen.errors).toEqual([]);
      expect(seen.console).toEqual([]);
    } finally {
      await seen.close();
    }
  });

  test('the production server renders the frame page itself: headlines before any script, no widget code, sized by embed.js', async () => {
    const server = await startProductionServer();
    const src = `${server.url}embed/feed?feed=top&limit=3&layout=cards`;
    const top = api
      .listing('top')
      .items.slice(0, 3)
      .map((item) => item.headline);
    try {
      // Without JavaScript: the declarative shadow root holds the headlines.
      const plain = await openWatched(browser, { javaScriptEnabled: false });
      try {
        await plain.page.goto(src);
        const region = plain.page.getByRole('region', { name: 'Top News' });
        expect(await region.getByRole('heading', { level: 3 }).allTextContents()).toEqual(top);
        expect(
          await plain.page.evaluate(() =>
            Boolean(document.querySelector('broadsheet-feed')?.shadowRoot),
          ),
        ).toBe(true);
      } finally {
        await plain.close();
      }

      const seen = await open(framed('framed-served', src));
      try {
        const frame = seen.page.frameLocator('#frame');
        const region = frame.getByRole('region', { name: 'Top News' });
        await region.getByRole('link').first().waitFor();
        expect(await region.getByRole('heading', { level: 3 }).allTextContents()).toEqual(top);
        // Styled as the element is: the widget's own box and colours.
        expect(await region.evaluate((section) => getComputedStyle(section).borderTopWidth)).toBe(
          '3px',
        );
        await expect
          .poll(async () => {
            const [outer, inner] = await heights(seen.page);
            return Math.abs(outer - inner) <= 3 && outer > 150;
          })
          .toBe(true);
        // The host's embed.js and the frame's height report; no widget code.
        expect([...seen.scripts].sort()).toEqual(['/embed.js', '/embed/height.js']);
        expect(seen.errors).toEqual([]);
        expect(seen.console).toEqual([]);
      } finally {
        await seen.close();
      }
    } finally {
      await server.close();
    }
  });
});

describe('the widget’s accessibility', () => {
  test.each(['light', 'dark'] as const)(
    'axe finds nothing serious in every layout and theme, the reader’s colour scheme %s',
    async (colorScheme) => {
      const seen = await openWatched(browser, { colorScheme });
      try {
        await seen.page.goto(
          hostPage(
            `axe-${colorScheme}`,
            ['list', 'cards', 'compact']
              .flatMap((layout) =>
                ['auto', 'light', 'dark'].map(
                  (theme) =>
                    `<broadsheet-feed layout="${layout}" theme="${theme}" limit="2"></broadsheet-feed>`,
                ),
              )
              .join(''),
          ),
        );
        const widgets = seen.page.locator('broadsheet-feed');
        for (let index = 0; index < 9; index++) {
          await widgets.nth(index).scrollIntoViewIfNeeded();
          await widgets.nth(index).getByRole('heading', { level: 3 }).first().waitFor();
        }
        const violations = (await runAxe(seen.page)).filter(
          (violation) => violation.impact === 'serious' || violation.impact === 'critical',
        );
        expect(violations, describeViolations(colorScheme, violations)).toEqual([]);
        // Keyboard: the first headline takes focus, with a visible outline.
        await seen.page.keyboard.press('Tab');
        const outline = await seen.page.evaluate(() => {
          const active = document.querySelector('broadsheet-feed')?.shadowRoot?.activeElement;
          return active ? getComputedStyle(active).outlineStyle : 'nothing focused';
        });
        expect(outline).toBe('solid');
      } finally {
        await seen.close();
      }
    },
  );
});

describe('the widget served by the production server (npm run serve)', () => {
  test('loads on another site’s page and reads the news through the server', async () => {
    const server = await startProductionServer();
    const seen = await open(
      hostPage('served', '<broadsheet-feed feed="top"></broadsheet-feed>', undefined, server.url),
    );
    try {
      const top = api.listing('top').items[0];
      const link = seen.page
        .locator('broadsheet-feed')
        .getByRole('region', { name: 'Top News' })
        .getByRole('link', { name: top?.headline ?? '' });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(`${server.url}article/${top?.slug ?? ''}`);
      expect(seen.console).toEqual([]);
      expect(seen.errors).toEqual([]);
    } finally {
      await seen.close();
      await server.close();
    }
  });
});
