import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import type { LoaderFunctionArgs, RouteObject } from 'react-router';
import { listingKinds, type ListingRef } from '../news/types.ts';
import { articleQuery, findCachedSummary, type ArticleReader } from '../queries/articles.ts';
import { listingQuery } from '../queries/listings.ts';
import { loadQuery, prefetchQuery } from '../queries/load.ts';
import { siteQuery } from '../queries/site.ts';
import { afterNextPaint } from './afterNextPaint.ts';
import { ArticlePage } from './ArticlePage.tsx';
import { Layout } from './Layout.tsx';
import { loadAboutPage, loadEmbedBuilder, loadFrontPage, loadListingPage } from './lazyModules.ts';
import { listingRef, notFound, parsePage, parseSlug } from './params.ts';
import { RootError, RouteError } from './RouteError.tsx';

export interface RouterDeps extends ArticleReader {
  queryClient: QueryClient;
  /** See AppServices; the reader's own origin when not given. */
  publicOrigin?: string;
  /**
   * What shows while the first page's data loads, when the browser renders
   * the page itself; a page the server rendered hydrates with its data, and
   * needs none (src/renderAfresh.tsx gives BootScreen).
   */
  bootScreen?: ComponentType;
}

// Page code loads on demand (lazy); the loaders stay here so data and code load side by side.
export function createRoutes(deps: RouterDeps): RouteObject[] {
  const { source, queryClient } = deps;
  const prefetchListing = (ref: ListingRef, page = 1) => {
    prefetchQuery(queryClient, listingQuery(source, ref, page));
  };

  const listingLoader =
    (kind: ListingRef['kind']) =>
    async ({ params, request }: LoaderFunctionArgs) => {
      const ref = listingRef(kind, params.slug);
      const page = parsePage(new URL(request.url).searchParams);
      await loadQuery(queryClient, listingQuery(source, ref, page));
      return null;
    };

  return [
    {
      id: 'root',
      path: '/',
      loader: async () => {
        await loadQuery(queryClient, siteQuery(source));
        return null;
      },
      shouldRevalidate: () => false,
      Component: Layout,
      ErrorBoundary: RootError,
      HydrateFallback: deps.bootScreen ?? null,
      children: [
        {
          ErrorBoundary: RouteError,
          children: [
            {
              index: true,
              loader: async () => {
                // Top and Latest first, side by side with site.json (the root's, already
                // asked for): the section blocks wait their turn for a connection, and
                // the page does not wait for them.
                const first = Promise.all([
                  loadQuery(queryClient, listingQuery(source, { kind: 'top' })),
                  loadQuery(queryClient, listingQuery(source, { kind: 'latest' })),
                ]);
                // Reported by the await below, or by the root's loader when site.json fails.
                first.catch(() => undefined);
                const site = await loadQuery(queryClient, siteQuery(source));
                for (const section of site.sections)
                  prefetchListing({ kind: 'section', slug: section.slug });
                await first;
                return null;
              },
              lazy: { Component: loadFrontPage },
            },
            ...listingKinds.map((kind) => ({
              path: kind === 'latest' || kind === 'top' ? kind : `${kind}/:slug`,
              loader: listingLoader(kind),
              lazy: { Component: loadListingPage },
              handle: { kind },
            })),
            {
              path: 'article/:slug',
              loader: async ({ params }: LoaderFunctionArgs) => {
                const slug = parseSlug(params.slug);
                // The document first: the first paragraph waits for it, and a
                // server answers in the order it was asked. Then the lists beside the story.
                const article = loadQuery(queryClient, articleQuery(deps, slug)).then((loaded) => {
                  const { source } = loaded;
                  if (!source) return loaded;
                  const more = () => {
                    prefetchListing({ kind: 'source', slug: source.slug });
                  };
                  // In the browser, once the body has had its frame: its answer
                  // would otherwise be read, and validated, ahead of the body.
                  if (import.meta.env.SSR) more();
                  else afterNextPaint(more);
                  return loaded;
                });
                prefetchListing({ kind: 'latest' });
                prefetchListing({ kind: 'top' });
                // Opened from a listing: show what we know at once and let the body
                // follow. Not after a failure, though: then wait and show the outcome.
                const failedBefore =
                  queryClient.getQueryState(articleQuery(deps, slug).queryKey)?.status === 'error';
                if (!failedBefore && findCachedSummary(queryClient, source, slug)) {
                  article.catch(() => undefined);
                  return null;
                }
                // Nothing to show before it is in: the page renders whole, at once.
                await article;
                return null;
              },
              // Not lazy: a click draws what the listing knew in its first frame (docs/decisions/016).
              Component: ArticlePage,
            },
            {
              path: 'embed',
              lazy: {
                loader: () => loadEmbedBuilder().then((module) => module.embedLoader(deps)),
                Component: () => loadEmbedBuilder().then((module) => module.EmbedBuilder),
              },
            },
            // No loader: the page needs only site.json, which the root route loads.
            { path: 'about', lazy: { Component: loadAboutPage } },
            // Nothing to render: the loader always throws, and the boundary shows Not Found.
            { path: '*', loader: () => notFound() },
          ],
        },
      ],
    },
  ];
}
