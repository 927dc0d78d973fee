import { queryOptions } from '@tanstack/react-query';
import type { ListingRef } from '../news/types.ts';
import type { NewsSource } from '../sources/NewsSource.ts';

export function listingQuery(source: NewsSource, ref: ListingRef, page = 1) {
  return queryOptions({
    queryKey: ['listing', source.id, ref, page],
    queryFn: ({ signal }) => source.listing(ref, page, signal),
  });
}
