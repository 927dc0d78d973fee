import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import { WARM_MARK } from '../../src/routes/lazyModules.ts';
import { launchBrowser, watchErrors } from './browser.ts';
import { startStaticServer, type StaticServer } from './staticServer.ts';

/** What a strict static host would send: nothing inline, nothing from elsewhere. */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Long enough for a busy 2-core machine, short enough that a missing element fails fast. */
export const UI_TIMEOUT = 10_000;

// ---------------------------------------------------------------------------
// The sample API, read from the build the browser is served, so the tests
// follow the content instead of hard-coding headlines.

export interface WireRef {
  slug: string;
  name: string;
}

export interface WireSummary {
  slug: string;
  headline: string;
  summary?: string;
  publishedAt: string;
  section?: WireRef;
  source?: WireRef;
  authors?: WireRef[];
  tags?: WireRef[];
  image?: { src: string; alt: string; caption?: string; credit?: string };
}

export interface WireArticle extends WireSummary {
  body: string;
  related?: WireSummary[];
}

export interface WireListing {
  title: string;
  page: number;
  pageCount: number;
  total: number;
  items: WireSummary[];
}

export interface WireSite {
  name: string;
  description?: string;
  language?: string;
  pageSize: number;
  sections: WireRef[];
}

export interface Api {
  site(): WireSite;
  /** `latest`, `top`, `tags/{slug}`, `sections/{slug}`, ... */
  listing(folder: string, page?: number): WireListing;
  article(slug: string): WireArticle;
}

export function readApi(distDir: string): Api {
  const read = (document: string): unknown =>
    JSON.parse(readFileSync(path.join(distDir, 'api', document), 'utf8'));
  return {
    site: () => read('site.json') as WireSite,
    listing: (folder, page = 1) => read(`${folder}/${page}.json`) as WireListing,
    article: (slug) => read(`articles/${slug}.json`) as WireArticle,
  };
}

/** Paragraph texts of an article body as a reader sees them (entities decoded, tags gone). */
export function paragraphsOf(html: string): string[] {
  const paragraphs = [...html.matchAll(/<p>([\s\S]*?)<\/p>/g)].map((match) => match[1] ?? '');
  return paragraphs.map((inner) =>
    inner
      .replace(/<[^>]*>/g, '')
      .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
      .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&nbsp;/g, '\u00a0')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

// ---------------------------------------------------------------------------
// One file's browser session: a static host for one build, one Chromium, and
// a fresh browser context (own cache, cookies, storage) per page opened.

export interface SessionOptions {
  /** Which build: the site root, or the one built for /news/. */
  build?: 'root' | 'subPath';
  /** Send the strict Content-Security-Policy header with every page (default true). */
  csp?: boolean;
}

export interface OpenOptions extends BrowserContextOptions {
  /** Don't navigate yet (to set up listeners or init scripts first). */
  blank?: boolean;
}

export interface Session {
  server: StaticServer;
  browser: Browser;
  api: Api;
  distDir: string;
  /** `http://127.0.0.1:port` */
  origin: string;
  /** The app's base path: `/` or `/news/`. */
  base: string;
  /** Absolute URL of an app path: `href('/article/x')` is `{origin}{base}article/x`. */
  href(appPath: string): string;
  /** A new context and page, watched for errors, at `appPath` (after the first load). */
  open(appPath: string, options?: OpenOptions): Promise<Page>;
  /** The errors recorded in every page opened since the last call. */
  takeErrors(): string[];
  /** Close the pages of the last test, clear faults and requests; fail if a page had errors. */
  endTest(): Promise<void>;
  close(): Promise<void>;
}

export async function startSession(options: SessionOptions = {}): Promise<Session> {
  const builds = inject('builds');
  const build = options.build ?? 'root';
  const distDir = build === 'root' ? builds.root : builds.subPath;
  const base = build === 'root' ? '/' : '/news/';
  const server = await startStaticServer({
    root: distDir,
    base,
    ...((options.csp ?? true) ? { headers: { 'Content-Security-Policy': CSP } } : {}),
  });
  const browser = await launchBrowser();
  const origin = new URL(server.url).origin;
  const open: { context: BrowserContext; errors: string[] }[] = [];

  const href = (appPath: string) => `${origin}${base}${appPath.replace(/^\//, '')}`;

  const session: Session = {
    server,
    browser,
    api: readApi(distDir),
    distDir,
    origin,
    base,
    href,
    async open(appPath, { blank = false, ...contextOptions } = {}) {
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        ...contextOptions,
      });
      context.setDefaultTimeout(UI_TIMEOUT);
      const page = await context.newPage();
      const errors = await watchErrors(page);
      open.push({ context, errors });
      if (!blank) await page.goto(href(appPath));
      return page;
    },
    takeErrors() {
      return open.flatMap((entry) => entry.errors.splice(0));
    },
    async endTest() {
      const errors = session.takeErrors();
      const contexts = open.splice(0);
      await Promise.all(contexts.map((entry) => entry.context.close().catch(() => undefined)));
      server.clearFaults();
      server.requests.length = 0;
      expect(errors, 'uncaught page errors or CSP violations').toEqual([]);
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
  return session;
}

// ---------------------------------------------------------------------------
// What the reader sees.

/** `H1: text` of the element that has focus (or `BODY`), to compare in expect.poll. */
export function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return 'BODY';
    const name = element.id === 'main' ? '#main' : element.textContent.replace(/\s+/g, ' ').trim();
    return `${element.tagName}: ${name}`;
  });
}

