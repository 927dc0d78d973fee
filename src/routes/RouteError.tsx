import { isRouteErrorResponse, useRevalidator, useRouteError } from 'react-router';
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
export function RouteError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  if (isNotFound(error)) return <NotFound />;
  const description = describeError(error);
  return (
    <div className="page page--error">
      <PageMeta title={description.title} description={description.detail} />
      <ErrorMessage
        description={description}
        onRetry={() => void revalidator.revalidate()}
        retrying={revalidator.state === 'loading'}
      />
    </div>
  );
}

/** The site itself could not load (its site.json failed): no header from the source to show. */
export function RootError() {
  const error = useRouteError();
  const revalidator = useRevalidator();
  const description = describeError(error);
  return (
    <>
      <header className="site-header">
        <div className="site-header__inner">
          <span className="site-name">News</span>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="page page--error">
        <PageMeta title={description.title} description={description.detail} />
        <ErrorMessage
          description={description}
          onRetry={() => void revalidator.revalidate()}
          retrying={revalidator.state === 'loading'}
        />
      </main>
    </>
  );
}
