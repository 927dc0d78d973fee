// Code that loads on demand. Importing a module twice is free: the browser
// fetches it once, so loaders and links can start these early.

export const loadFrontPage = () => import('./FrontPage.tsx').then((module) => module.FrontPage);
export const loadListingPage = () =>
  import('./ListingPage.tsx').then((module) => module.ListingPage);
export const loadArticlePage = () =>
  import('./ArticlePage.tsx').then((module) => module.ArticlePage);
/** The article body with its sanitizer (DOMPurify): start its download beside the data. */
export const loadArticleBody = () => import('../components/ArticleBody.tsx');
/** Below and beside an article; starts loading with the article page. */
export const loadArticleMore = () => import('./ArticleMore.tsx');
/** Warming a page on hover or focus is best effort: its code loads on the first such intent. */
export const loadPrefetch = () => import('./prefetch.ts').then((module) => module.prefetch);
