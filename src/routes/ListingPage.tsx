import { useSuspenseQuery } from '@tanstack/react-query';
import { useMatches, useParams } from 'react-router';
import { useSite } from '../components/SiteContext.ts';
import { useApp } from './AppContext.ts';
import { PageMeta } from '../components/PageMeta.tsx';
import { Pagination } from '../components/Pagination.tsx';
import { StoryCard } from '../components/StoryCard.tsx';
import { StoryList } from '../components/StoryList.tsx';
import { listingKinds, type ListingKind, type ListingRef } from '../news/types.ts';
import { listingQuery } from '../queries/listings.ts';
import { island } from './island.tsx';
import { useLongListFrom } from './longList.ts';
import { listingRef, usePage } from './params.ts';

// "Load more", and the long list it makes, have code of their own (docs/design.md, "Long listings").
const LoadMore = island(() => import('./LoadMore.tsx').then((module) => module.LoadMore));

const kickers: Record<ListingKind, string | undefined> = {
  latest: undefined,
  top: undefined,
  section: 'Section',
  tag: 'Tag',
  source: 'Source',
  author: 'Author',
};

function describeListing(ref: ListingRef, title: string, siteName: string): string {
  switch (ref.kind) {
    case 'latest':
      return `Every story from ${siteName}, newest first.`;
    case 'top':
      return `The most important stories from ${siteName} right now.`;
    case 'section':
      return `${title}: the latest stories in this section of ${siteName}.`;
    case 'tag':
      return `Stories about ${title}, newest first.`;
    case 'source':
      return `More news from ${title}, newest first.`;
    case 'author':
      return `Stories by ${title}, newest first.`;
  }
}

function isListingKind(value: unknown): value is ListingKind {
  return typeof value === 'string' && (listingKinds as readonly string[]).includes(value);
}

/** The route table says which listing this is (handle.kind). */
function useListingKind(): ListingKind {
  const handle: unknown = useMatches().at(-1)?.handle;
  const kind =
    typeof handle === 'object' && handle !== null && 'kind' in handle ? handle.kind : undefined;
  if (!isListingKind(kind)) throw new Error('ListingPage needs a route with handle.kind');
  return kind;
}

export function ListingPage() {
  const { source } = useApp();
  const site = useSite();
  const kind = useListingKind();
  const params = useParams();
  const ref = listingRef(kind, params.slug);
  const page = usePage();
  const { data: listing } = useSuspenseQuery(listingQuery(source, ref, page));
  const kicker = kickers[kind];
  const pageSuffix = page > 1 ? ` (page ${page} of ${listing.pageCount})` : '';
  // The first page leads with its newest (or, for Top News, most important) story, large.
  const lead = page === 1 ? listing.items[0] : undefined;
  const rest = lead ? listing.items.slice(1) : listing.items;
  const long = useLongListFrom(page) > 0;

  return (
    <div className="page listing-page">
      <PageMeta
        title={`${listing.title}${pageSuffix} – ${site.name}`}
        description={describeListing(ref, listing.title, site.name)}
      />
      <header className="page-header">
        {kicker && <p className="kicker">{kicker}</p>}
        <h1 tabIndex={-1}>{listing.title}</h1>
        <p className="page-header__count">
          {listing.total === 1 ? '1 story' : `${listing.total} stories`}
          {listing.pageCount > 1 && `, page ${page} of ${listing.pageCount}`}
        </p>
      </header>
      {lead && (
        <section className="listing-page__lead" aria-label="Lead story">
          <StoryCard story={lead} variant="lead" eagerImage showSection={kind !== 'section'} />
        </section>
      )}
      {/* Once "Load more" has made a long list, it shows these stories: the page draws none of its own. */}
      {!long && (rest.length > 0 || !lead) && (
        <StoryList stories={rest} showSection={kind !== 'section'} />
      )}
      <LoadMore kind={kind} />
      <Pagination page={page} pageCount={listing.pageCount} listing={ref} />
    </div>
  );
}
