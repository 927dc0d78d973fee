import type { ReactNode } from 'react';
import type { Summary } from '../news/types.ts';
import { DatesClock } from './DateTime.tsx';
import { StoryCard, type StoryCardVariant } from './StoryCard.tsx';

interface StoryListProps {
  stories: Summary[];
  variant?: StoryCardVariant;
  headingLevel?: 2 | 3;
  showSection?: boolean;
  /** Shown instead of an empty list. */
  emptyText?: ReactNode;
  withImages?: boolean;
}

export function StoryList({
  stories,
  variant = 'standard',
  headingLevel = 2,
  showSection = false,
  emptyText = 'No stories here yet.',
  withImages = true,
}: StoryListProps) {
  if (stories.length === 0) return <p className="empty">{emptyText}</p>;
  return (
    <DatesClock>
      <ol className={`story-list story-list--${variant}`}>
        {stories.map((story) => (
          <li key={story.slug}>
            <StoryCard
              story={story}
              variant={variant}
              headingLevel={headingLevel}
              showSection={showSection}
              withImage={withImages}
            />
          </li>
        ))}
      </ol>
    </DatesClock>
  );
}
