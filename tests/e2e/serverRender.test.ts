import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { SERVER_BUDGET_BYTES } from '../../scripts/bundle-budget.ts';
import { SHARE_TAGS } from '../../src/routes/Layout.tsx';
import { PREPAINT_SCRIPT_HASH } from '../../src/settings/prepaint.ts';
import { launchBrowser } from './browser.ts';
import { startProductionServer, type ProductionServer } from './productionServer.ts';
import { startStaticServer, type StaticServer } from './staticServer.ts';
import { askedBeforeWarm, markWindow, readApi, windowMark, type Api } from './support.ts';
import { hydrated, openWatched } from './watch.ts';

let browser: Browser;
const api: Api = readApi(inject('builds').root);

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

describe('the production server (npm run serve) on the sample news', () => {
  let server: ProductionServer;
  beforeAll(async () => {
    server = await startProductionServer();
  });
  afterAll(async () => {
    await server.close();
  });
  const url = (path: string) => new URL(path.replace(/^\//, ''), server.url).href;

  test('a reader without JavaScript reads the front page, opens an article and pages through a listing', async () => {
    const { context, page } = await openWatched(browser, { javaScriptEnabled: false });
    try {
      const top = api.listing('top').items[0];
      if (!top) throw new Error('no top story');
      await page.goto(url('/'));
      const lead = page.getByRole('region', { name: 'Top story' }).getByRole('link', {
        name: top.headline,
      });
      await lead.click();
      await page.waitForURL(url(`/article/${top.slug}`));
      await expect
        .poll(() => page.getByRole('heading', { level: 1 }).textContent())
        .toBe(top.headline);
      const article = api.article(top.slug);
      expect(await page.locator('.article-body p').count()).toBeGreaterThan(0);
      expect(await page.getByRole('complementary', { name: 'More news' }).textContent()).toContain(
        'Latest News',
      );
      expect(await page.title()).toContain(article.headline);

      await page
        .getByRole('navigation', { name: 'Sections' })
        .getByRole('link', { name: 'Latest' })
        .click();
      await page.waitForURL(url('/latest'));
      await page.getByRole('link', { name: /Older/ }).click();
      await page.waitForURL(url('/latest?page=2'));
      const second = api.listing('latest', 2).items[0];
      expect(await page.getByRole('main').textContent()).toContain(second?.headline);
    } finally {
      await context.close();
    }
  });

  test('says how long a CDN may keep each kind of file: assets for good, news a minute and stale while it asks again, the widget five minutes, pages a minute', async () => {
    const page = await fetch(url('/'));
    const script = /<script type="module" src="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const cacheControl = async (path: string) => {
      const response = await fetch(url(path));
      expect(response.status, path).toBe(200);
      await response.arrayBuffer();
      return response.headers.get('cache-control');
    };
    expect(page.headers.get('cache-control')).toBe(
      'public, max-age=0, s-maxage=60, stale-while-revalidate=600',
    );
    expect(await cacheControl(script)).toBe('public, max-age=31536000, immutable');
    expect(await cacheControl('/api/latest/1.json')).toBe(
      'public, max-age=60, stale-while-revalidate=600',
    );
    // Other sites embed it by this one name: it cannot be hashed, so it is not kept long.
    expect(await cacheControl('/widget.js')).toBe('public, max-age=300');
    // Made from the server's settings when it starts.
    expect(await cacheControl('/broadsheet.config.json')).toBe('public, max-age=60');
  });

  test('a crawler’s plain fetch gets the real status and the article’s head tags in its first 32 KB', async () => {
    const story = api.listing('latest').items.find((item) => item.image);
    if (!story) throw new Error('no story with an image');
    const response = await fetch(url(`/article/${story.slug}`));
    expect(response.status).toBe(200);
    // Its own scripts, and the one inline script for the reader's settings, by its hash.
    expect(response.headers.get('content-security-policy')).toContain(
      `script-src 'self' ${PREPAINT_SCRIPT_HASH};`,
    );
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('etag')).toMatch(/^".+"$/);
    const html = await response.text();
    const first = new TextDecoder().decode(new TextEncoder().encode(html).subarray(0, 32 * 1024));
    const head = first.slice(0, first.indexOf('</head>'));
    expect(head.length, 'the head ends within 32 KB').toBeGreaterThan(0);
    const canonical = url(`/article/${story.slug}`);
    expect(head).toContain(`<link rel="canonical" href="${canonical}"/>`);
    expect(head).toContain(`<meta property="og:url" content="${canonical}"/>`);
    expect(head).toContain('<meta property="og:type" content="article"/>');
    expect(head).toMatch(/<meta property="og:image" content="https?:\/\/[^"]+"\/>/);
    expect(head).toContain('<meta name="twitter:card" content="summary_large_image"/>');
    expect(head).toContain('<meta property="article:published_time"');

    const again = await fetch(url(`/article/${story.slug}`), {
      headers: { 'If-None-Match': response.headers.get('etag') ?? '' },
    });
    expect(again.status).toBe(304);
    expect((await fetch(url('/no/such/page'))).status).toBe(404);
    expect((await fetch(url('/article/no-such-story'))).status).toBe(404);
    expect((await fetch(url('/healthz'))).status).toBe(200);
  });

  test.each([
    ['the front page', '/'],
    ['an article', `/article/${api.listing('latest').items[0]?.slug ?? ''}`],
    ['a listing', '/latest?page=2'],
  ])(
    'hydrates %s without a flash, a layout shift, a console message or a second fetch; then navigates client-side',
    async (_, path) => {
      const seen = await openWatched(browser);
      const { page, context } = seen;
      try {
        await page.goto(url(path));
        await page.waitForLoadState('networkidle');
        // Hydrated: React has attached its handlers (a client-side navigation works below).
        await hydrated(page);
        expect(seen.console, 'console errors or warnings').toEqual([]);
        expect(seen.errors).toEqual([]);
        expect(seen.documents, 'documents fetched again by the browser').toEqual([]);
        expect(await seen.placeholders(), 'a loading screen or placeholder showed').toEqual([]);
        expect(await seen.layoutShift(), 'the layout shifted while hydrating').toBe(0);
        // The server sanitized what it sent: the browser needs no sanitizer until it
        // fetches an article itself, and warms its own only once the page is idle.
        expect(await askedBeforeWarm(page, /(native|browser)Sanitizer/)).toEqual([]);
        expect(seen.scripts.some((script) => script.includes('browserSanitizer'))).toBe(false);

        await markWindow(page);
        // What the server wrote for link previews describes the page it sent, and only while it is shown.
        const shareTags = () =>
          page.evaluate((selector) => document.head.querySelectorAll(selector).length, SHARE_TAGS);
        if (path.startsWith('/article/')) expect(await shareTags()).toBeGreaterThan(5);
        await page
          .getByRole('navigation', { name: 'Sections' })
          .getByRole('link', { name: 'Top News' })
          .click();
        await page.waitForURL(url('/top'));
        await expect
          .poll(() => page.getByRole('heading', { level: 1 }).textContent())
          .toBe('Top News');
        expect(await shareTags()).toBe(0);
        expect(await windowMark(page), 'the page was not reloaded').toBe('still the same document');
        expect(seen.console).toEqual([]);
        expect(seen.errors).toEqual([]);

        // An article opened from here is the browser's to fetch, and to sanitize.
        const story = api.listing('top').items.find((item) => !path.includes(item.slug));
        await page
          .getByRole('main')
          .getByRole('link', { name: story?.headline ?? '(none)' })
          .first()
          .click();
        await page.locator('.article-body p').first().waitFor();
        // Chromium's own HTML Sanitizer API, with the body's rules (DOMPurify only where it is missing).
        expect(seen.scripts.some((script) => script.includes('nativeSanitizer'))).toBe(true);
        expect(seen.scripts.some((script) => script.includes('browserSanitizer'))).toBe(false);
        expect(seen.documents).toContain(`/api/articles/${story?.slug ?? ''}.json`);
        expect(seen.console).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
  test('the lists beside an article load their code when the reader reaches them: until then the page loads less than its budget, and their links are plain links', async () => {
    const seen = await openWatched(browser);
    const { page, context } = seen;
    try {
      const story = api.listing('latest').items[0];
      await page.goto(url(`/article/${story?.slug ?? ''}`));
      await page.waitForLoadState('networkidle');
      await hydrated(page);
      const aside = page.getByRole('complementary', { name: 'More news' });
      const fromTop = aside.getByRole('region', { name: 'Top News' }).getByRole('link').nth(1);
      // Shown as the server sent it, its code not loaded.
      expect(await fromTop.isVisible()).toBe(true);
      const islandCode = () => seen.scripts.filter((script) => script.includes('ArticleMore'));
      expect(islandCode()).toEqual([]);
      const root = inject('builds').root;
      const loaded = seen.scripts.reduce(
        (sum, script) => sum + gzipSync(readFileSync(path.join(root, script))).length,
        0,
      );
      console.log(`JavaScript loaded by a server-rendered article until idle: ${loaded} B gzip`);
      expect(loaded, 'JavaScript loaded until idle, gzip').toBeLessThanOrEqual(SERVER_BUDGET_BYTES);

      await markWindow(page);
      // The pointer on its way to a headline brings the code; the click is the reader's own.
      await fromTop.hover();
      await expect.poll(islandCode).toHaveLength(1);
      // Its code in, the island hydrates. A click before that is a plain link's, and
      // loads the page anew (on a busy machine, it did).
      await hydrated(page, fromTop);
      const headline = (await fromTop.textContent()) ?? '';
      await fromTop.click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(headline);
      expect(await windowMark(page), 'the page was not reloaded').toBe('still the same document');
      expect(seen.console).toEqual([]);
      expect(seen.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the production server on a source that fails, then heals', () => {
  let upstream: StaticServer;
  let server: ProductionServer;
  beforeAll(async () => {
    // The sample API on a host of its own, which lets this reader's pages read it (CORS).
    upstream = await startStaticServer({
      root: inject('builds').root,
      headers: { 'Access-Control-Allow-Origin': '*' },
    });
    server = await startProductionServer({
      BROADSHEET_SOURCE: `native:${new URL('api/', upstream.url).href}`,
    });
  });
  afterAll(async () => {
    await server.close();
    await upstream.close();
  });

  const topStory = (page: Page) =>
    page
      .getByRole('region', { name: 'Top story' })
      .getByRole('link', { name: api.listing('top').items[0]?.headline ?? '(none)' });

  test('answers 502 with the error page; its Retry shows the page once the source answers', async () => {
    upstream.fault('/api/site.json', { status: 500, body: 'down' }, 1);
    const { context, page, errors } = await openWatched(browser);
    try {
      const response = await page.goto(server.url);
      expect(response?.status()).toBe(502);
      await page.getByText('The news server ran into a problem').waitFor();
      const retry = page.getByRole('button', { name: 'Retry' });
      await hydrated(page, retry);
      await markWindow(page);
      await retry.click();
      await topStory(page).waitFor();
      expect(await windowMark(page), 'retried in the page').toBe('still the same document');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('its Retry works before the page’s code has arrived: it asks the server for the page again', async () => {
    upstream.fault('/api/site.json', { status: 500, body: 'down' }, 1);
    const { context, page, errors } = await openWatched(browser);
    try {
      await page.route('**/*.js', (route) => route.abort());
      const response = await page.goto(`${server.url}latest?page=2`);
      expect(response?.status()).toBe(502);
      const reloaded = page.waitForResponse((answer) => answer.request().isNavigationRequest());
      await page.getByRole('button', { name: 'Retry' }).click();
      const answer = await reloaded;
      expect(answer.status()).toBe(200);
      expect(new URL(answer.url()).search, 'the same page of the listing').toBe('?page=2');
      await page.getByRole('heading', { level: 1, name: 'Latest' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the production server on a source on another origin that sends no CORS headers', () => {
  let upstream: StaticServer;
  let server: ProductionServer;
  beforeAll(async () => {
    // No Access-Control-Allow-Origin: a browser may not read it from another origin.
    upstream = await startStaticServer({
      root: inject('builds').root,
      headers: { 'Cache-Control': 'public, max-age=300' },
    });
    server = await startProductionServer({
      BROADSHEET_SOURCE: `native:${new URL('api/', upstream.url).href}`,
    });
  });
  afterAll(async () => {
    await server.close();
    await upstream.close();
  });

  test('the browser reads it through the reader’s own origin, client-side navigation included', async () => {
    const seen = await openWatched(browser);
    const { page, context } = seen;
    try {
      await page.goto(server.url);
      await page.waitForLoadState('networkidle');
      const story = api.listing('top').items[1];
      await page
        .getByRole('main')
        .getByRole('link', { name: story?.headline ?? '(none)' })
        .first()
        .click();
      await page.locator('.article-body p').first().waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(story?.headline);
      expect(seen.documents).toContain(`/_source/articles/${story?.slug ?? ''}.json`);
      expect(seen.console).toEqual([]);
      expect(seen.errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('keeps what the source says it may keep: a page asked for twice reads its documents once', async () => {
    upstream.requests.length = 0;
    const slug = api.listing('latest').items[3]?.slug ?? '';
    expect((await fetch(new URL(`article/${slug}`, server.url))).status).toBe(200);
    expect((await fetch(new URL(`article/${slug}`, server.url))).status).toBe(200);
    expect(upstream.requests.filter((path) => path === `/api/articles/${slug}.json`)).toHaveLength(
      1,
    );
  });

  test('relays only documents under the source’s own folder, and only reads', async () => {
    for (const path of [
      '_source/../../package.json',
      '_source/%2e%2e/%2e%2e/package.json',
      '_source/..%2fpackage.json',
    ]) {
      const answer = await fetch(`${server.url}${path}`);
      expect(answer.status, path).toBe(404);
    }
    expect((await fetch(`${server.url}_source/site.json`)).status).toBe(200);
    expect(
      (await fetch(`${server.url}_source/site.json`, { method: 'POST', body: '{}' })).status,
    ).toBe(405);
    expect(upstream.requests.some((path) => path.includes('package.json'))).toBe(false);
  });
});