/** Wait until focus is on the page's h1 with this text. */
export async function expectFocusOnH1(page: Page, text: string): Promise<void> {
  await expect.poll(() => focused(page), { timeout: UI_TIMEOUT, interval: 50 }).toBe(`H1: ${text}`);
}

/** The page's one h1, once it shows `text`. */
export async function expectH1(page: Page, text: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
}

/**
 * Wait until the page has nothing more on its way: no loading placeholders,
 * no status region, not busy. (What a reader sees once everything has arrived.)
 */
export async function waitForSettled(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      document.querySelector('main') !== null &&
      document.querySelector('.placeholder, [role="status"], [aria-busy="true"]') === null,
    undefined,
    { timeout: UI_TIMEOUT, polling: 50 },
  );
}

export function scrollY(page: Page): Promise<number> {
  return page.evaluate(() => window.scrollY);
}

/** Marks the window; the mark survives client-side navigation and is gone after a page load. */
export async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __e2eMarker?: string }).__e2eMarker = 'still the same document';
  });
}

export function windowMark(page: Page): Promise<string | undefined> {
  return page.evaluate(() => (window as unknown as { __e2eMarker?: string }).__e2eMarker);
}

/** `Daniel Achterberg and Ines Okafor, Meridian Wire`, as the byline lists them. */
export function bylineText(article: WireArticle, language = 'en'): string {
  const authors = (article.authors ?? []).map((author) => author.name);
  const source = article.source?.name;
  if (authors.length === 0) return `By ${source ?? ''}`;
  const names = new Intl.ListFormat(language, { type: 'conjunction' }).format(authors);
  return `By ${names}${source ? `, ${source}` : ''}`;
}

/**
 * One session for the test file: its server and browser start before the
 * first test and close after the last; after each test, any error the page
 * reported fails it. Call at the top of a test file.
 */
export function sessionForFile(options: SessionOptions = {}): () => Session {
  let session: Session | undefined;
  beforeAll(async () => {
    session = await startSession(options);
  });
  afterEach(async () => {
    await session?.endTest();
  });
  afterAll(async () => {
    await session?.close();
  });
  return () => {
    if (!session)
      throw new Error('The session has not started: call sessionForFile() at the top of the file.');
    return session;
  };
}

/** An article on the first Latest page whose body links to another article, and that article's slug. */
export function articleLinkingToAnother(api: Api): { linking: WireArticle; targetSlug: string } {
  for (const item of api.listing('latest').items) {
    const article = api.article(item.slug);
    const targetSlug = /<a href="([a-z0-9-]+)\.json"/.exec(article.body)?.[1];
    if (targetSlug) return { linking: article, targetSlug };
  }
  throw new Error('no article on the first Latest page links to another');
}

/**
 * The scripts matching `pattern` the page asked for before it warmed, once
 * idle, what the first click needs (src/routes/Layout.tsx marks the moment):
 * what the page itself needed of them.
 */
export function askedBeforeWarm(page: Page, pattern: RegExp): Promise<string[]> {
  return page.evaluate(
    ({ source, mark }) => {
      const warmedAt = performance.getEntriesByName(mark)[0]?.startTime ?? Infinity;
      return performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime < warmedAt && new RegExp(source).test(entry.name))
        .map((entry) => new URL(entry.name).pathname);
    },
    { source: pattern.source, mark: WARM_MARK },
  );
}
