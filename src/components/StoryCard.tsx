import type { Summary } from '../news/types.ts';
import { DateTime } from './DateTime.tsx';
import { NewsLink } from './NewsLink.tsx';
import { Unbroken } from './Unbroken.tsx';

export type StoryCardVariant = 'lead' | 'standard' | 'compact';

interface StoryCardProps {
  story: Summary;
  variant?: StoryCardVariant;
  headingLevel?: 2 | 3;
  /** The one image that is likely above the fold loads eagerly; the rest wait. */
  eagerImage?: boolean;
  /** Show the section label above the headline. */
  showSection?: boolean;
  /** Show the story's picture (never in the compact variant). */
  withImage?: boolean;
}

export function StoryCard({
  story,
  variant = 'standard',
  headingLevel = 2,
  eagerImage = false,
  showSection = false,
  withImage = true,
}: StoryCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const image = variant === 'compact' || !withImage ? undefined : story.image;
  return (
    <article className={`story story--${variant}`}>
      <div className="story__text">
        {showSection && story.section && <p className="kicker">{story.section.name}</p>}
        <Heading className="story__headline">
          <NewsLink to={{ article: story.slug }}>
            <Unbroken text={story.headline} />
          </NewsLink>
        </Heading>
        {variant !== 'compact' && story.summary && (
          <p className="story__summary">{story.summary}</p>
        )}
        {story.publishedAt && (
          <p className="story__meta">
            <DateTime iso={story.publishedAt} />
          </p>
        )}
      </div>
      {image && (
        // The headline next to it says what the story is: the picture is decoration here.
        <img
          className="story__image"
          src={image.src}
          alt=""
          width={image.width ?? 1200}
          height={image.height ?? 675}
          loading={eagerImage ? 'eager' : 'lazy'}
          decoding="async"
          {...(eagerImage ? { fetchPriority: 'high' as const } : {})}
        />
      )}
    </article>
  );
}
