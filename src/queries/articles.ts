import { queryOptions, type QueryClient } from '@tanstack/react-query';
import type { Article, Listing, Summary } from '../news/types.ts';
import type { NewsSource } from '../sources/NewsSource.ts';

export function articleQuery(source: NewsSource, slug: string) {
  return queryOptions({
    queryKey: ['article', source.id, slug],
    queryFn: ({ signal }) => source.article(slug, signal),
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
  for (const [, article] of queryClient.getQueriesData<Article>({
    queryKey: ['article', source.id],
  })) {
    const found = article?.related.find((item) => item.slug === slug);
    if (found) return found;
  }
  return undefined;
}
