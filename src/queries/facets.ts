import { queryOptions } from '@tanstack/react-query';
import type { Ref, Summary } from '../news/types.ts';
import type { NewsSource } from '../sources/NewsSource.ts';

/** A tag, source or author, and how many of the stories looked at carry it. */
export interface Facet extends Ref {
  count: number;
}

/** What a site's recent stories are filed under, most used first. */
export interface Facets {
  tags: Facet[];
  sources: Facet[];
  authors: Facet[];
  /** How many stories were looked at. */
  stories: number;
}

/** Pages of Latest News read to find them (every source type has Latest News; few have an index). */
export const FACET_PAGES = 5;
/** At most this many of each kind, the most used. */
export const FACETS_SHOWN = 60;

/**
 * The tags, sources and authors of the site's latest stories. Every source
 * type has Latest News, so this works on each alike; an archive's long tail
 * stays out of the list, and a feed of it can still be named by its slug.
 */
export function facetsQuery(source: NewsSource) {
  return queryOptions({
    queryKey: ['facets', source.id],
    queryFn: async ({ signal }): Promise<Facets> => {
      const first = await source.listing({ kind: 'latest' }, 1, signal);
      const pages = Math.min(first.pageCount, FACET_PAGES);
      const more = await Promise.all(
        Array.from({ length: Math.max(0, pages - 1) }, (_, index) =>
          // A later page that fails leaves fewer stories to look at, not a broken page.
          source.listing({ kind: 'latest' }, index + 2, signal).then(
            (listing) => listing.items,
            () => [],
          ),
        ),
      );
      return countFacets([first.items, ...more].flat());
    },
    staleTime: 10 * 60_000,
  });
}

export function countFacets(all: Summary[]): Facets {
  // A story on two pages (the feed moved while they were read) counts once.
  const seen = new Set<string>();
  const stories = all.filter((story) => !seen.has(story.slug) && seen.add(story.slug));
  const tally = (refsOf: (story: Summary) => Ref[]): Facet[] => {
    const found = new Map<string, Facet>();
    for (const story of stories) {
      for (const ref of refsOf(story)) {
        const facet = found.get(ref.slug);
        if (facet) facet.count++;
        else found.set(ref.slug, { slug: ref.slug, name: ref.name, count: 1 });
      }
    }
    return [...found.values()]
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name))
      .slice(0, FACETS_SHOWN);
  };
  return {
    tags: tally((story) => story.tags),
    sources: tally((story) => (story.source ? [story.source] : [])),
    authors: tally((story) => story.authors),
    stories: stories.length,
  };
}
