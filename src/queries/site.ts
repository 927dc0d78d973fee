import { queryOptions } from '@tanstack/react-query';
import type { NewsSource } from '../sources/NewsSource.ts';

export function siteQuery(source: NewsSource) {
  return queryOptions({
    queryKey: ['site', source.id],
    queryFn: ({ signal }) => source.site(signal),
    staleTime: 10 * 60_000,
  });
}
