import type { ListingRef } from './types.ts';

/** The reader's own URLs, relative to the router's basename. */
export const paths = {
  home: () => '/',
  about: () => '/about',
  article: (slug: string) => `/article/${slug}`,
  listing(ref: ListingRef, page = 1): string {
    const base = 'slug' in ref ? `/${ref.kind}/${ref.slug}` : `/${ref.kind}`;
    return page > 1 ? `${base}?page=${page}` : base;
  },
};

/** What a link points at: the front page, an article, or a page of a listing. */
export type NewsTarget =
  { front: true } | { article: string } | { listing: ListingRef; page?: number };

/** The reader's own path (relative to its basename) of what `target` points at. */
export function pathOf(target: NewsTarget): string {
  if ('article' in target) return paths.article(target.article);
  if ('listing' in target) return paths.listing(target.listing, target.page);
  return paths.home();
}
