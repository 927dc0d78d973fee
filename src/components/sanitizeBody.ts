export interface SanitizeOptions {
  /** The document the HTML came from: relative URLs in it resolve against this. */
  baseUrl: string;
  /** The slug, if `url` is one of the source's own articles. */
  articleSlugFromUrl: (url: string) => string | undefined;
  /** The reader's own URL (absolute path, with its base) for an article. */
  articleHref: (slug: string) => string;
}

export type Sanitize = (html: string, options: SanitizeOptions) => string;

let loading: Promise<Sanitize> | undefined;

/**
 * The sanitizer (DOMPurify and our rules) loads on demand: only article
 * bodies need it. Call this early to start the download; it resolves to the
 * same function every time.
 */
export function loadSanitizer(): Promise<Sanitize> {
  loading ??= import('./sanitizer.ts').then((module) => module.createSanitizer());
  return loading;
}
