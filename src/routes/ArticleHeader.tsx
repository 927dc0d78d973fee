import { Suspense, useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from 'react-router';
import { Byline } from '../components/Byline.tsx';
import { useClock } from '../components/Clock.ts';
import { DateTime } from '../components/DateTime.tsx';
import { LeadImage } from '../components/LeadImage.tsx';
import { BodyPlaceholder } from '../components/Placeholder.tsx';
import { Unbroken } from '../components/Unbroken.tsx';
import { sameDay } from '../news/formatDate.ts';
import { paths } from '../news/paths.ts';
import type { Summary } from '../news/types.ts';
import { articleQuery, findCachedSummary } from '../queries/articles.ts';
import { useApp } from './AppContext.ts';
import { articlePage } from './lazyModules.ts';
import { parseSlug } from './params.ts';
import { ReaderLink } from './ReaderLink.tsx';

// What an article page shows first, from what a listing already told about
// the story: section, headline, summary, byline, dates and lead image. It is
// in the reader's first code, so that a click on a headline paints it in the
// next frame, whatever is still loading (the page's own code, the article's
// document); the article page draws the same above its body (docs/decisions/016).

/** The story's header and lead image; `more` adds to its dateline (reading time), `share` ends its meta. */
export function ArticleHeader({
  story,
  more,
  share,
}: {
  story: Summary;
  more?: ReactNode;
  share?: ReactNode;
}) {
  const { timeZone } = useClock();
  const updatedSameDay =
    !!story.publishedAt &&
    !!story.updatedAt &&
    sameDay(story.publishedAt, story.updatedAt, timeZone);
  const section = story.section && paths.listing({ kind: 'section', slug: story.section.slug });
  return (
    <>
      <header className="article__header">
        {story.section && section && (
          <p className="kicker">
            <ReaderLink to={section}>{story.section.name}</ReaderLink>
          </p>
        )}
        <h1 id="article-headline" tabIndex={-1}>
          <Unbroken text={story.headline} />
        </h1>
        {story.summary && <p className="standfirst">{story.summary}</p>}
        <div className="article__meta">
          <p>
            <Byline authors={story.authors} source={story.source} />
          </p>
          <p className="article__dateline">
            {story.publishedAt && (
              // Beside an update's time, the publication's own: "09:15 … Updated 14:02".
              <DateTime iso={story.publishedAt} withTime={updatedSameDay} />
            )}
            {story.section && section && (
              <>
                {story.publishedAt ? ' in ' : 'In '}
                <ReaderLink to={section}>
                  <bdi>{story.section.name}</bdi>
                </ReaderLink>
              </>
            )}
            {story.updatedAt && (
              <span className="article__updated">
                Updated{' '}
                <DateTime
                  iso={story.updatedAt}
                  // The publication's rule: a time only beside the other date of the same day.
                  withTime={updatedSameDay}
                />
              </span>
            )}
            {more}
          </p>
          {share}
        </div>
      </header>
      {story.image && <LeadImage image={story.image} />}
    </>
  );
}

export function BodyLoading() {
  return (
    <div role="status" aria-label="Loading the story">
      <BodyPlaceholder />
    </div>
  );
}

/** The opening headline had the focus when the page took its place (see ArticleOpening). */
let focusHandedOver = false;

/** On the article page: the focus the opening held as it went, onto the headline in `page`. */
export function useFocusFromOpening(page: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    if (!focusHandedOver) return;
    focusHandedOver = false;
    page.current?.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }, [page]);
}

/**
 * The article page while its code loads: the header from the listing's data
 * and the body's placeholder; nothing but the placeholder when no listing has
 * the story.
 */
export function ArticleOpening() {
  const { source } = useApp();
  const queryClient = useQueryClient();
  const slug = parseSlug(useParams().slug);
  const story = findCachedSummary(queryClient, source, slug);
  const page = useRef<HTMLDivElement>(null);
  // An opening in place of another (the document came before the page's code).
  useFocusFromOpening(page);
  useLayoutEffect(() => {
    const element = page.current;
    return () => {
      // Leaving while its headline has the focus (moved there by the navigation): the page's own takes it.
      focusHandedOver = !!element && element.contains(document.activeElement);
    };
  }, []);
  return (
    <div className="page article-page" ref={page}>
      {story ? (
        <article className="article" aria-labelledby="article-headline">
          <ArticleHeader story={story} />
          <BodyLoading />
        </article>
      ) : (
        <BodyLoading />
      )}
    </div>
  );
}

/**
 * The article route's page: the opening until the article's document and the
 * page's code are both in, then the page itself. The page drawn before its
 * document would show what the opening shows, at the cost of a render and a
 * layout (about 170 ms at 4× CPU, traced) that hold up the document's own
 * request and its render.
 */
export function ArticleRoute() {
  const app = useApp();
  const slug = parseSlug(useParams().slug);
  // As the page's own (ArticlePage): the loader asks, a failure is shown, not asked again on mount.
  const query = useQuery({ ...articleQuery(app, slug), retryOnMount: false });
  // Settled: the document is in, or failed, and the page shows which. Once
  // the page shows, it stays: a Retry after a failure takes the query back to
  // pending, and the page's own "retrying" is what the reader should see, not
  // the opening (which would unmount the page, whose next mount asks again).
  const settled = query.status !== 'pending' || query.isFetched;
  if (!settled) return <ArticleOpening />;
  return (
    <Suspense fallback={<ArticleOpening />}>
      <articlePage.Component />
    </Suspense>
  );
}
