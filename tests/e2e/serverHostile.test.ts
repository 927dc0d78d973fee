import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { LIMITS } from '../../src/news/limits.ts';
import { plainText } from '../../src/news/plainText.ts';
import { launchBrowser } from './browser.ts';
import { startProductionServer, type ProductionServer } from './productionServer.ts';
import { startStaticServer, type StaticServer } from './staticServer.ts';
import { readApi } from './support.ts';
import {
  hasPayloads,
  payloadDocuments,
  readPayloads,
  setTraps,
  showsAsHeadline,
  sprung,
  unsafeIn,
} from './unsafe.ts';
import { hydrated, openWatched } from './watch.ts';

// Hostile strings through the server's own HTML: the production server's and
// the prerendered files'. Everything a source says is written into the page
// as text, as attributes (meta tags, alt text), and as inline data (JSON-LD,
// the hydration state); none of it may end what it is written into.

const builds = inject('builds');
const api = readApi(builds.root);
const image = api.article(api.listing('latest').items[0]?.slug ?? '').image?.src ?? '';

/** Every way out of a script, a comment, an attribute or a line of JavaScript, in one string. */
const BREAKOUT = [
  'Breakout </script><script>window.__broke = 1</script>',
  '<!-- </ScRiPt ><img src=x onerror="window.__broke = 2">',
  '" onmouseover="window.__broke = 3" \' & &amp;',
  '\u2028line\u2029paragraph -->',
].join(' ');
/** How the reader shows it as a headline, a name or a caption: white space collapsed. */
const SHOWN = plainText(BREAKOUT, LIMITS.headline);

/** A native API's documents for one article that carries the breakout string in every field. */
function breakoutDocuments(): [string, string][] {
  const ref = { slug: 'breakout', name: BREAKOUT };
  const summary = {
    slug: 'breakout',
    headline: BREAKOUT,
    summary: BREAKOUT,
    publishedAt: '2026-11-20T10:00:00Z',
    section: ref,
    source: ref,
    authors: [ref],
    tags: [ref],
    image: {
      src: image,
      alt: BREAKOUT,
      caption: BREAKOUT,
      credit: BREAKOUT,
      width: 1200,
      height: 675,
    },
  };
  const listing = JSON.stringify({
    title: BREAKOUT,
    page: 1,
    pageCount: 1,
    total: 1,
    items: [summary],
  });
  return [
    [
      'articles/breakout.json',
      JSON.stringify({
        ...summary,
        // Raw in the body too: the sanitizer keeps the text, and the state must still hold it.
        body: `<p>${BREAKOUT}</p><h2>${BREAKOUT}</h2><blockquote>\u2028${BREAKOUT}\u2029</blockquote>`,
      }),
    ],
    ['latest/1.json', listing],
    ['top/1.json', listing],
    ...['sections', 'sources', 'tags', 'authors'].map((kind): [string, string] => [
      `${kind}/breakout/1.json`,
      listing,
    ]),
  ];
}

