import { isRouteErrorResponse, useLocation, useRouteError } from 'react-router';
import { lazy, Suspense, type ComponentType, type JSX } from 'react';
import type * as Failure from './Failure.tsx';
import { paths } from '../news/paths.ts';
import { isSourceError } from '../sources/SourceError.ts';
import { island } from './island.tsx';
import { ReaderNavigation } from './ReaderLink.tsx';

export function isNotFound(error: unknown): boolean {
  return (
    (isRouteErrorResponse(error) && error.status === 404) ||
    (isSourceError(error) && error.kind === 'not-found')
  );
}

/**
 * Where even the code that words a failure could not load (the connection
 * is down, most likely): a failure still says so, with Retry where it has one.
 */
function Unreachable({
  headingLevel = 1,
  onRetry = () => window.location.reload(),
}: {
  headingLevel?: 1 | 2;
  onRetry?: () => void;
}) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div className="error-message" role="alert">
      <Heading tabIndex={-1}>This couldn’t be loaded</Heading>
      <p>The connection may be down. Check it, then try again.</p>
      <div className="error-message__actions">
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      </div>
    </div>
  );
}

/**
 * A part of Failure.tsx, its code loaded when it shows (Unreachable where it
 * cannot load). Not an island: a page the server rendered with a failure on
 * it loads that code as it hydrates, so that its Retry works.
 */
function failure<P extends object>(pick: (module: typeof Failure) => ComponentType<P>) {
  const Lazy = lazy(() =>
    import('./Failure.tsx').then(
      (module) => ({ default: pick(module) }),
      () => ({ default: Unreachable as unknown as ComponentType<P> }),
    ),
  );
  return function Failed(props: P) {
    return (
      <Suspense>
        <Lazy {...(props as P & JSX.IntrinsicAttributes)} />
      </Suspense>
    );
  };
}

const FailedPage = failure((module) => module.FailedPage);
/** An error in a part of a page: an article, or its body. */
export const FailedPart = failure((module) => module.FailedPart);

// A page few readers see, with code of its own: the links in the server's page
// work without it, and after a navigation it comes a moment after the error.
const NotFound = island(() => import('./NotFound.tsx').then((module) => module.NotFound));

/** Errors of one page, shown inside the site's header and footer. */
export function RouteError() {
  const error = useRouteError();
  // Relative to the router's basename, like paths: on the front page, a link to it would lead back here.
  const { pathname } = useLocation();
  if (isNotFound(error)) return <NotFound />;
  return (
    <div className="page page--error">
      <FailedPage frontPageLink={pathname !== paths.home()} />
    </div>
  );
}

/**
 * The site itself could not load (its site.json failed): no header from the
 * source to show, and no front page to offer, since it needs the same
 * document. A missing site.json is described here too, not as Not Found: to
 * the reader the news is missing, and Retry may bring it back.
 */
export function RootError() {
  return (
    <ReaderNavigation>
      <header className="site-header">
        <div className="site-header__inner">
          <span className="site-name">News</span>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page page--error">
        <FailedPage frontPageLink={false} />
      </main>
    </ReaderNavigation>
  );
}
