import {
  isRouteErrorResponse,
  useLocation,
  useNavigate,
  useNavigation,
  useRouteError,
} from 'react-router';
import { useApp } from './AppContext.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { PageMeta } from '../components/PageMeta.tsx';
import { describeError } from '../news/describeError.ts';
import { paths } from '../news/paths.ts';
import { isSourceError } from '../sources/SourceError.ts';
import { island } from './island.tsx';

export function isNotFound(error: unknown): boolean {
  return (
    (isRouteErrorResponse(error) && error.status === 404) ||
    (isSourceError(error) && error.kind === 'not-found')
  );
}

/**
 * The failure in words, as the page's title too. Retry navigates to the same
 * address again: the loaders run anew, and the new location resets the error
 * boundary even when they answer at once (a revalidation that finishes within
 * one transition would leave it showing).
 */
function FailedPage({ frontPageLink }: { frontPageLink: boolean }) {
  const error = useRouteError();
  const navigate = useNavigate();
  const location = useLocation();
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
        frontPageLink={frontPageLink}
      />
    </>
  );
}

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
    <>
      <header className="site-header">
        <div className="site-header__inner">
          <span className="site-name">News</span>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page page--error">
        <FailedPage frontPageLink={false} />
      </main>
    </>
  );
}
