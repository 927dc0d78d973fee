import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Sanitize } from '../sanitize/sanitizer.ts';
import { paths } from '../news/paths.ts';
import type { Article, Listing, Summary } from '../news/types.ts';
import type { NewsSource } from '../sources/NewsSource.ts';

/**
 * An article as the reader keeps it: its body already through the sanitizer,
 * so whatever renders it (the server, or the browser hydrating the server's
 * page) needs no sanitizer of its own.
 */
export interface SafeArticle extends Omit<Article, 'body'> {
  /** Sanitized HTML, safe to put in the page. */
  safeBody: string;
}

/** What reading an article takes: its source, a sanitizer, and where the reader itself lives. */
export interface ArticleReader {
  source: NewsSource;
  /** The body sanitizer; in the browser its code (DOMPurify) loads on first use. */
  sanitizer: () => Promise<Sanitize>;
  /** The reader's origin (`https://news.example`). */
  origin: string;
  /** The reader's base path without its trailing slash (`` or `/news`). */
  appRoot: string;
}

export function articleQuery(reader: ArticleReader, slug: string) {
  const { source } = reader;
  // Where the reader lives (origin, base) shapes the body's links too, but is
  // fixed for the life of a cache; a page's state is hydrated at another
  // origin than it was rendered at (a prerendered site), under the same key.
  // eslint-disable-next-line @tanstack/query/exhaustive-deps
  return queryOptions({
    queryKey: ['article', source.id, slug],
    queryFn: async ({ signal }): Promise<SafeArticle> => {
      // The document is asked for first; the sanitizer's code loads beside
      // it, not after it.
      const fetching = source.article(slug, signal);
      const sanitizing = reader.sanitizer();
      sanitizing.catch(ignore);
      const { body, ...article } = await fetching;
      const sanitize = await sanitizing;
      return {
        ...article,
        safeBody: sanitize(body, {
          baseUrl: article.baseUrl,
          articleSlugFromUrl: (url) => source.articleSlugFromUrl(url),
          articleHref: (target) => `${reader.appRoot}${paths.article(target)}`,
          readerOrigin: reader.origin,
        }),
      };
    },
  });
}

/**
 * A summary of the article already in the cache (from a listing or another
 * article's related stories), so its page can show headline, image and byline
 * at once while the body loads.
 */
export function findCachedSummary(
  queryClient: QueryClient,
  source: NewsSource,
  slug: string,
): Summary | undefined {
  for (const [, listing] of queryClient.getQueriesData<Listing>({
    queryKey: ['listing', source.id],
  })) {
    const found = listing?.items.find((item) => item.slug === slug);
    if (found) return found;
  }
  for (const [, article] of queryClient.getQueriesData<SafeArticle>({
    queryKey: ['article', source.id],
  })) {
    const found = article?.related.find((item) => item.slug === slug);
    if (found) return found;
  }
  return undefined;
}

function ignore(): void {
  // Awaited below; this only keeps an early failure from going unhandled.
}
