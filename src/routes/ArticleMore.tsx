import { useQuery } from '@tanstack/react-query';
import { useApp } from './AppContext.ts';
import { StoryBox } from '../components/StoryBox.tsx';
import { distinctBlocks } from '../news/distinct.ts';
import { paths } from '../news/paths.ts';
import type { ListingRef, Summary } from '../news/types.ts';
import { listingQuery } from '../queries/listings.ts';
import { ReaderLink } from './ReaderLink.tsx';

const MORE_FROM_SOURCE = 4;
const BESIDE = 5;
const RELATED = 4;

/**
 * What the article page adds below and beside the story: related stories, the
 * feeds, more from its source. (Its metadata for search engines and link
 * previews the server writes: src/server/articleShareMeta.ts.)
 */
export function ArticleMore({
  story,
  related,
}: {
  story: Summary;
  /** The article's related stories: undefined while it loads. */
  related: readonly Summary[] | undefined;
}) {
  const top = useListing({ kind: 'top' });
  const latest = useListing({ kind: 'latest' });
  const fromSource = useListing(story.source && { kind: 'source', slug: story.source.slug });
  // Each story once on the page: the article's own related stories first, then
  // the feeds beside it, then more from its source, each leaving out what came before.
  const [relatedShown, topShown, latestShown, fromSourceShown] = distinctBlocks(
    [
      { stories: related, limit: RELATED },
      { stories: top.stories, limit: BESIDE },
      { stories: latest.stories, limit: BESIDE },
      { stories: fromSource.stories, limit: MORE_FROM_SOURCE },
    ],
    [story.slug],
  );
  const beside = [
    { kind: 'latest', title: 'Latest News', listing: latest, stories: latestShown },
    { kind: 'top', title: 'Top News', listing: top, stories: topShown },
  ] as const;
  return (
    <>
      <div className="article-page__more">
        {story.source && (
          <StoryBox
            id="more-from-source"
            title={
              <>
                More news from{' '}
                <ReaderLink to={paths.listing({ kind: 'source', slug: story.source.slug })}>
                  <bdi>{story.source.name}</bdi>
                </ReaderLink>
              </>
            }
            stories={fromSourceShown}
            failed={fromSource.failed}
            onRetry={fromSource.retry}
            placeholderCount={MORE_FROM_SOURCE}
            variant="standard"
          />
        )}
        {related && related.length > 0 && (
          <StoryBox
            id="related-stories"
            title="Related stories"
            stories={relatedShown}
            placeholderCount={Math.min(related.length, RELATED)}
            variant="standard"
          />
        )}
      </div>
      <aside className="article-page__aside" aria-label="More news">
        {beside.map(({ kind, title, listing, stories }) => (
          <StoryBox
            key={kind}
            id={`beside-${kind}`}
            title={<ReaderLink to={paths.listing({ kind })}>{title}</ReaderLink>}
            stories={stories}
            failed={listing.failed}
            onRetry={listing.retry}
            placeholderCount={BESIDE}
          />
        ))}
      </aside>
    </>
  );
}

/** A listing's first page: its stories once it has loaded or failed (then none). */
function useListing(listingRef: ListingRef | undefined) {
  const { source } = useApp();
  const listing = useQuery({
    ...listingQuery(source, listingRef ?? { kind: 'latest' }),
    enabled: listingRef !== undefined,
  });
  const stories: readonly Summary[] | undefined = !listingRef
    ? []
    : (listing.data?.items ?? (listing.isError ? [] : undefined));
  return {
    stories,
    failed: listing.isError && !listing.data,
    retry: () => void listing.refetch(),
  };
}
