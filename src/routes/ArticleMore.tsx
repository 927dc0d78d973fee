import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useSite } from '../components/SiteContext.ts';
import { useApp } from './AppContext.ts';
import { ShareMeta } from '../components/ShareMeta.tsx';
import { StoryBox } from '../components/StoryBox.tsx';
import { paths } from '../news/paths.ts';
import type { ListingRef, Summary } from '../news/types.ts';
import type { SafeArticle } from '../queries/articles.ts';
import { listingQuery } from '../queries/listings.ts';
import { articleShareMeta } from './articleShareMeta.ts';

const MORE_FROM_SOURCE = 4;
const BESIDE = 5;
const feeds = [
  { kind: 'latest', title: 'Latest News' },
  { kind: 'top', title: 'Top News' },
] as const;

/**
 * What the article page adds below and beside the story (more from its source,
 * related stories, the feeds) and its metadata for search engines and link previews.
 */
export function ArticleMore({
  story,
  article,
  wordCount,
  canonical,
}: {
  story: Summary;
  article: SafeArticle | undefined;
  wordCount: number | undefined;
  canonical: string;
}) {
  const site = useSite();
  const related = article?.related;
  return (
    <>
      <ShareMeta {...articleShareMeta(story, wordCount, site, canonical)} />
      <div className="article-page__more">
        {story.source && (
          <ListingBox
            id="more-from-source"
            listingRef={{ kind: 'source', slug: story.source.slug }}
            title={
              <>
                More news from{' '}
                <Link to={paths.listing({ kind: 'source', slug: story.source.slug })}>
                  <bdi>{story.source.name}</bdi>
                </Link>
              </>
            }
            exclude={story.slug}
            limit={MORE_FROM_SOURCE}
          />
        )}
        {related && related.length > 0 && (
          <StoryBox id="related-stories" title="Related stories" stories={related} />
        )}
      </div>
      <aside className="article-page__aside" aria-label="More news">
        {feeds.map(({ kind, title }) => (
          <ListingBox
            key={kind}
            id={`beside-${kind}`}
            listingRef={{ kind }}
            title={<Link to={paths.listing({ kind })}>{title}</Link>}
            exclude={story.slug}
            limit={BESIDE}
          />
        ))}
      </aside>
    </>
  );
}

/** A few stories from a listing, leaving out the one on the page. */
function ListingBox({
  id,
  listingRef,
  title,
  exclude,
  limit,
}: {
  id: string;
  listingRef: ListingRef;
  title: ReactNode;
  exclude: string;
  limit: number;
}) {
  const { source } = useApp();
  const listing = useQuery(listingQuery(source, listingRef));
  return (
    <StoryBox
      id={id}
      title={title}
      stories={listing.data?.items.filter((item) => item.slug !== exclude).slice(0, limit)}
      failed={listing.isError}
      onRetry={() => void listing.refetch()}
      placeholderCount={limit}
    />
  );
}
