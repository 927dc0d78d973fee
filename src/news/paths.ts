import type { ListingRef } from './types.ts';

/** The reader's own URLs, relative to the router's basename. */
export const paths = {
  home: () => '/',
  article: (slug: string) => `/article/${slug}`,
  listing(ref: ListingRef, page = 1): string {
    const base = 'slug' in ref ? `/${ref.kind}/${ref.slug}` : `/${ref.kind}`;
    return page > 1 ? `${base}?page=${page}` : base;
  },
};
