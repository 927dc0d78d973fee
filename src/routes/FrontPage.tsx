import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { useSite } from '../components/SiteContext.ts';
import { useApp } from './AppContext.ts';
import { PageMeta } from '../components/PageMeta.tsx';
import { StoryListPlaceholder } from '../components/Placeholder.tsx';
import { DatesClock } from '../components/DateTime.tsx';
import { StoryCard } from '../components/StoryCard.tsx';
import { StoryList } from '../components/StoryList.tsx';
import { distinctBlocks } from '../news/distinct.ts';
import { paths } from '../news/paths.ts';
import type { Ref } from '../news/types.ts';
import { listingQuery } from '../queries/listings.ts';
import { ReaderLink } from './ReaderLink.tsx';

const MORE_TOP = 5;
const LATEST = 8;
const PER_SECTION = 4;

export function FrontPage() {
  const { source } = useApp();
  const site = useSite();
  const { data: top } = useSuspenseQuery(listingQuery(source, { kind: 'top' }));
  const { data: latest } = useSuspenseQuery(listingQuery(source, { kind: 'latest' }));
  // Each story once: the lead and Top News, then the latest of the rest, then each
  // section's stories not already above.
  const [leadAndTop = [], moreLatest = []] = distinctBlocks([
    { stories: top.items.length > 0 ? top.items : latest.items, limit: 1 + MORE_TOP },
    { stories: latest.items, limit: LATEST },
  ]);
  const [lead, ...moreTop] = leadAndTop;
  const above = new Set([...leadAndTop, ...moreLatest].map((story) => story.slug));

  // One clock for every date of the page: it holds no island (DatesClock).
  return (
    <DatesClock>
      <div className="page front-page">
        <PageMeta
          title={site.name}
          description={site.description ?? `The latest and most important news from ${site.name}.`}
        />
        <h1 className="visually-hidden" tabIndex={-1}>
          <bdi>{site.name}</bdi>: front page
        </h1>
        {lead ? (
          <section className="front-page__lead" aria-label="Top story">
            <StoryCard story={lead} variant="lead" eagerImage showSection />
          </section>
        ) : (
          <p className="empty">There is no news yet.</p>
        )}
        <section className="front-page__top" aria-labelledby="front-top">
          <h2 id="front-top" className="block-title">
            <ReaderLink to={paths.listing({ kind: 'top' })}>Top News</ReaderLink>
          </h2>
          <StoryList stories={moreTop} headingLevel={3} showSection />
        </section>
        <section className="front-page__latest" aria-labelledby="front-latest">
          <h2 id="front-latest" className="block-title">
            <ReaderLink to={paths.listing({ kind: 'latest' })}>Latest News</ReaderLink>
          </h2>
          <StoryList stories={moreLatest} variant="compact" headingLevel={3} showSection />
        </section>
        <div className="front-page__sections">
          {site.sections.map((section) => (
            <SectionBlock key={section.slug} section={section} above={above} />
          ))}
        </div>
      </div>
    </DatesClock>
  );
}

function SectionBlock({ section, above }: { section: Ref; above: ReadonlySet<string> }) {
  const { source } = useApp();
  const listing = useQuery(listingQuery(source, { kind: 'section', slug: section.slug }));
  const id = `front-section-${section.slug}`;
  const [stories] = distinctBlocks([{ stories: listing.data?.items, limit: PER_SECTION }], above);
  return (
    <section className="section-block" aria-labelledby={id}>
      <h2 id={id} className="block-title">
        <ReaderLink to={paths.listing({ kind: 'section', slug: section.slug })}>
          {section.name}
        </ReaderLink>
      </h2>
      {listing.data && stories ? (
        <StoryList
          stories={stories}
          variant="compact"
          headingLevel={3}
          emptyText={
            listing.data.items.length > 0 ? (
              <>
                The latest <bdi>{section.name}</bdi> stories are above.
              </>
            ) : (
              <>
                No <bdi>{section.name}</bdi> stories yet.
              </>
            )
          }
        />
      ) : listing.isError ? (
        <p className="block-error">
          <bdi>{section.name}</bdi> could not be loaded.{' '}
          <button type="button" className="link-button" onClick={() => void listing.refetch()}>
            Retry
          </button>
        </p>
      ) : (
        <StoryListPlaceholder count={PER_SECTION} compact />
      )}
    </section>
  );
}
