import { dehydrate, type QueryClient } from '@tanstack/react-query';
import { prerender } from 'react-dom/static';
import {
  createStaticHandler,
  createStaticRouter,
  isRouteErrorResponse,
  StaticRouterProvider,
  type StaticHandlerContext,
} from 'react-router';
import type { Sanitize } from '../sanitize/sanitizer.ts';
import { RenderedClock, type Clock } from '../components/Clock.ts';
import type { Config } from '../config.ts';
import { pageState } from '../pageState.ts';
import { paths } from '../news/paths.ts';
import { countWords } from '../news/readingTime.ts';
import type { Site } from '../news/types.ts';
import { articleQuery } from '../queries/articles.ts';
import { createQueryClient } from '../queries/queryClient.ts';
import { siteQuery } from '../queries/site.ts';
import { AppRoot } from '../routes/AppRoot.tsx';
import { parsePage } from '../routes/params.ts';
import { createRoutes, type RouterDeps } from '../routes/router.tsx';
import type { NewsSource } from '../sources/NewsSource.ts';
import { articleShareMeta } from './articleShareMeta.ts';
import { Document, type PageAssets } from './Document.tsx';
import type { ShareMetaProps } from './ShareMeta.tsx';
import { sourceErrorStatus } from './sourceStatus.ts';

export interface RenderOptions {
  source: NewsSource;
  /** The source as the browser's config names it (its URL may be relative to the config file). */
  config: Config['source'];
  /** Rendered ahead of time for a static host (see src/pageState.ts). */
  prerendered?: boolean;
  sanitize: Sanitize;
  assets: PageAssets;
  /** The reader's base path, with its trailing slash (`/`, `/news/`). */
  base: string;
  /** The reader's public origin; by default the request's own. */
  origin?: string | undefined;
  /** The render's clock; by default now, in UTC. */
  now?: () => number;
  /** How long to wait for the data a page shows besides its own (the feeds beside an article). */
  settleMs?: number;
  /** A page for any address (Not Found, served by a static host wherever a file is missing). */
  anyPath?: boolean;
  /** Write the content security policy into the page (for hosts that send no headers). */
  policyInPage?: string | undefined;
}

/**
 * Render the reader's page for `request`: the same route table, loaders and
 * components as in the browser, with a query cache of its own that the page
 * carries to the browser. Web-standard Request in, Response out.
 */
export async function render(request: Request, options: RenderOptions): Promise<Response> {
  const url = new URL(request.url);
  const canonical = canonicalLocation(url, options.base);
  if (canonical) return redirect(canonical);

  const origin = options.origin ?? url.origin;
  const queryClient = createServerQueryClient();
  const deps: RouterDeps = {
    source: options.source,
    queryClient,
    sanitizer: () => Promise.resolve(options.sanitize),
    origin,
    appRoot: options.base.replace(/\/$/, ''),
  };
  const handler = createStaticHandler(createRoutes(deps), { basename: options.base });
  const context = await handler.query(request);
  if (context instanceof Response) return context;
  await whenSettled(queryClient, options.settleMs ?? 10_000);

  // To the minute (relative dates say no more), so that a page whose news has
  // not changed comes out byte for byte the same, and its ETag with it.
  const now = Math.floor((options.now ?? Date.now)() / 60_000) * 60_000;
  const clock: Clock = { now, timeZone: 'UTC' };
  const queries = dehydrate(queryClient);
  const state = pageState({
    path: options.anyPath ? '*' : url.pathname + url.search,
    source: { ...options.config, id: options.source.id },
    prerendered: options.prerendered ?? false,
    publicOrigin: origin,
    clock,
    router: { loaderData: context.loaderData, errors: context.errors },
    queries: {
      ...queries,
      queries: queries.queries.map((query) => ({
        ...query,
        dehydratedAt: now,
        state: { ...query.state, dataUpdatedAt: now },
      })),
    },
  });
  const site = queryClient.getQueryData(siteQuery(options.source).queryKey);
  const router = createStaticRouter(handler.dataRoutes, context);
  const share = site && shareMetaOf(context, deps, site, `${origin}${deps.appRoot}`);
  const { prelude } = await prerender(
    <Document
      assets={options.assets}
      language={site?.language}
      state={state}
      policy={options.policyInPage}
      share={share}
    >
      <AppRoot deps={deps}>
        <RenderedClock value={clock}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </RenderedClock>
      </AppRoot>
    </Document>,
    // Everything in one piece, in order: React would otherwise move large
    // boundaries to the end of the page and reveal them with an inline script.
    { progressiveChunkSize: Number.POSITIVE_INFINITY },
  );
  const status = statusOf(context);
  const headers = new Headers({ 'Content-Type': 'text/html; charset=utf-8' });
  if (status === 503) headers.set('Retry-After', '30');
  return new Response(prelude, { status, headers });
}

