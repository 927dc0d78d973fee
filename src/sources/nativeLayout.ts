import type { ListingRef } from '../news/types.ts';

// Where Broadsheet's native API keeps each document under its base URL
// (docs/api.md): the adapter reads them there, and the reader's first code
// asks for one early, before the adapter has loaded (./early.ts).

const listingFolders: Record<ListingRef['kind'], string> = {
  latest: 'latest',
  top: 'top',
  section: 'sections',
  tag: 'tags',
  source: 'sources',
  author: 'authors',
};

export function nativeLayout(baseUrl: string) {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const url = (path: string) => new URL(path, base).href;
  return {
    base,
    site: () => url('site.json'),
    articles: url('articles/'),
    article: (slug: string) => url(`articles/${slug}.json`),
    listing: (ref: ListingRef, page: number) =>
      url(
        `${'slug' in ref ? `${listingFolders[ref.kind]}/${ref.slug}` : listingFolders[ref.kind]}/${String(page)}.json`,
      ),
  };
}
