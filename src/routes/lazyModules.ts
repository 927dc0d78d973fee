import type { Sanitize } from '../sanitize/policy.ts';

// Code that loads on demand. The browser fetches a module once, however often
// it is imported, so loaders and links can start these early; each import()
// still resolves in a task of its own, so what every article needs is kept
// once it has come.

export const loadFrontPage = () => import('./FrontPage.tsx').then((module) => module.FrontPage);
export const loadListingPage = () =>
  import('./ListingPage.tsx').then((module) => module.ListingPage);
export const loadAboutPage = () => import('./AboutPage.tsx').then((module) => module.AboutPage);
/** The embed builder (/embed): its loader and page come in one chunk. */
export const loadEmbedBuilder = () => import('./EmbedBuilder.tsx');
/** The User Timing mark of the moment a page warms what the first click needs (src/routes/Layout.tsx). */
export const WARM_MARK = 'broadsheet:warm';
/** The sanitizer chosen, once it is: the next body needs no module lookup (a task of its own) to find it. */
let chosen: Sanitize | undefined;

/** The browser's own sanitizer, if it has one that works as the standard says (probed once). */
const nativeIfItWorks = async (): Promise<Sanitize | undefined> => {
  if (!('parseHTML' in Document)) return undefined;
  const native = await import('../sanitize/nativeSanitizer.ts');
  if (!native.worksHere()) return undefined;
  chosen = native.sanitizeNative;
  return chosen;
};

/**
 * The browser's own sanitizer ahead of the first article that needs it (1.6
 * kB and its rules, 2 kB), probed while the page is idle; where that is
 * missing, DOMPurify (11.6 kB) waits for that article.
 */
export const warmSanitizer = () => {
  nativeIfItWorks().catch(() => undefined);
};
/**
 * The body sanitizer, for an article the browser fetches itself: the
 * browser's own (HTML Sanitizer API) where it has one that works as the
 * standard says, else DOMPurify (docs/decisions/015).
 */
export const loadSanitizer = async (): Promise<Sanitize> => {
  if (chosen) return chosen;
  const native = await nativeIfItWorks();
  if (native) return native;
  chosen = (await import('../sanitize/browserSanitizer.ts')).sanitizeBody;
  return chosen;
};
