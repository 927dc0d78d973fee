import { useEffect, useRef } from 'react';
import type { ErrorDescription } from '../news/describeError.ts';
import { NewsLink } from './NewsLink.tsx';

interface ErrorMessageProps {
  description: ErrorDescription;
  onRetry?: (() => void) | undefined;
  /** The page's own heading (h1) or a part of a page (h2). */
  headingLevel?: 1 | 2;
  retrying?: boolean;
  /**
   * The page's own address (base path and query included): Retry is then a
   * form that asks for it again, so that it works before the page's code
   * has arrived (a server's error page); once it has, `onRetry` does.
   */
  retryHref?: string | undefined;
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
  retryHref,
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
      <div className="error-message__actions">
        {onRetry &&
          (retryHref ? (
            <RetryForm href={retryHref} onRetry={onRetry} retrying={retrying} />
          ) : (
            <button type="button" className="button" onClick={onRetry} disabled={retrying}>
              {retrying ? 'Retrying…' : 'Retry'}
            </button>
          ))}
        {frontPageLink && <NewsLink to={{ front: true }}>Go to the front page</NewsLink>}
      </div>
      {description.forOwner && (
        <details>
          <summary>Details for the site’s owner</summary>
          <p>{description.forOwner}</p>
        </details>
      )}
    </div>
  );
}

/** A form that loads `href` anew (GET keeps its query as fields); its submit, once the page is alive, is `onRetry`. */
function RetryForm({
  href,
  onRetry,
  retrying,
}: {
  href: string;
  onRetry: () => void;
  retrying: boolean;
}) {
  const address = new URL(href, 'http://reader.invalid');
  return (
    <form
      method="get"
      action={address.pathname}
      className="error-message__retry"
      onSubmit={(event) => {
        event.preventDefault();
        onRetry();
      }}
    >
      {[...address.searchParams].map(([name, value], index) => (
        <input key={index} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" className="button" disabled={retrying}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </form>
  );
}
