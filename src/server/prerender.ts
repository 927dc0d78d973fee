// `npm run build` ends here: every page of the source the site is built
// against, rendered by the server's own render() into dist/ as static HTML, so
// that a plain static host serves content before any JavaScript.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseConfig, type Config } from '../config.ts';
import { CONFIG_FILE } from '../configFile.ts';
import type { ListingRef, Summary } from '../news/types.ts';
import { paths } from '../news/paths.ts';
import { createSource } from '../sources/createSource.ts';
import type { NewsSource } from '../sources/NewsSource.ts';
import { contentSecurityPolicy } from './handler.ts';
import { pageAssets } from './nodeServer.ts';
import { render } from './render.tsx';
import { serverDom } from './serverDom.ts';

/** The shell that renders whatever page it is opened at, in the browser: for a static host's fallback. */
export const FALLBACK_FILE = 'fallback.html';
/** What the Not Found page is rendered at; its state hydrates at any address. */
const NOT_FOUND_PATH = 'this-page-does-not-exist';

export interface PrerenderOptions {
  distDir: string;
  /** The site's base path, with its trailing slash. */
  base: string;
  /** The source as the config names it. */
  config: Config['source'];
  /** The site's public origin, when known: canonical and Open Graph URLs are then absolute. */
  origin?: string | undefined;
  /**
   * How many articles to render, newest first (Top News's always): a site of
   * a hundred thousand would take the build an hour; the rest open through
   * the fallback shell. Infinity renders every one.
   */
  articles?: number;
  log?: (line: string) => void;
}

/**
 * Render the front page, Latest and Top News, About, the embed builder, every
 * section, tag, source and author listing's first page, every article, and
 * Not Found (as 404.html);
 * keep the build's own index.html as the fallback shell.
 */
export async function prerenderSite(options: PrerenderOptions): Promise<{ pages: number }> {
  const { distDir, base, log = console.log } = options;
  // A relative source (the sample's `api/`) is in dist/ itself: serve it while rendering.
  const files = await serveFiles(distDir, base);
  try {
    const here = `${files.origin}${base}`;
    const resolved = parseConfig({ source: options.config }, `${here}${CONFIG_FILE}`);
    const source = await createSource(resolved, {
      id: `${options.config.type}:${options.config.url}`,
    });
    const { sanitize } = serverDom();
    const assets = pageAssets(distDir, base);
    const policy = metaPolicy(contentSecurityPolicy(options.config));
    // URLs the render writes: the public origin's, or, unknown, root-relative ones.
    const publicOrigin = options.origin?.replace(/\/$/, '') ?? '';
    const publish = (html: string) => html.replaceAll(files.origin, publicOrigin);

    const shell = path.join(distDir, 'index.html');
    if (!existsSync(path.join(distDir, FALLBACK_FILE)))
      copyFileSync(shell, path.join(distDir, FALLBACK_FILE));

    const renderTo = async (appPath: string, file: string, expected: number, anyPath = false) => {
      const response = await render(new Request(`${here}${appPath}`), {
        source,
        config: options.config,
        sanitize,
        assets,
        base,
        origin: files.origin,
        prerendered: true,
        policyInPage: policy,
        ...(anyPath ? { anyPath } : {}),
      });
      const html = await response.text();
      if (response.status !== expected) {
        throw new Error(
          `${base}${appPath} answered ${String(response.status)} while prerendering (expected ${String(expected)})`,
        );
      }
      const target = path.join(distDir, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, publish(html));
    };

    const limit = options.articles ?? DEFAULT_ARTICLES;
    const { pages, articles, more } = await pagesOf(source, limit);
    for (const appPath of pages) await renderTo(appPath, fileFor(appPath), 200);
    await renderTo(NOT_FOUND_PATH, '404.html', 404, true);
    log(
      `Broadsheet: prerendered ${String(pages.length)} pages (${String(articles)} articles) and 404.html into ${path.relative(process.cwd(), distDir) || '.'}/` +
        ` (${FALLBACK_FILE} renders any other address in the browser)`,
    );
    if (more)
      log(
        `Broadsheet: the newest ${String(limit)} articles and Top News are prerendered; older ones open through ${FALLBACK_FILE} (BROADSHEET_PRERENDER_ARTICLES=all renders every one)`,
      );
    if (!publicOrigin)
      log(
        'Broadsheet: canonical and link-preview URLs are root-relative, which link previews (social networks, chat apps) ignore: build with BROADSHEET_ORIGIN=https://your.site to make them absolute',
      );
    return { pages: pages.length + 1 };
  } finally {
    await files.close();
  }
}

/** Articles a build renders unless told otherwise (BROADSHEET_PRERENDER_ARTICLES). */
export const DEFAULT_ARTICLES = 1_000;

/**
 * Every page a reader can reach by following links, first pages only
 * (`?page=N` is the browser's: decision 010), for Top News's stories and the
 * newest `limit` of Latest; `more` when Latest has older ones left out.
 */
async function pagesOf(
  source: NewsSource,
  limit: number,
): Promise<{ pages: string[]; articles: number; more: boolean }> {
  const found = new Set<string>(['', 'latest', 'top', 'about', 'embed']);
  const listing = (ref: ListingRef) => found.add(paths.listing(ref).slice(1));
  const site = await source.site();
  for (const section of site.sections) listing({ kind: 'section', slug: section.slug });
  const stories = new Set<string>();
  const add = (story: Summary) => {
    stories.add(story.slug);
    found.add(paths.article(story.slug).slice(1));
    if (story.section) listing({ kind: 'section', slug: story.section.slug });
    if (story.source) listing({ kind: 'source', slug: story.source.slug });
    for (const tag of story.tags) listing({ kind: 'tag', slug: tag.slug });
    for (const author of story.authors) listing({ kind: 'author', slug: author.slug });
  };
  for (let page = 1, pageCount = 1; page <= pageCount; page++) {
    const result = await source.listing({ kind: 'top' }, page);
    for (const story of result.items) add(story);
    pageCount = result.pageCount;
  }
  let newest = 0;
  let more = false;
  for (let page = 1, pageCount = 1; page <= pageCount; page++) {
    const result = await source.listing({ kind: 'latest' }, page);
    for (const story of result.items) {
      if (newest >= limit) {
        more = true;
        break;
      }
      newest++;
      add(story);
    }
    if (more) break;
    pageCount = result.pageCount;
  }
  return { pages: [...found], articles: stories.size, more };
}

/** `latest` to `latest.html`, `article/x` to `article/x.html`: the address a static host serves it at. */
function fileFor(appPath: string): string {
  return appPath === '' ? 'index.html' : `${appPath}.html`;
}

/**
 * The policy for a meta tag: without frame-ancestors (browsers ignore it
 * there, and say so), and with documents from anywhere, since the config can
 * name another source after the build (a host's own header can narrow it).
 */
function metaPolicy(policy: string): string {
  return policy
    .split('; ')
    .filter((directive) => !directive.startsWith('frame-ancestors'))
    .map((directive) => (directive.startsWith('connect-src') ? 'connect-src *' : directive))
    .join('; ');
}

/** dist/ on a loopback port, for as long as the prerender reads from it. */
async function serveFiles(root: string, base: string) {
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const file = path.resolve(root, `.${pathname.slice(base.length - 1)}`);
    if (!file.startsWith(root + path.sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
      res.writeHead(404, { 'Content-Type': 'application/json' }).end('{"error":"Not Found"}');
      return;
    }
    res.writeHead(200, {
      'Content-Type': file.endsWith('.json') ? 'application/json' : 'application/octet-stream',
    });
    res.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${String(port)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
