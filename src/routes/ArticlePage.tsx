import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { Link, useHref, useNavigate, useParams } from 'react-router';
import { useSite } from '../components/SiteContext.ts';
import { useApp } from './AppContext.ts';
import { ArticleBody } from '../components/ArticleBody.tsx';
import { Byline } from '../components/Byline.tsx';
import { useClock } from '../components/Clock.ts';
import { DateTime } from '../components/DateTime.tsx';
import { LeadImage } from '../components/LeadImage.tsx';
import { PageMeta } from '../components/PageMeta.tsx';
import { Share } from '../components/Share.tsx';
import { BodyPlaceholder } from '../components/Placeholder.tsx';
import { TagLinks } from '../components/TagLinks.tsx';
import { Unbroken } from '../components/Unbroken.tsx';
import { sameDay } from '../news/formatDate.ts';
import { paths } from '../news/paths.ts';
import { countWords, readingMinutes } from '../news/readingTime.ts';
import type { Summary } from '../news/types.ts';
import { articleQuery, findCachedSummary } from '../queries/articles.ts';
import { island } from './island.tsx';
import { parseSlug } from './params.ts';
import { FailedPart, isNotFound } from './RouteError.tsx';

// The lists below and beside the story come a moment later than the story, with code of their own.
const ArticleMore = island(() => import('./ArticleMore.tsx').then((module) => module.ArticleMore));

export function ArticlePage() {
  const app = useApp();
  const { source, publicOrigin } = app;
  const site = useSite();
  const { timeZone } = useClock();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const slug = parseSlug(useParams().slug);
  const query = useQuery(articleQuery(app, slug));
  const cached = useMemo(
    () => findCachedSummary(queryClient, source, slug),
    [queryClient, source, slug],
  );
  const article = query.data;
  const story: Summary | undefined = article ?? cached;

  const appRoot = useHref('/').replace(/\/$/, '');
  const onArticleLink = useCallback(
    (target: string) => void navigate(paths.article(target)),
    [navigate],
  );

  const { refetch } = query;
  const retry = useCallback(() => void refetch(), [refetch]);
  if (query.isError && !article) {
    // A story that does not exist is a real Not Found page, from the route's error boundary.
    if (isNotFound(query.error)) throw query.error;
    if (!story) {
      return (
        <div className="page page--error">
          <FailedPart
            error={query.error}
            onRetry={retry}
            retrying={query.isFetching}
            headingLevel={1}
          />
        </div>
      );
    }
  }
  if (!story) return <BodyPlaceholder />;

  const canonical = `${publicOrigin}${appRoot}${paths.article(story.slug)}`;
  const words = article && countWords(article.safeBody);
  const updatedSameDay =
    !!story.publishedAt &&
    !!story.updatedAt &&
    sameDay(story.publishedAt, story.updatedAt, timeZone);
  return (
    <div className="page article-page">
      <PageMeta
        title={`${story.headline} – ${site.name}`}
        description={story.summary ?? `${story.headline}, from ${site.name}.`}
      />
      <link rel="canonical" href={canonical} />
      <article className="article" aria-labelledby="article-headline">
        <header className="article__header">
          {story.section && (
            <p className="kicker">
              <Link to={paths.listing({ kind: 'section', slug: story.section.slug })}>
                {story.section.name}
              </Link>
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
              {story.section && (
                <>
                  {story.publishedAt ? ' in ' : 'In '}
                  <Link to={paths.listing({ kind: 'section', slug: story.section.slug })}>
                    <bdi>{story.section.name}</bdi>
                  </Link>
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
              {article && (
                <span className="article__reading-time">{readingMinutes(words ?? 0)} min read</span>
              )}
            </p>
            <Share href={canonical} title={story.headline} />
          </div>
        </header>
        {story.image && <LeadImage image={story.image} />}
        {article ? (
          <>
            <ArticleBody safeHtml={article.safeBody} onArticleLink={onArticleLink} />
            {article.bodyCut && (
              <p className="article__note">This story is too long to show here in full.</p>
            )}
          </>
        ) : query.isError ? (
          <FailedPart
            error={query.error}
            onRetry={retry}
            retrying={query.isFetching}
            headingLevel={2}
          />
        ) : (
          <BodyLoading />
        )}
        <TagLinks tags={story.tags} />
      </article>
      <ArticleMore
        story={story}
        related={article ? article.related : query.isError ? [] : undefined}
      />
    </div>
  );
}

function BodyLoading() {
  return (
    <div role="status" aria-label="Loading the story">
      <BodyPlaceholder />
    </div>
  );
}
