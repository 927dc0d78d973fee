// What a widget shows, whoever fetched it: its box and heading, and the
// headlines of one listing. Pure (props in, markup out): the element draws it
// in the browser (FeedWidget.tsx), the server draws it for the iframe form
// (src/server/feedFrame.tsx).
import { useMemo, type ReactNode } from 'react';
import { LinkContext, type DrawLink } from '../components/NewsLink.tsx';
import { SiteContext } from '../components/SiteContext.ts';
import { StoryList } from '../components/StoryList.tsx';
import { pathOf } from '../news/paths.ts';
import type { Listing, Site } from '../news/types.ts';
import type { WidgetOptions } from './options.ts';

const HEADING_ID = 'broadsheet-feed-title';

/** The widget's box: its theme, layout and language, and a heading that names it. */
export function Frame({
  options,
  heading,
  language,
  children,
}: {
  options: WidgetOptions;
  heading: string | undefined;
  language?: string | undefined;
  children: ReactNode;
}) {
  return (
    <section
      className={`feed feed--${options.layout}`}
      data-theme={options.theme}
      aria-labelledby={HEADING_ID}
      lang={language}
      // The host element's own title attribute would show as a tooltip over every headline.
      title=""
    >
      <h2 id={HEADING_ID} className="feed__title">
        {heading ?? 'News'}
      </h2>
      {children}
    </section>
  );
}

/**
 * The listing's first `limit` headlines, each an absolute link to its article
 * on the reader's site (`readerRoot`, with its trailing slash).
 */
export function Headlines({
  options,
  site,
  listing,
  readerRoot,
}: {
  options: WidgetOptions;
  site: Site;
  listing: Listing;
  readerRoot: string | undefined;
}) {
  const { newTab } = options;
  const drawLink = useMemo<DrawLink>(
    () =>
      ({ to, ...props }) => (
        <a
          href={new URL(pathOf(to).slice(1), readerRoot).href}
          {...(newTab ? { target: '_blank', rel: 'noopener' } : {})}
          {...props}
        />
      ),
    [readerRoot, newTab],
  );
  return (
    <SiteContext.Provider value={site}>
      <LinkContext.Provider value={drawLink}>
        <StoryList
          stories={listing.items.slice(0, options.limit)}
          variant={options.layout === 'compact' ? 'compact' : 'standard'}
          withImages={options.layout === 'cards'}
          headingLevel={3}
        />
      </LinkContext.Provider>
    </SiteContext.Provider>
  );
}
