// Code that loads on demand. Importing a module twice is free: the browser
// fetches it once, so loaders and links can start these early.

export const loadFrontPage = () => import('./FrontPage.tsx').then((module) => module.FrontPage);
export const loadListingPage = () =>
  import('./ListingPage.tsx').then((module) => module.ListingPage);
export const loadArticlePage = () =>
  import('./ArticlePage.tsx').then((module) => module.ArticlePage);
/** DOMPurify, which article bodies need: start its download beside the article's data. */
export const preloadSanitizer = () => import('dompurify');
