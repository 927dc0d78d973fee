import type { Article, Listing, ListingRef, Site } from '../news/types.ts';

/**
 * What the reader needs from a news source. Each adapter (native, and later
 * JSON Feed and WordPress) implements it; nothing downstream knows which one
 * it talks to. Every method rejects with a SourceError on failure.
 */
export interface NewsSource {
  /** Stable identity of the source (type and URL), for cache keys. */
  readonly id: string;
  site(signal?: AbortSignal): Promise<Site>;
  article(slug: string, signal?: AbortSignal): Promise<Article>;
  listing(ref: ListingRef, page: number, signal?: AbortSignal): Promise<Listing>;
  /**
   * If `url` (absolute) is the address of one of this source's articles,
   * its slug; lets article bodies link to each other inside the reader.
   */
  articleSlugFromUrl(url: string): string | undefined;
  /** Load what reading a document takes (an adapter's own code), ahead of the first one. */
  warm?(): void;
}
