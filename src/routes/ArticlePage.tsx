import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { NavigationType, useNavigationType, useParams } from 'react-router';
import { useSite } from '../components/SiteContext.ts';
import { useApp } from './AppContext.ts';
import { ArticleBody } from '../components/ArticleBody.tsx';
import { PageMeta } from '../components/PageMeta.tsx';
import { Share } from '../components/Share.tsx';
import { BodyPlaceholder } from '../components/Placeholder.tsx';
import { TagLinks } from '../components/TagLinks.tsx';
import { paths } from '../news/paths.ts';
import { countWords, readingMinutes } from '../news/readingTime.ts';
import type { Summary } from '../news/types.ts';
import { articleQuery, findCachedSummary } from '../queries/articles.ts';
import { useAfterNextPaint } from './afterNextPaint.ts';
import { island } from './island.tsx';
import { parseSlug } from './params.ts';
import { useFollow } from './ReaderLink.tsx';
import { ArticleHeader, BodyLoading } from './ArticleHeader.tsx';
import { FailedPart, isNotFound } from './RouteError.tsx';

// The lists below and beside the story come a moment later than the story, with code of their own.
const ArticleMore = island(() => import('./ArticleMore.tsx').then((module) => module.ArticleMore));

export function ArticlePage() {
  const app = useApp();
  const { source, publicOrigin } = app;
  const site = useSite();
  const queryClient = useQueryClient();
  const slug = parseSlug(useParams().slug);
  // The route's loader asks for the document; a page that mounts on its failure shows it, not a new try.
  const query = useQuery({ ...articleQuery(app, slug), retryOnMount: false });
  const cached = useMemo(
    () => findCachedSummary(queryClient, source, slug),
    [queryClient, source, slug],
  );
  const article = query.data;
  const story: Summary | undefined = article ?? cached;

  // A click on a headline draws the story alone: the lists below and beside it
  // (as much markup again as the story's own, and their code) come in the
  // frame after its body (or the body's failure), so that a long body and
  // these lists are never drawn in one go, and the body does not wait for
  // them. Back and forward draw them at once, so that the position they
  // restore is there.
  const restoring = useNavigationType() === NavigationType.Pop;
  const bodyShown = article !== undefined || query.isError;
  const lists = useAfterNextPaint(bodyShown ? story?.slug : undefined) || restoring;

  const { appRoot } = app;
  const follow = useFollow();
  const onArticleLink = useCallback(
    (target: string) => {
      follow(paths.article(target));
    },
    [follow],
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
  return (
    <div className="page article-page">
      <PageMeta
        title={`${story.headline} – ${site.name}`}
        description={story.summary ?? `${story.headline}, from ${site.name}.`}
      />
      <link rel="canonical" href={canonical} />
      <article className="article" aria-labelledby="article-headline">
        <ArticleHeader
          story={story}
          more={
            article && (
              <span className="article__reading-time">{readingMinutes(words ?? 0)} min read</span>
            )
          }
          share={<Share href={canonical} title={story.headline} />}
        />
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
      {lists && (
        <ArticleMore
          story={story}
          related={article ? article.related : query.isError ? [] : undefined}
        />
      )}
    </div>
  );
}
