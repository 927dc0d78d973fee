// Code that loads on demand. Importing a module twice is free: the browser
// fetches it once, so loaders and links can start these early.

export const loadFrontPage = () => import('./FrontPage.tsx').then((module) => module.FrontPage);
export const loadListingPage = () =>
  import('./ListingPage.tsx').then((module) => module.ListingPage);
export const loadAboutPage = () => import('./AboutPage.tsx').then((module) => module.AboutPage);
/** The embed builder (/embed): its loader and page come in one chunk. */
export const loadEmbedBuilder = () => import('./EmbedBuilder.tsx');
/** The User Timing mark of the moment a page warms what the first click needs (src/routes/Layout.tsx). */
export const WARM_MARK = 'broadsheet:warm';
/**
 * The browser's own sanitizer ahead of the first article that needs it (1.6
 * kB and its rules, 2 kB); where that is missing, DOMPurify (11.6 kB) waits
 * for that article.
 */
export const warmSanitizer = () => {
  if ('parseHTML' in Document) import('../sanitize/nativeSanitizer.ts').catch(() => undefined);
};
/**
 * The body sanitizer, for an article the browser fetches itself: the
 * browser's own (HTML Sanitizer API) where it has one that works as the
 * standard says, else DOMPurify (docs/decisions/015).
 */
export const loadSanitizer = async () => {
  if ('parseHTML' in Document) {
    const native = await import('../sanitize/nativeSanitizer.ts');
    if (native.worksHere()) return native.sanitizeNative;
  }
  return (await import('../sanitize/browserSanitizer.ts')).sanitizeBody;
};
