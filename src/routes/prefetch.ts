import { matchPath } from 'react-router';
import { articleQuery } from '../queries/articles.ts';
import { listingQuery } from '../queries/listings.ts';
import { prefetchQuery } from '../queries/load.ts';
import { loadListingPage } from './lazyModules.ts';
import { listingRef, parsePage, SLUG } from './params.ts';
import type { RouterDeps } from './router.tsx';

const listingKinds = ['tag', 'section', 'source', 'author', 'latest', 'top'] as const;

/** Start loading what a path of the reader needs: its page code and its main data. */
export function prefetch(deps: RouterDeps, path: string): void {
  const { source, queryClient } = deps;
  const [pathname = '', search = ''] = path.split('?');
  const article = matchPath('/article/:slug', pathname);
  if (article) {
    const slug = article.params.slug;
    if (slug && SLUG.test(slug)) {
      // The document, and with it the code that reads it (the page's own is in the entry).
      prefetchQuery(queryClient, articleQuery(deps, slug));
    }
    return;
  }
  for (const kind of listingKinds) {
    const match = matchPath(
      kind === 'latest' || kind === 'top' ? `/${kind}` : `/${kind}/:slug`,
      pathname,
    );
    if (!match) continue;
    try {
      const ref = listingRef(kind, match.params.slug);
      const page = parsePage(new URLSearchParams(search));
      prefetchQuery(queryClient, listingQuery(source, ref, page));
      void loadListingPage();
    } catch {
      // Not a valid listing address: nothing to warm.
    }
    return;
  }
}
