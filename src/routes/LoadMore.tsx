import { lazy } from 'react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useParams } from 'react-router';
import type { ListingKind } from '../news/types.ts';
import { paths } from '../news/paths.ts';
import { listingQuery } from '../queries/listings.ts';
import { useApp } from './AppContext.ts';
import { listingRef, usePage } from './params.ts';
import { thisDocument, useLongListFrom, type LongListState } from './longList.ts';
import { ReaderLink } from './ReaderLink.tsx';

// "Load more" below a listing (docs/design.md, "Long listings"): a link to the
// next page, which the router follows in place of this address, carrying the
// page the reader began on. From then on, the pages since that one show as one
// long list, which hides the page's own; its code comes with the first click.

const LongListing = lazy(() =>
  import('./LongListing.tsx').then((module) => ({ default: module.LongListing })),
);

/** Below the listing page's stories; it reads the rest from the address, as the page does. */
export function LoadMore({ kind }: { kind: ListingKind }) {
  const { source } = useApp();
  const listing = listingRef(kind, useParams().slug);
  // The page in the address: the last one loaded.
  const page = usePage();
  const { pageCount } = useSuspenseQuery(listingQuery(source, listing, page)).data;
  // Written by this document's own "Load more" (the token says so), or not ours to read.
  const from = useLongListFrom(page);
  return (
    <>
      {from > 0 && (
        <LongListing listing={listing} from={from} page={page} showSection={kind !== 'section'} />
      )}
      {page < pageCount && (
        <ReaderLink
          prefetch
          className="load-more"
          to={paths.listing(listing, page + 1)}
          state={{ from: from || page, document: thisDocument } satisfies LongListState}
          replace
          preventScrollReset
        >
          Load more stories
        </ReaderLink>
      )}
    </>
  );
}
