// Code that loads on demand. Importing a module twice is free: the browser
// fetches it once, so loaders and links can start these early.

export const loadFrontPage = () => import('./FrontPage.tsx').then((module) => module.FrontPage);
export const loadListingPage = () =>
  import('./ListingPage.tsx').then((module) => module.ListingPage);
export const loadArticlePage = () =>
  import('./ArticlePage.tsx').then((module) => module.ArticlePage);
export const loadAboutPage = () => import('./AboutPage.tsx').then((module) => module.AboutPage);
/** The embed builder (/embed): its loader and page come in one chunk. */
export const loadEmbedBuilder = () => import('./EmbedBuilder.tsx');
/** The body sanitizer (DOMPurify), for an article the browser fetches itself. */
export const loadSanitizer = () =>
  import('../sanitize/browserSanitizer.ts').then((module) => module.sanitizeBody);
/** Warming a page on hover or focus is best effort: its code loads on the first such intent. */
export const loadPrefetch = () => import('./prefetch.ts').then((module) => module.prefetch);
