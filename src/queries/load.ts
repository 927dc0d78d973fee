import type { QueryClient, QueryExecuteOptions, QueryKey } from '@tanstack/react-query';

/**
 * For route loaders: cached data at once (refreshed in the background when
 * stale), otherwise wait for the network. Rejects with the fetch error.
 */
export function loadQuery<TData, TKey extends QueryKey>(
  client: QueryClient,
  options: QueryExecuteOptions<TData, Error, TData, TData, TKey>,
): Promise<TData> {
  const cached = client.getQueryData<TData>(options.queryKey);
  if (cached === undefined) return client.query(options);
  client.query(options).catch(ignore);
  return Promise.resolve(cached);
}

/** Warm the cache; a failure here is reported later, by whoever needs the data. */
export function prefetchQuery<TData, TKey extends QueryKey>(
  client: QueryClient,
  options: QueryExecuteOptions<TData, Error, TData, TData, TKey>,
): void {
  client.query(options).catch(ignore);
}

function ignore(): void {
  // Deliberately empty: see above.
}
