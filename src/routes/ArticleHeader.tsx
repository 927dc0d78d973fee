import type { ReactNode } from 'react';
import { Byline } from '../components/Byline.tsx';
import { useClock } from '../components/Clock.ts';
import { DateTime } from '../components/DateTime.tsx';
import { LeadImage } from '../components/LeadImage.tsx';
import { BodyPlaceholder } from '../components/Placeholder.tsx';
import { Unbroken } from '../components/Unbroken.tsx';
import { sameDay } from '../news/formatDate.ts';
import { paths } from '../news/paths.ts';
import type { Summary } from '../news/types.ts';
import { ReaderLink } from './ReaderLink.tsx';

// The top of an article page: section, headline, summary, byline, dates and
// lead image, all of which a listing already told about the story. A click on
// a headline draws it from that in its first frame, with the body's
// placeholder below, whatever is still loading (the article's document, the
// code that reads it); the document fills in the rest of the same page
// (docs/decisions/016).

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
