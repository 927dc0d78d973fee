import { LIMITS, saneDimensions } from '../news/limits.ts';
import { languageTag } from '../news/locale.ts';
import { plainText } from '../news/plainText.ts';
import type { Article, Image, Listing, Ref, Site, Summary } from '../news/types.ts';
import type { NewsSource } from './NewsSource.ts';

/**
 * A source held to the reader's limits (src/news/limits.ts), whatever its
 * format: each adapter returns its source through this, so no adapter can
 * forget one. Strings come out as plain text with paired direction controls,
 * lists are cut to size and freed of repeats, images keep only plausible
 * sizes, and the language is a tag Intl accepts.
 */
export function boundedSource(source: NewsSource): NewsSource {
  return {
    id: source.id,
    site: async (signal) => boundSite(await source.site(signal)),
    article: async (slug, signal) => boundArticle(await source.article(slug, signal)),
    listing: async (ref, page, signal) => boundListing(await source.listing(ref, page, signal)),
    articleSlugFromUrl: (url) => source.articleSlugFromUrl(url),
  };
}

function boundSite(site: Site): Site {
  const bounded: Site = {
    name: plainText(site.name, LIMITS.name) || 'News',
    sections: refs(site.sections, LIMITS.sections),
    pageSize: site.pageSize,
  };
  const description = site.description && plainText(site.description, LIMITS.siteDescription);
  if (description) bounded.description = description;
  const language = languageTag(site.language);
  if (language) bounded.language = language;
  return bounded;
}

function boundListing(listing: Listing): Listing {
  return {
    title: plainText(listing.title, LIMITS.headline) || 'News',
    page: listing.page,
    pageCount: listing.pageCount,
    total: listing.total,
    items: summaries(listing.items, LIMITS.listingItems),
  };
}

function boundArticle(article: Article): Article {
  const cut = article.body.length > LIMITS.bodyCharacters;
  return {
    ...boundSummary(article),
    // The sanitizer's parser closes whatever the cut leaves open.
    body: cut ? cutAtCodePoint(article.body, LIMITS.bodyCharacters) : article.body,
    ...(cut ? { bodyCut: true } : {}),
    baseUrl: article.baseUrl,
    related: summaries(
      article.related.filter((story) => story.slug !== article.slug),
      LIMITS.related,
    ),
  };
}

function boundSummary(story: Summary): Summary {
  const bounded: Summary = {
    slug: story.slug,
    headline: plainText(story.headline, LIMITS.headline) || 'Untitled',
    authors: refs(story.authors, LIMITS.authors),
    tags: refs(story.tags, LIMITS.tags),
  };
  const summary = story.summary && plainText(story.summary, LIMITS.summary);
  if (summary) bounded.summary = summary;
  if (story.publishedAt) bounded.publishedAt = story.publishedAt;
  if (story.updatedAt) bounded.updatedAt = story.updatedAt;
  const section = story.section && ref(story.section);
  if (section) bounded.section = section;
  const source = story.source && ref(story.source);
  if (source) bounded.source = source;
  const image = story.image && boundImage(story.image);
  if (image) bounded.image = image;
  return bounded;
}

function boundImage(image: Image): Image {
  const bounded: Image = { src: image.src, alt: plainText(image.alt, LIMITS.caption) };
  const caption = image.caption && plainText(image.caption, LIMITS.caption);
  if (caption) bounded.caption = caption;
  const credit = image.credit && plainText(image.credit, LIMITS.name);
  if (credit) bounded.credit = credit;
  const size = saneDimensions(image.width, image.height);
  if (size) Object.assign(bounded, size);
  return bounded;
}

/** At most `max` stories, each once (React needs one key per story, and so does a reader). */
function summaries(stories: Summary[], max: number): Summary[] {
  return distinct(stories, max, boundSummary);
}

function refs(list: Ref[], max: number): Ref[] {
  return distinct(list, max, ref);
}

/** The first `max` items `bound` keeps, one per slug. */
function distinct<T extends { slug: string }>(
  list: T[],
  max: number,
  bound: (item: T) => T | undefined,
): T[] {
  const seen = new Set<string>();
  const result: T[] = [];
  for (const item of list) {
    if (result.length === max) break;
    if (seen.has(item.slug)) continue;
    const bounded = bound(item);
    if (!bounded) continue;
    seen.add(item.slug);
    result.push(bounded);
  }
  return result;
}

function ref(item: Ref): Ref | undefined {
  const name = plainText(item.name, LIMITS.name);
  return name ? { slug: item.slug, name } : undefined;
}

function cutAtCodePoint(text: string, max: number): string {
  return text.slice(0, /[\ud800-\udbff]/.test(text.charAt(max - 1)) ? max - 1 : max);
}
