import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { launchBrowser } from './browser.ts';
import { startStaticServer, type StaticServer } from './staticServer.ts';
import { askedBeforeWarm, readApi, type Api } from './support.ts';
import { hydrated, openWatched } from './watch.ts';

// The prerendered dist/ on a plain static host: files only, `latest.html` for
// /latest, 404.html (status 404) for anything missing, no headers of its own.

const dist = inject('builds').prerendered;
const api: Api = readApi(dist);
let browser: Browser;
let host: StaticServer;

beforeAll(async () => {
  browser = await launchBrowser();
  host = await startStaticServer({ root: dist, pages: true });
});
afterAll(async () => {
  await browser.close();
  await host.close();
});

const url = (appPath: string) => new URL(appPath.replace(/^\//, ''), host.url).href;

const open = (options: { javaScriptEnabled?: boolean } = {}) => openWatched(browser, options);

describe('the prerendered site on a static host', () => {
  test('writes every page, Not Found as 404.html, and a fallback shell with no page in it', () => {
    const top = api.listing('top').items[0];
    for (const file of [
      'index.html',
      'latest.html',
      'top.html',
      'about.html',
      '404.html',
      `article/${top?.slug ?? ''}.html`,
    ])
      expect(readFileSync(path.join(dist, file), 'utf8'), file).toContain('id="broadsheet-state"');
    for (const section of api.site().sections)
      expect(readFileSync(path.join(dist, `section/${section.slug}.html`), 'utf8')).toContain(
        section.name,
      );
    const fallback = readFileSync(path.join(dist, 'fallback.html'), 'utf8');
    expect(fallback).toContain('<div id="root"></div>');
    expect(fallback).not.toContain('broadsheet-state');
    // Carries its policy in the page: a static host may send none.
    expect(readFileSync(path.join(dist, 'index.html'), 'utf8')).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="[^"]*script-src &#x27;self&#x27;/,
    );
  });

  test('every page names the site icon, a PNG the host serves (the browser decodes it again at each navigation, and an SVG costs a document of its own)', async () => {
    const top = api.listing('top').items[0];
    for (const file of [
      'index.html',
      'fallback.html',
      '404.html',
      `article/${top?.slug ?? ''}.html`,
    ]) {
      const html = readFileSync(path.join(dist, file), 'utf8');
      const links = [...html.matchAll(/<link rel="icon"[^>]*>/g)].map(([link]) => link);
      expect(links, file).toHaveLength(1);
      expect(links[0], file).toContain('type="image/png"');
      const href = /href="([^"]+)"/.exec(links[0] ?? '')?.[1] ?? '';
      const response = await fetch(url(href));
      expect(response.status, href).toBe(200);
      const bytes = new Uint8Array(await response.arrayBuffer());
      expect([...bytes.subarray(1, 4)].map((byte) => String.fromCharCode(byte)).join('')).toBe(
        'PNG',
      );
    }
  });

  test('a reader without JavaScript reads the front page and follows a link to an article', async () => {
    const { context, page } = await open({ javaScriptEnabled: false });
    try {
      const top = api.listing('top').items[0];
      await page.goto(url('/'));
      await page
        .getByRole('region', { name: 'Top story' })
        .getByRole('link', { name: top?.headline ?? '(none)' })
        .click();
      await page.waitForURL(url(`/article/${top?.slug ?? ''}`));
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(top?.headline);
      expect(await page.locator('.article-body p').count()).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });

  test.each([
    ['the front page', '/'],
    ['an article', `/article/${api.listing('latest').items[1]?.slug ?? ''}`],
    ['a listing', '/latest'],
  ])(
    'hydrates %s with no layout shift, no console message, no fetch but the config check, and none of the code that reads a config until it is idle',
    async (_, appPath) => {
      const { context, page, errors, console, documents, layoutShift } = await open();
      try {
        await page.goto(url(appPath));
        await hydrated(page);
        await page.waitForLoadState('networkidle');
        expect(await layoutShift(), 'the layout shifted while hydrating').toBe(0);
        expect(console).toEqual([]);
        expect(errors).toEqual([]);
        expect(documents).toEqual(['/broadsheet.config.json']);
        // The config names the source the page was built with: its check needs no
        // validator, no adapter. The page warms that code once idle, for the first
        // click (decision 020), and not before.
        expect(await askedBeforeWarm(page, /\/reader-[^/]+\.js$/)).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  test('?page=2 gets page 1’s file from the host, and the browser shows page 2', async () => {
    const { context, page, errors, console } = await open();
    try {
      await page.goto(url('/latest?page=2'));
      const second = api.listing('latest', 2).items[0];
      await page.getByRole('link', { name: second?.headline ?? '(none)' }).waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Latest News');
      await expect.poll(() => page.title()).toContain('page 2');
      expect(console).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a missing page answers 404 with the Not Found page, hydrated', async () => {
    const { context, page, errors, console } = await open();
    try {
      const response = await page.goto(url('/no/such/page'));
      expect(response?.status()).toBe(404);
      await hydrated(page);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/not found/i);
      // Chromium reports the document's own 404; nothing else may speak.
      expect(console.filter((message) => !message.includes('status of 404'))).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a config that names another source since the build: the browser renders the page afresh from it', async () => {
    // The same news on another origin, so that only the config says it is another source.
    const elsewhere = await startStaticServer({
      root: dist,
      headers: { 'Access-Control-Allow-Origin': '*' },
    });
    const { context, page, errors, console } = await open();
    try {
      host.fault('/broadsheet.config.json', {
        body: JSON.stringify({
          source: { type: 'native', url: new URL('api/', elsewhere.url).href },
        }),
      });
      const story = api.listing('latest').items[2];
      await page.goto(url(`/article/${story?.slug ?? ''}`));
      await expect
        .poll(() => elsewhere.requests)
        .toContain(`/api/articles/${story?.slug ?? ''}.json`);
      await page.locator('.article-body p').first().waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(story?.headline);
      expect(console).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      host.clearFaults();
      await context.close();
      await elsewhere.close();
    }
  });
});

describe('prerendering for a site whose address the build is told, or not', () => {
  /** `npm run build`'s last step, on a copy of the site's build: what it prints, and the files it writes. */
  function prerender(env: NodeJS.ProcessEnv) {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-prerender-'));
    try {
      cpSync(inject('builds').root, copy, { recursive: true });
      const printed = execFileSync(
        process.execPath,
        [path.join(path.dirname(inject('builds').server), 'prerender.js')],
        { env: { ...process.env, ...env, BROADSHEET_DIST: copy }, encoding: 'utf8' },
      );
      const story = api.listing('top').items[0];
      const article = readFileSync(path.join(copy, `article/${story?.slug ?? ''}.html`), 'utf8');
      const articles = readdirSync(path.join(copy, 'article')).map((file) =>
        file.replace(/\.html$/, ''),
      );
      return { printed, article, slug: story?.slug ?? '', articles };
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }

  test('renders every article of a small site, and of a large one Top News and the newest BROADSHEET_PRERENDER_ARTICLES', () => {
    const everyStory = (folder: string) => {
      const slugs: string[] = [];
      for (let page = 1, pageCount = 1; page <= pageCount; page++) {
        const listing = api.listing(folder, page);
        slugs.push(...listing.items.map((item) => item.slug));
        pageCount = listing.pageCount;
      }
      return slugs;
    };
    const latest = everyStory('latest');
    const top = everyStory('top');
    expect(prerender({}).articles.sort()).toEqual([...new Set([...latest, ...top])].sort());

    const { printed, articles } = prerender({ BROADSHEET_PRERENDER_ARTICLES: '5' });
    expect(articles.sort()).toEqual([...new Set([...latest.slice(0, 5), ...top])].sort());
    expect(printed).toContain('BROADSHEET_PRERENDER_ARTICLES=all renders every one');
    expect(latest.length).toBeGreaterThan(new Set([...latest.slice(0, 5), ...top]).size);
  });

  test('without BROADSHEET_ORIGIN it says that link previews need it, and writes root-relative URLs', () => {
    const { printed, article, slug } = prerender({ BROADSHEET_ORIGIN: '' });
    expect(printed).toContain('build with BROADSHEET_ORIGIN=https://your.site');
    expect(article).toContain(`<link rel="canonical" href="/article/${slug}"/>`);
  });

  test('with it, canonical and Open Graph URLs are absolute, and it says nothing about them', () => {
    const { printed, article, slug } = prerender({ BROADSHEET_ORIGIN: 'https://news.example' });
    expect(printed).not.toContain('BROADSHEET_ORIGIN');
    expect(article).toContain(
      `<link rel="canonical" href="https://news.example/article/${slug}"/>`,
    );
    expect(article).toContain(
      `<meta property="og:url" content="https://news.example/article/${slug}"/>`,
    );
    expect(article).toMatch(
      /<meta property="og:image" content="https:\/\/news\.example\/api\/images\/[^"]+"\/>/,
    );
  });
});
