import { useHref, useLocation, useNavigate, useNavigation, useRouteError } from 'react-router';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { PageMeta } from '../components/PageMeta.tsx';
import { describeError } from '../news/describeError.ts';
import { useApp } from './AppContext.ts';

// What a failure says, with code of its own (RouteError.tsx): few readers
// ever see it, so no page loads it until one does.

/**
 * The failure of a whole page in words, as the page's title too. Retry
 * navigates to the same address again: the loaders run anew, and the new
 * location resets the error boundary even when they answer at once (a
 * revalidation that finishes within one transition would leave it showing).
 */
export function FailedPage({ frontPageLink }: { frontPageLink: boolean }) {
  const error = useRouteError();
  const navigate = useNavigate();
  const location = useLocation();
  const href = useHref(location);
  const navigation = useNavigation();
  const { origin } = useApp();
  const description = describeError(error, origin);
  return (
    <>
      <PageMeta title={description.title} description={description.detail} />
      <ErrorMessage
        description={description}
        onRetry={() => void navigate(location, { replace: true, preventScrollReset: true })}
        retrying={navigation.state !== 'idle'}
        retryHref={href}
        frontPageLink={frontPageLink}
      />
    </>
  );
}

/** A part of a page that failed (an article's body, or the whole article), with its own Retry. */
export function FailedPart({
  error,
  onRetry,
  retrying,
  headingLevel,
}: {
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
  headingLevel: 1 | 2;
}) {
  const { origin } = useApp();
  const href = useHref(useLocation());
  return (
    <ErrorMessage
      headingLevel={headingLevel}
      retryHref={href}
      description={describeError(error, origin)}
      onRetry={onRetry}
      retrying={retrying}
    />
  );
}