/** An article page's tags for link previews and search engines, from the story the page shows. */
function shareMetaOf(
  context: StaticHandlerContext,
  deps: RouterDeps,
  site: Site,
  appRoot: string,
): ShareMetaProps | undefined {
  const slug = context.matches.find((match) => match.route.path === 'article/:slug')?.params.slug;
  if (slug === undefined) return undefined;
  const article = deps.queryClient.getQueryData(articleQuery(deps, slug).queryKey);
  if (!article) return undefined;
  const canonical = `${appRoot}${paths.article(article.slug)}`;
  return articleShareMeta(article, countWords(article.safeBody), site, canonical);
}

/** One attempt per document: the reader in the browser has a Retry button, the server has a deadline. */
function createServerQueryClient(): QueryClient {
  const client = createQueryClient();
  client.setDefaultOptions({
    queries: { ...client.getDefaultOptions().queries, retry: false },
  });
  return client;
}

/**
 * Wait until no query is fetching (loaders start the feeds and blocks a page
 * shows beside its main content without waiting for them), or `ms` passed:
 * what has not arrived by then renders as its placeholder, and the browser
 * fetches it.
 */
function whenSettled(client: QueryClient, ms: number): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      clearTimeout(deadline);
      unsubscribe();
      resolve();
    };
    // Look once the current events have run: a query that finishes can start
    // the next (an article's source listing, once the article names it).
    const check = () => {
      setTimeout(() => {
        if (client.isFetching() === 0) finish();
      }, 0);
    };
    const unsubscribe = client.getQueryCache().subscribe(check);
    const deadline = setTimeout(finish, ms);
    check();
  });
}

/**
 * The HTTP status of the page: the router's (404 for what does not exist), or
 * a source's failure as the gateway error it is (./sourceStatus.ts).
 */
function statusOf(context: StaticHandlerContext): number {
  const error: unknown = context.errors ? Object.values(context.errors)[0] : undefined;
  if (error === undefined) return context.statusCode;
  if (isRouteErrorResponse(error)) return error.status;
  return sourceErrorStatus(error);
}

/**
 * The one address of a page, when `url` is another spelling of it: no
 * trailing slash but on the base itself, which has one; no `page` for the
 * first page, be it `page=1` or a page that is no page (`page=abc`).
 */
function canonicalLocation(url: URL, base: string): string | undefined {
  let { pathname } = url;
  if (pathname === base.replace(/\/$/, '')) pathname = base;
  else if (pathname.length > base.length && pathname.endsWith('/'))
    pathname = pathname.replace(/\/+$/, '');
  let query = url.search;
  const search = new URLSearchParams(url.search);
  if (search.has('page') && parsePage(search) === 1) {
    search.delete('page');
    query = search.size > 0 ? `?${search.toString()}` : '';
  }
  const wanted = pathname + query;
  return wanted === url.pathname + url.search ? undefined : wanted;
}

function redirect(location: string): Response {
  return new Response(null, { status: 301, headers: { Location: location } });
}
