import type { NewsSource } from './NewsSource.ts';

/**
 * A source whose adapter (and its schemas) loads on first use. A page the
 * server rendered arrives with its documents; the browser needs the adapter
 * only when it fetches one itself, so its code stays out of the first load.
 */
export function lazySource(id: string, load: () => Promise<NewsSource>): NewsSource {
  let loaded: NewsSource | undefined;
  let loading: Promise<NewsSource> | undefined;
  const adapter = () =>
    (loading ??= load().then(
      (source) => (loaded = source),
      (error: unknown) => {
        // A chunk that failed to arrive (offline) is asked for again on Retry.
        loading = undefined;
        throw error;
      },
    ));
  return {
    id,
    site: async (signal) => (await adapter()).site(signal),
    article: async (slug, signal) => (await adapter()).article(slug, signal),
    listing: async (ref, page, signal) => (await adapter()).listing(ref, page, signal),
    // Asked only about documents it has fetched, so by then the adapter is here.
    articleSlugFromUrl: (url) => loaded?.articleSlugFromUrl(url),
  };
}
