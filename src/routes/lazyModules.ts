// Code that loads on demand. Importing a module twice is free: the browser
// fetches it once, so loaders and links can start these early.

export const loadFrontPage = () => import('./FrontPage.tsx').then((module) => module.FrontPage);
export const loadListingPage = () =>
  import('./ListingPage.tsx').then((module) => module.ListingPage);
export const loadArticlePage = () =>
  import('./ArticlePage.tsx').then((module) => module.ArticlePage);
/**
 * A module that loads on demand and, once loaded, can be used at once: React
 * would otherwise suspend on a lazy component's first render even when its
 * code is already here, and hold back revealing it for a moment.
 */
function preloadable<M>(load: () => Promise<M>) {
  let loaded: M | undefined;
  return {
    load: () =>
      load().then((module) => {
        loaded = module;
        return module;
      }),
    loaded: () => loaded,
  };
}

/** The body sanitizer (DOMPurify), for an article the browser fetches itself. */
export const loadSanitizer = () =>
  import('../components/browserSanitizer.ts').then((module) => module.sanitizeBody);
/** Below and beside an article; starts loading with the article page. */
export const articleMoreModule = preloadable(() => import('./ArticleMore.tsx'));
export const loadArticleMore = articleMoreModule.load;
/** Warming a page on hover or focus is best effort: its code loads on the first such intent. */
export const loadPrefetch = () => import('./prefetch.ts').then((module) => module.prefetch);
