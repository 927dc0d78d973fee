import { useSuspenseQuery } from '@tanstack/react-query';
import { Suspense, useEffect, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router';
import { SiteContext } from '../components/SiteContext.ts';
import { useApp } from './AppContext.ts';
import { StoryListPlaceholder } from '../components/Placeholder.tsx';
import { ReaderNavigation } from './ReaderLink.tsx';
import { SiteFooter } from './SiteFooter.tsx';
import { SiteHeader } from './SiteHeader.tsx';
import { siteQuery } from '../queries/site.ts';
import { warmFormats } from '../news/formatDate.ts';
import { ArticleFonts } from './ArticleFonts.tsx';
import { WARM_MARK, warmSanitizer } from './lazyModules.ts';
import { paths } from '../news/paths.ts';

/** What only the server writes into a page's head (src/server/ShareMeta.tsx). */
export const SHARE_TAGS =
  'meta[property],meta[name^="twitter:"],script[type="application/ld+json"]';

/** Header, footer and the page between them; moves focus to each new page's heading. */
export function Layout() {
  const { source } = useApp();
  const { data: site } = useSuspenseQuery(siteQuery(source));
  const navigation = useNavigation();
  const location = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const shownPath = useRef(location.pathname + location.search);

  useEffect(() => {
    // On first load the browser's own focus is right; after a navigation, a
    // screen reader should land on the new page's heading.
    const path = location.pathname + location.search;
    if (path === shownPath.current) return;
    shownPath.current = path;
    // What the server wrote for link previews and search engines (Open Graph,
    // JSON-LD) described the page it sent; the reader has moved on.
    for (const tag of document.head.querySelectorAll(SHARE_TAGS)) tag.remove();
    const heading = mainRef.current?.querySelector<HTMLElement>('h1');
    (heading ?? mainRef.current)?.focus({ preventScroll: true });
  }, [location.pathname, location.search]);

  useEffect(() => {
    if (site.language) document.documentElement.lang = site.language;
    if (typeof requestIdleCallback !== 'function') return;
    // While the reader looks at the page, what the first story they open needs
    // beyond its document gets ready: the formatters of its dates, the code
    // that reads the document (the source's adapter), the body's sanitizer.
    // A click then waits for the document alone (docs/decisions/020).
    const idle = requestIdleCallback(
      () => {
        // Marked, so that the browser tests can tell what was warmed from what the page needed.
        performance.mark(WARM_MARK);
        warmFormats(site.language);
        source.warm?.();
        warmSanitizer();
      },
      { timeout: 5000 },
    );
    return () => cancelIdleCallback(idle);
  }, [site.language, source]);

  const busy = navigation.state !== 'idle';
  return (
    <ReaderNavigation>
      <SiteContext value={site}>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <div
          className={busy ? 'nav-progress nav-progress--active' : 'nav-progress'}
          aria-hidden="true"
        />
        <SiteHeader site={site} />
        <main id="main" ref={mainRef} tabIndex={-1} aria-busy={busy}>
          <Suspense fallback={<StoryListPlaceholder />}>
            <Outlet />
          </Suspense>
        </main>
        <SiteFooter site={site} />
        {/* On an article its own text holds them; a second .article-body there would be a second body. */}
        {!location.pathname.startsWith(paths.article('')) && <ArticleFonts />}
        <ScrollRestoration />
      </SiteContext>
    </ReaderNavigation>
  );
}
