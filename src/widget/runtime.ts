// What every widget on a page shares: one query cache, and one source per
// address, however many <broadsheet-feed> elements read it.
import type { QueryClient } from '@tanstack/react-query';
import { loadConfig } from '../config.ts';
import { CONFIG_FILE } from '../configFile.ts';
import { createQueryClient } from '../queries/queryClient.ts';
import { createSource } from '../sources/createSource.ts';
import type { NewsSource } from '../sources/NewsSource.ts';

/** A source, and the reader's site whose article pages its headlines open. */
export interface WidgetSource {
  source: NewsSource;
  /** The reader's root, absolute, with its trailing slash: `/article/{slug}` goes under it. */
  readerRoot: string;
}

/** Where the widget's own script was served from: the reader's site. */
const here = new URL(/* @vite-ignore */ './', import.meta.url).href;

let queryClient: QueryClient | undefined;

/** The one query cache of every widget on the page. */
export function sharedQueryClient(): QueryClient {
  queryClient ??= createQueryClient();
  return queryClient;
}

/**
 * The address a `source` attribute names, resolved against the host page: a
 * broadsheet.config.json or a native API root. Absent: the config next to
 * this script.
 */
export function sourceAddress(attribute: string | undefined): string {
  return attribute ? new URL(attribute, document.baseURI).href : `${here}${CONFIG_FILE}`;
}

/**
 * The source at `address`: a config file's (the reader's site is the folder it
 * is in), or a native API's (the reader's site is where this script came from).
 */
export async function openSource(address: string): Promise<WidgetSource> {
  const url = new URL(address);
  if (url.pathname.endsWith('.json')) {
    const config = await loadConfig(url.href);
    return { source: await createSource(config), readerRoot: new URL('./', url).href };
  }
  const root = url.href.endsWith('/') ? url.href : `${url.href}/`;
  return {
    source: await createSource({ source: { type: 'native', url: root } }),
    readerRoot: here,
  };
}

/** A source as a query: every widget that names the same address shares it. */
export function sourceQuery(attribute: string | undefined) {
  const address = sourceAddress(attribute);
  return {
    queryKey: ['widget-source', address],
    queryFn: () => openSource(address),
    staleTime: Number.POSITIVE_INFINITY,
  };
}
