import type { ReactNode } from 'react';
import type { Summary } from '../news/types.ts';
import { StoryListPlaceholder } from './Placeholder.tsx';
import { StoryList } from './StoryList.tsx';

interface StoryBoxProps {
  id: string;
  title: ReactNode;
  /** Undefined while loading. */
  stories: Summary[] | undefined;
  failed?: boolean;
  onRetry?: () => void;
  placeholderCount?: number;
  /** Beside a story, headlines alone; below it, with their pictures and summaries. */
  variant?: 'compact' | 'standard';
}

/** A titled block of headlines beside or below a story ("Latest News", "More news from …"). */
export function StoryBox({
  id,
  title,
  stories,
  failed = false,
  onRetry,
  placeholderCount = 4,
  variant = 'compact',
}: StoryBoxProps) {
  return (
    <section className="story-box" aria-labelledby={id}>
      <h2 id={id} className="block-title">
        {title}
      </h2>
      {failed ? (
        <p className="block-error">
          These stories could not be loaded.{' '}
          {onRetry && (
            <button type="button" className="link-button" onClick={onRetry}>
              Retry
            </button>
          )}
        </p>
      ) : stories ? (
        <StoryList stories={stories} variant={variant} headingLevel={3} />
      ) : (
        <StoryListPlaceholder count={placeholderCount} compact={variant === 'compact'} />
      )}
    </section>
  );
}
