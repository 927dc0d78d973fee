import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { useSite } from '../components/SiteContext.ts';
import { useApp } from './AppContext.ts';
import { PageMeta } from '../components/PageMeta.tsx';
import { StoryList } from '../components/StoryList.tsx';
import { paths } from '../news/paths.ts';
import { listingQuery } from '../queries/listings.ts';
import { ReaderLink } from './ReaderLink.tsx';

export function NotFound() {
  const heading = useRef<HTMLHeadingElement>(null);
  // After a navigation this page comes a moment after the error (its code loads
  // on its own): the focus Layout gave the page's main area moves on to its heading.
  useEffect(() => {
    if (document.activeElement?.id === 'main') heading.current?.focus({ preventScroll: true });
  }, []);
  const { source } = useApp();
  const site = useSite();
  const latest = useQuery(listingQuery(source, { kind: 'latest' }));
  return (
    <div className="page page--not-found">
      <PageMeta
        title={`Page not found – ${site.name}`}
        description="There is no story or page at this address."
      />
      <h1 ref={heading} tabIndex={-1}>
        Page not found
      </h1>
      <p>
        There is no story or page at this address. It may have been moved or taken down, or the
        address may be mistyped.
      </p>
      <p>
        <ReaderLink to={paths.home()}>Go to the front page</ReaderLink> or read the{' '}
        <ReaderLink to={paths.listing({ kind: 'latest' })}>Latest News</ReaderLink>.
      </p>
      {latest.data && latest.data.items.length > 0 && (
        <section aria-labelledby="not-found-latest">
          <h2 id="not-found-latest">Latest News</h2>
          <StoryList stories={latest.data.items.slice(0, 5)} variant="compact" headingLevel={3} />
        </section>
      )}
    </div>
  );
}
