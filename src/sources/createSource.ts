import type { Config } from '../config.ts';
import { createNativeSource } from './native.ts';
import type { NewsSource } from './NewsSource.ts';

/**
 * The adapter the config asks for. The native one ships with the app; the
 * others load only on sites that use them, so they cost the rest nothing.
 */
export async function createSource(
  config: Config,
  options: {
    timeoutMs?: number;
    /**
     * The identity its cached documents go by, when it must match another
     * copy's: a page rendered on the server, which read the same source at
     * another address, hydrates with the server's cache.
     */
    id?: string | undefined;
  } = {},
): Promise<NewsSource> {
  const { type, url } = config.source;
  const { id, ...adapterOptions } = options;
  const source = await adapter(type, url, adapterOptions);
  if (id === undefined) return source;
  return {
    id,
    site: (signal) => source.site(signal),
    article: (slug, signal) => source.article(slug, signal),
    listing: (ref, page, signal) => source.listing(ref, page, signal),
    articleSlugFromUrl: (articleUrl) => source.articleSlugFromUrl(articleUrl),
  };
}

async function adapter(
  type: Config['source']['type'],
  url: string,
  options: { timeoutMs?: number },
): Promise<NewsSource> {
  switch (type) {
    case 'native':
      return createNativeSource(url, options);
    case 'jsonfeed':
      return (await import('./jsonfeed.ts')).createJsonFeedSource(url, options);
    case 'wordpress':
      return (await import('./wordpress.ts')).createWordPressSource(url, options);
  }
}