/** In a page that shows the breakout article: everything it was written into holds it whole. */
async function expectBreakoutHeld(page: Page, javaScript: boolean): Promise<void> {
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(SHOWN);
  const written = await page.evaluate(() => {
    const meta = (key: string) =>
      document
        .querySelector(`meta[name="${key}"], meta[property="${key}"]`)
        ?.getAttribute('content');
    const data = (selector: string) =>
      JSON.parse(document.querySelector(selector)?.textContent ?? 'null') as unknown;
    return {
      title: document.title,
      description: meta('description'),
      ogTitle: meta('og:title'),
      twitterTitle: meta('twitter:title'),
      tag: meta('article:tag'),
      section: meta('article:section'),
      alt: document.querySelector('main img')?.getAttribute('alt'),
      caption: document.querySelector('main figcaption')?.textContent,
      jsonLd: data('script[type="application/ld+json"]'),
      // Read and removed by the browser once hydrated.
      state: document.querySelector('#broadsheet-state')
        ? data('#broadsheet-state') !== null
        : 'read',
      broke: (window as unknown as { __broke?: number }).__broke,
    };
  });
  expect(written.title).toContain(SHOWN);
  expect(written.description).toBe(SHOWN);
  expect(written.ogTitle).toBe(SHOWN);
  expect(written.twitterTitle).toBe(SHOWN);
  expect(written.tag).toBe(SHOWN);
  expect(written.section).toBe(SHOWN);
  expect(written.alt).toBe(SHOWN);
  expect(written.caption).toContain(SHOWN);
  expect(written.jsonLd).toMatchObject({ '@type': 'NewsArticle', headline: SHOWN });
  expect(written.state, 'the hydration state is whole JSON').toBe(javaScript ? 'read' : true);
  expect(written.broke, 'a breakout ran').toBeUndefined();
  const byline = page.getByRole('main').getByRole('link', { name: SHOWN });
  expect(
    await byline.count(),
    'links to the author, section, source and tag',
  ).toBeGreaterThanOrEqual(3);
  expect(await unsafeIn(page)).toEqual([]);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

/**
 * The breakout article of the reader at `base`, opened with JavaScript on or
 * off and without the policy (which would block an inline handler itself and
 * hide a breakout): it holds every string whole, no trap fired, the console
 * stayed silent (a hydration mismatch would speak). Its status and the
 * documents the browser read, for the caller to judge.
 */
async function openBreakout(
  base: string,
  javaScriptEnabled: boolean,
): Promise<{ status: number | undefined; documents: string[] }> {
  const seen = await openWatched(browser, { javaScriptEnabled, bypassCSP: true });
  try {
    const dialogs = await setTraps(seen.page);
    const response = await seen.page.goto(new URL('article/breakout', base).href);
    if (javaScriptEnabled) {
      await hydrated(seen.page);
      await seen.page.waitForLoadState('networkidle');
      expect(await sprung(seen.page)).toEqual([]);
    }
    await expectBreakoutHeld(seen.page, javaScriptEnabled);
    expect(dialogs).toEqual([]);
    expect(seen.console, 'hydrated without a mismatch').toEqual([]);
    expect(seen.errors).toEqual([]);
    return { status: response?.status(), documents: [...seen.documents] };
  } finally {
    await seen.close();
  }
}

describe('the production server on a hostile source', () => {
  let upstream: StaticServer;
  let server: ProductionServer;
  beforeAll(async () => {
    upstream = await startStaticServer({ root: builds.root });
    for (const [file, body] of breakoutDocuments()) upstream.fault(`/api/${file}`, { body });
    server = await startProductionServer({
      BROADSHEET_SOURCE: `native:${new URL('api/', upstream.url).href}`,
    });
  });
  afterAll(async () => {
    await server.close();
    await upstream.close();
  });

  test.each([
    ['off', false],
    ['on', true],
  ])(
    'the breakout strings stay in what they are written into, JavaScript %s',
    async (_, javaScriptEnabled) => {
      const { documents } = await openBreakout(server.url, javaScriptEnabled);
      expect(documents, 'nothing fetched again').not.toContain('/_source/articles/breakout.json');
    },
  );

  test.skipIf(!hasPayloads)(
    'the XSS payload list, as every field of listings and articles: no script runs, JavaScript off or on',
    async () => {
      const payloads = readPayloads();
      const { documents, pages, batches } = payloadDocuments(payloads, image);
      for (const [file, body] of documents) upstream.fault(`/api/${file}`, { body });
      const addresses = [
        ...Array.from({ length: pages }, (_, index) => `tag/xss?page=${String(index + 1)}`),
        ...Array.from({ length: batches }, (_, index) => `article/xss-batch-${String(index)}`),
      ];
      const off = await openWatched(browser, { javaScriptEnabled: false, bypassCSP: true });
      const on = await openWatched(browser, { bypassCSP: true });
      try {
        const dialogs = [...(await setTraps(off.page)), ...(await setTraps(on.page))];
        const unsafe: string[] = [];
        const mismatched: string[] = [];
        const ran: string[] = [];
        for (const address of addresses) {
          const url = new URL(address, server.url).href;
          const response = await off.page.goto(url);
          expect(response?.status(), address).toBe(200);
          unsafe.push(...(await unsafeIn(off.page)).map((what) => `${address} ${what}`));
          if (address.startsWith('tag/')) {
            const offset = (Number(address.split('=')[1]) - 1) * LIMITS.listingItems;
            const headlines = await off.page.locator('main h2').allTextContents();
            payloads.slice(offset, offset + LIMITS.listingItems).forEach((payload, index) => {
              if (!showsAsHeadline(payload, headlines[index] ?? ''))
                mismatched.push(`#${String(offset + index)}: ${payload}`);
            });
          }

          await on.page.goto(url);
          await hydrated(on.page);
          ran.push(...(await sprung(on.page)).map((what) => `${address} ${what}`));
          unsafe.push(...(await unsafeIn(on.page)).map((what) => `${address} ${what}`));
        }
        // Let any image error/load handlers and timers that slipped through fire.
        await on.page.waitForTimeout(1000);
        ran.push(...(await sprung(on.page)));

        expect(ran, 'script ran').toEqual([]);
        expect(dialogs, 'a dialog opened').toEqual([]);
        expect(unsafe.slice(0, 20), 'something unsafe reached the page').toEqual([]);
        expect(mismatched.slice(0, 10), 'a headline was not shown as its own text').toEqual([]);
        // Payloads' own images (<img src=x>) may 404; nothing else may speak.
        expect(
          on.console.filter((message) => !message.includes('Failed to load resource')).slice(0, 10),
          'console errors or warnings (a hydration mismatch)',
        ).toEqual([]);
        expect([...off.errors, ...on.errors]).toEqual([]);
      } finally {
        await off.close();
        await on.close();
        for (const [file] of documents) upstream.fault(`/api/${file}`, { status: 404 });
      }
    },
    300_000,
  );
});

describe('the prerendered site built against a hostile source', () => {
  let upstream: StaticServer;
  let host: StaticServer;
  let dist: string;
  beforeAll(async () => {
    // The hydrated page reads the source itself: it sends CORS headers.
    upstream = await startStaticServer({
      root: builds.root,
      headers: { 'Access-Control-Allow-Origin': '*' },
    });
    for (const [file, body] of breakoutDocuments()) upstream.fault(`/api/${file}`, { body });
    dist = mkdtempSync(path.join(tmpdir(), 'broadsheet-hostile-'));
    cpSync(builds.root, dist, { recursive: true });
    // As `npm run build` ends, with BROADSHEET_SOURCE naming the hostile source.
    await promisify(execFile)(
      process.execPath,
      [path.join(path.dirname(builds.server), 'prerender.js')],
      {
        env: {
          ...process.env,
          BROADSHEET_DIST: dist,
          BROADSHEET_SOURCE: `native:${new URL('api/', upstream.url).href}`,
        },
      },
    );
    host = await startStaticServer({ root: dist, pages: true });
  }, 120_000);
  afterAll(async () => {
    await host.close();
    await upstream.close();
    rmSync(dist, { recursive: true, force: true });
  });

  test.each([
    ['off', false],
    ['on', true],
  ])(
    'the breakout strings stay in what they are written into, JavaScript %s',
    async (_, javaScriptEnabled) => {
      const { status, documents } = await openBreakout(host.url, javaScriptEnabled);
      expect(status).toBe(200);
      if (javaScriptEnabled)
        expect(documents, 'only the config is read').toEqual(['/broadsheet.config.json']);
    },
  );
});
