// The widget's own tree: a labelled list of headlines from one listing, drawn
// with the reader's components. Written against React's API; the widget build
// runs it on preact/compat (decision 012).
import { skipToken, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useEffect } from 'react';
import { StoryListPlaceholder } from '../components/Placeholder.tsx';
import { errorTitle } from '../news/describeError.ts';
import { listingQuery } from '../queries/listings.ts';
import { siteQuery } from '../queries/site.ts';
import { defaultTitle, type WidgetOptions } from './options.ts';
import { Frame, Headlines } from './FeedView.tsx';
import { sourceQuery } from './runtime.ts';

/**
 * One widget. `active`: the element is near the viewport; until then it
 * fetches nothing and holds the list's place. One tree from the first render
 * on, so that nothing is drawn twice while it loads.
 */
export function FeedWidget({ options, active }: { options: WidgetOptions; active: boolean }) {
  const opened = useQuery({ ...sourceQuery(options.source), enabled: active });
  // Another widget may have opened the source already: this one still waits its turn.
  const { source, readerRoot } = (active && opened.data) || {};
  const site = useQuery(whenOpened(source && siteQuery(source)));
  const listing = useQuery(whenOpened(source && listingQuery(source, options.feed)));
  const heading = options.title ?? defaultTitle(options.feed, site.data, listing.data?.title);
  const failed = [opened, site, listing].filter((query) => query.isError);
  return (
    <Frame options={options} heading={heading} language={site.data?.language}>
      {site.data && listing.data ? (
        <Headlines
          options={options}
          site={site.data}
          listing={listing.data}
          readerRoot={readerRoot}
        />
      ) : failed.length > 0 ? (
        <Failure failed={failed} />
      ) : (
        <Loading options={options} />
      )}
    </Frame>
  );
}

/** A source's query, or, until the source is open, one of the same type that never runs. */
function whenOpened<T>(options: T | undefined): T {
  return options ?? ({ queryKey: ['widget-waiting'], queryFn: skipToken } as T);
}

function Loading({ options }: { options: WidgetOptions }) {
  return (
    <div role="status" aria-label="Loading headlines">
      <StoryListPlaceholder count={options.limit} compact={options.layout === 'compact'} />
    </div>
  );
}

/** A small message and a Retry; the error itself goes to the host's console, for its developers. */
function Failure({ failed }: { failed: UseQueryResult[] }) {
  const error = failed[0]?.error;
  useEffect(() => {
    console.warn('<broadsheet-feed> could not load its news:', error);
  }, [error]);
  const retrying = failed.some((query) => query.isFetching);
  return (
    <div className="feed__error" role="alert">
      <p>{errorTitle(error)}.</p>
      <button
        type="button"
        disabled={retrying}
        onClick={() => {
          for (const query of failed) void query.refetch();
        }}
      >
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}
