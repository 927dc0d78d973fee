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
import { isSourceError } from '../sources/SourceError.ts';
import { NotFound } from './NotFound.tsx';

export function isNotFound(error: unknown): boolean {
  return (
    (isRouteErrorResponse(error) && error.status === 404) ||
    (isSourceError(error) && error.kind === 'not-found')
  );
}

/** Errors of one page, shown inside the site's header and footer. */
/**
 * Retry by navigating to the same address again: the loaders run anew, and
 * the new location resets the error boundary even when they answer at once
 * (a revalidation that finishes within one transition would leave it showing).
 */
function useRetry() {
  const navigate = useNavigate();
  const location = useLocation();
  const navigation = useNavigation();
  return {
    retry: () => void navigate(location, { replace: true, preventScrollReset: true }),
    retrying: navigation.state !== 'idle',
  };
}

export function RouteError() {
  const error = useRouteError();
  const { retry, retrying } = useRetry();
  const { origin } = useApp();
  if (isNotFound(error)) return <NotFound />;
  const description = describeError(error, origin);
  return (
    <div className="page page--error">
      <PageMeta title={description.title} description={description.detail} />
      <ErrorMessage description={description} onRetry={retry} retrying={retrying} />
    </div>
  );
}

/** The site itself could not load (its site.json failed): no header from the source to show. */
export function RootError() {
  const error = useRouteError();
  const { retry, retrying } = useRetry();
  const { origin } = useApp();
  const description = describeError(error, origin);
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner">
          <span className="site-name">News</span>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page page--error">
        <PageMeta title={description.title} description={description.detail} />
        <ErrorMessage description={description} onRetry={retry} retrying={retrying} />
      </main>
    </>
  );
}
