import { useEffect, useRef } from 'react';
import type { ErrorDescription } from '../news/describeError.ts';
import { NewsLink } from './NewsLink.tsx';

interface ErrorMessageProps {
  description: ErrorDescription;
  onRetry?: (() => void) | undefined;
  /** The page's own heading (h1) or a part of a page (h2). */
  headingLevel?: 1 | 2;
  retrying?: boolean;
  /** Offer the front page: not when the front page is what failed, where the link would lead back here. */
  frontPageLink?: boolean;
}

/**
 * A failure in plain words, with a way on: Retry, and back to the front page.
 * The technical part waits folded away, for the site's owner.
 */
export function ErrorMessage({
  description,
  onRetry,
  headingLevel = 1,
  retrying = false,
  frontPageLink = true,
}: ErrorMessageProps) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (headingLevel === 1) headingRef.current?.focus({ preventScroll: true });
  }, [headingLevel, description.title]);
  return (
    <div className="error-message" role={headingLevel === 1 ? undefined : 'alert'}>
      <Heading ref={headingRef} tabIndex={-1}>
        {description.title}
      </Heading>
      <p>{description.detail}</p>
      <p className="error-message__actions">
        {onRetry && (
          <button type="button" className="button" onClick={onRetry} disabled={retrying}>
            {retrying ? 'Retrying…' : 'Retry'}
          </button>
        )}
        {frontPageLink && <NewsLink to={{ front: true }}>Go to the front page</NewsLink>}
      </p>
      {description.forOwner && (
        <details>
          <summary>Details for the site’s owner</summary>
          <p>{description.forOwner}</p>
        </details>
      )}
    </div>
  );
}
