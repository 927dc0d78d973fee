import type { ListingRef } from '../news/types.ts';
import { requestEarly } from './early.ts';
import type { NewsSource } from './NewsSource.ts';

/**
 * A source whose adapter (and its schemas) loads on first use. A page the
 * server rendered arrives with its documents; the browser needs the adapter
 * only when it fetches one itself, so its code stays out of the first load.
 */
/** Where the source keeps a document, for the reader to ask for it before the adapter is in. */
export interface EarlyUrls {
  article(slug: string): string;
  listing(ref: ListingRef, page: number): string;
}

/** What the reader's routes accept as a slug (and the adapters too): no other is asked for early. */
const SLUG = /^[a-z0-9-]{1,120}$/;

export function lazySource(
  id: string,
  load: () => Promise<NewsSource>,
  early?: EarlyUrls,
): NewsSource {
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
    article: async (slug, signal) => {
      if (!loaded && early && SLUG.test(slug)) requestEarly(early.article(slug));
      return (await adapter()).article(slug, signal);
    },
    listing: async (ref, page, signal) => {
      if (!loaded && early && (!('slug' in ref) || SLUG.test(ref.slug)) && page >= 1)
        requestEarly(early.listing(ref, page));
      return (await adapter()).listing(ref, page, signal);
    },
    // Asked only about documents it has fetched, so by then the adapter is here.
    articleSlugFromUrl: (url) => loaded?.articleSlugFromUrl(url),
    // A failure here is for the first use to meet, and ask again.
    warm: () => {
      adapter().catch(() => undefined);
    },
  };
}
