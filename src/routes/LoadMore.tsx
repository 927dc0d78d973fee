import { lazy } from 'react';
import { useSuspenseQuery } from '@tanstack/react-query';
import { useLocation, useParams } from 'react-router';
import type { ListingKind } from '../news/types.ts';
import { paths } from '../news/paths.ts';
import { listingQuery } from '../queries/listings.ts';
import { useApp } from './AppContext.ts';
import { listingRef, usePage } from './params.ts';
import { ReaderLink } from './ReaderLink.tsx';

// "Load more" below a listing (docs/design.md, "Long listings"): a link to the
// next page, which the router follows in place of this address, carrying the
// page the reader began on. From then on, the pages since that one show as one
// long list, which hides the page's own; its code comes with the first click.

const LongListing = lazy(() =>
  import('./LongListing.tsx').then((module) => ({ default: module.LongListing })),
);

/** This document: a reload keeps the history's state but not the pages loaded, and starts afresh. */
const thisDocument = Math.random();

/** Below the listing page's stories; it reads the rest from the address, as the page does. */
export function LoadMore({ kind }: { kind: ListingKind }) {
  const { source } = useApp();
  const listing = listingRef(kind, useParams().slug);
  // The page in the address: the last one loaded.
  const page = usePage();
  const { pageCount } = useSuspenseQuery(listingQuery(source, listing, page)).data;
  // Written by this document's own "Load more" (the token says so), or not ours to read.
  const state = useLocation().state as { document?: number; from?: number } | null;
  const from = (state?.document === thisDocument && state.from) || 0;
  return (
    <>
      {from > 0 && from < page && (
        <LongListing listing={listing} from={from} page={page} showSection={kind !== 'section'} />
      )}
      {page < pageCount && (
        <ReaderLink
          prefetch
          className="load-more"
          to={paths.listing(listing, page + 1)}
          state={{ from: from || page, document: thisDocument }}
          replace
          preventScrollReset
        >
          Load more stories
        </ReaderLink>
      )}
    </>
  );
}
