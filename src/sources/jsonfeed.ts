import * as v from 'valibot';
import type { Article, Image, Listing, ListingRef, Ref, Site, Summary } from '../news/types.ts';
import { boundedSource } from './boundedSource.ts';
import { DOCUMENT_TIMEOUT_MS, fetchDocument } from './fetchJson.ts';
import type { NewsSource } from './NewsSource.ts';
import { SourceError } from './SourceError.ts';
import { LIMITS } from '../news/limits.ts';
import { languageTag } from '../news/locale.ts';
import { cutAtWord } from '../news/plainText.ts';
import { htmlToText, shortHash, slugify } from './text.ts';
import { dateTimeSchema, resolveUrl, slugSchema, validateDocument } from './validate.ts';

// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1). A feed is one
// document (plus older pages via `next_url`), so the adapter loads it whole and
// derives every listing and article from that one list of items. The mapping
// is recorded in docs/decisions/004-json-feed-mapping.md.

const PAGE_SIZE = 20;
/** Documents in all: the first plus up to nine `next_url` pages. */
const MAX_PAGES = 10;
/** How long one load of the feed serves every document before it is fetched again. */
const FRESH_MS = 60_000;
const TOP_LIMIT = 20;
const MAX_SECTIONS = 5;
/** A tag becomes a section only if at least this many items carry it. */
const SECTION_MIN_ITEMS = 2;
const RELATED_LIMIT = 3;
/** How much of a body is read to make a headline for an item without a title. */
const HEADLINE_SOURCE_LENGTH = 20_000;
/** How much of a title or summary is read: the reader shows far less (src/news/limits.ts). */
const TEXT_READ = 20_000;

/** A field that is used when it has the right type and ignored (undefined) when not. */
function lenient<const S extends v.GenericSchema>(schema: S) {
  return v.fallback(v.optional(schema), undefined);
}

const maybeText = lenient(v.string());
const personSchema = v.object({ name: maybeText });
const peopleSchema = lenient(v.array(lenient(personSchema)));

const feedSchema = v.pipe(
  // valibot's object() takes an array for an object: say plainly that a list is not a feed.
  v.custom<unknown>(
    (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
    'Expected a JSON Feed object',
  ),
  v.object({
    version: v.string('Expected the JSON Feed “version” (a string)'),
    title: maybeText,
    home_page_url: maybeText,
    description: maybeText,
    language: maybeText,
    next_url: maybeText,
    author: lenient(personSchema),
    authors: peopleSchema,
    items: v.array(v.unknown(), 'Expected the list of the feed’s items'),
  }),
);

/** Later pages only need items (and perhaps the next page). */
const nextPageSchema = v.object({ next_url: maybeText, items: v.array(v.unknown()) });

const itemSchema = v.object({
  id: lenient(v.union([v.string(), v.number()])),
  url: maybeText,
  external_url: maybeText,
  title: maybeText,
  summary: maybeText,
  content_html: maybeText,
  content_text: maybeText,
  image: maybeText,
  banner_image: maybeText,
  date_published: maybeText,
  date_modified: maybeText,
  author: lenient(personSchema),
  authors: peopleSchema,
  tags: lenient(v.array(maybeText)),
  _broadsheet: lenient(v.object({ priority: lenient(v.number()) })),
});

type WireFeed = v.InferOutput<typeof feedSchema>;
type WireItem = v.InferOutput<typeof itemSchema>;
type WirePeople = v.InferOutput<typeof peopleSchema>;
type WirePerson = v.InferOutput<typeof personSchema>;

interface Entry {
  summary: Summary;
  body: string;
  baseUrl: string;
  /** The item's own page, for recognising links to it. */
  pageUrl: string | undefined;
  priority: number | undefined;
  /** Milliseconds since the epoch of publishedAt, or NaN. */
  time: number;
}

interface Group {
  ref: Ref;
  entries: Entry[];
}

interface LoadedFeed {
  site: Site;
  source: Ref;
  latest: Entry[];
  top: Entry[];
  bySlug: Map<string, Entry>;
  byPageUrl: Map<string, string>;
  tags: Map<string, Group>;
  sections: Map<string, Group>;
  authors: Map<string, Group>;
}

interface FeedPage {
  url: string;
  items: unknown[];
}

/** A JSON Feed (1.0 or 1.1) at `feedUrl`, read whole and kept for a minute. */
export function createJsonFeedSource(
  feedUrl: string,
  options: { timeoutMs?: number } = {},
): NewsSource {
  const url = absolute(feedUrl);
  const timeoutMs = options.timeoutMs ?? DOCUMENT_TIMEOUT_MS;
  let cache: { at: number; feed: Promise<LoadedFeed> } | undefined;
  let latestLoaded: LoadedFeed | undefined;

  function load(): Promise<LoadedFeed> {
    const now = Date.now();
    if (cache && now - cache.at < FRESH_MS) return cache.feed;
    const feed = loadFeed(url, timeoutMs).then((loaded) => {
      latestLoaded = loaded;
      return loaded;
    });
    const entry = { at: now, feed };
    cache = entry;
    // A failure is not kept: the next request (a Retry) asks the server again.
    feed.catch(() => {
      if (cache === entry) cache = undefined;
    });
    return feed;
  }

  async function loaded(signal: AbortSignal | undefined): Promise<LoadedFeed> {
    // One load serves every caller, so no single caller's signal may cancel it.
    const feed = await load();
    signal?.throwIfAborted();
    return feed;
  }

  const notFound = (message: string) => new SourceError('not-found', url, message);

  return boundedSource({
    id: `jsonfeed:${url}`,

    async site(signal) {
      return (await loaded(signal)).site;
    },

    async article(slug, signal) {
      if (!v.is(slugSchema, slug)) throw notFound('That is not a valid address.');
      const feed = await loaded(signal);
      const entry = feed.bySlug.get(slug);
      if (!entry) throw notFound(`The feed has no story “${slug}”.`);
      const article: Article = {
        ...entry.summary,
        body: entry.body,
        baseUrl: entry.baseUrl,
        related: related(feed, entry),
      };
      return article;
    },

    async listing(ref, page, signal) {
      if ('slug' in ref && !v.is(slugSchema, ref.slug)) {
        throw notFound('That is not a valid address.');
      }
      const feed = await loaded(signal);
      const group = findGroup(feed, ref);
      if (!group) throw notFound(`The feed has no ${ref.kind} like that.`);
      return pageOf(group, page, () => notFound(`There is no page ${page} of ${group.ref.name}.`));
    },

    articleSlugFromUrl(href) {
      return latestLoaded?.byPageUrl.get(withoutHash(href));
    },
  });
}

function findGroup(feed: LoadedFeed, ref: ListingRef): Group | undefined {
  switch (ref.kind) {
    case 'latest':
      return { ref: { slug: 'latest', name: 'Latest News' }, entries: feed.latest };
    case 'top':
      return { ref: { slug: 'top', name: 'Top News' }, entries: feed.top };
    case 'source':
      return ref.slug === feed.source.slug ? { ref: feed.source, entries: feed.latest } : undefined;
    case 'tag':
      return feed.tags.get(ref.slug);
    case 'section':
      return feed.sections.get(ref.slug);
    case 'author':
      return feed.authors.get(ref.slug);
  }
}

function pageOf(group: Group, page: number, missing: () => SourceError): Listing {
  const total = group.entries.length;
  const pageCount = Math.ceil(total / PAGE_SIZE);
  if (!Number.isInteger(page) || page < 1 || page > Math.max(1, pageCount)) throw missing();
  const start = (page - 1) * PAGE_SIZE;
  return {
    title: group.ref.name,
    page,
    pageCount,
    total,
    items: group.entries.slice(start, start + PAGE_SIZE).map((entry) => entry.summary),
  };
}

/** Items that share tags with this one, most shared tags first, then newest. */
function related(feed: LoadedFeed, entry: Entry): Summary[] {
  const tags = new Set(entry.summary.tags.map((tag) => tag.slug));
  if (tags.size === 0) return [];
  const scored: { entry: Entry; shared: number; rank: number }[] = [];
  feed.latest.forEach((other, rank) => {
    if (other === entry) return;
    const shared = other.summary.tags.filter((tag) => tags.has(tag.slug)).length;
    if (shared > 0) scored.push({ entry: other, shared, rank });
  });
  return scored
    .sort((a, b) => b.shared - a.shared || a.rank - b.rank)
    .slice(0, RELATED_LIMIT)
    .map((item) => item.entry.summary);
}

// Loading

async function loadFeed(feedUrl: string, timeoutMs: number): Promise<LoadedFeed> {
  // Every page shares one deadline: the reader never waits longer than one document's timeout.
  const deadline = Date.now() + timeoutMs;
  const first = await fetchDocument(feedUrl, { timeoutMs });
  const head = validateDocument(feedSchema, first.body, first.url);
  const pages: FeedPage[] = [{ url: first.url, items: head.items }];
  const seen = new Set([feedUrl, first.url]);
  let next = resolveOptional(head.next_url, first.url);

  let items = head.items.length;
  while (next && !seen.has(next) && pages.length < MAX_PAGES && items < LIMITS.feedItems) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    seen.add(next);
    // A later page that fails leaves the reader with the pages already loaded.
    const page = await fetchDocument(next, { timeoutMs: remaining }).catch(() => undefined);
    if (!page || (page.url !== next && seen.has(page.url))) break;
    seen.add(page.url);
    const parsed = v.safeParse(nextPageSchema, page.body);
    if (!parsed.success) break;
    pages.push({ url: page.url, items: parsed.output.items });
    items += parsed.output.items.length;
    next = resolveOptional(parsed.output.next_url, page.url);
  }
  try {
    return buildFeed(head, first.url, pages);
  } catch (cause) {
    // Not expected; but whatever a feed holds, the reader gets a SourceError it can explain.
    throw new SourceError('invalid-data', first.url, `${first.url} could not be read as a feed.`, {
      cause,
    });
  }
}

function buildFeed(head: WireFeed, feedUrl: string, pages: FeedPage[]): LoadedFeed {
  const homeUrl = resolveOptional(head.home_page_url, feedUrl);
  const name =
    (head.title && htmlToText(head.title)) || hostOf(homeUrl) || hostOf(feedUrl) || 'News';
  const source: Ref = { slug: slugify(name), name };
  const feedAuthors = firstPeople(head.authors, head.author);

  const ids = new Set<string>();
  const bySlug = new Map<string, Entry>();
  const byPageUrl = new Map<string, string>();
  const entries: Entry[] = [];
  let examined = 0;
  for (const page of pages) {
    for (const raw of page.items) {
      // However long a feed is, the reader reads no more of it than this.
      if (entries.length === LIMITS.feedItems || ++examined > LIMITS.feedItems * 2) break;
      const parsed = v.safeParse(itemSchema, raw);
      if (!parsed.success) continue;
      const item = parsed.output;
      const id = itemId(item);
      if (id === undefined || ids.has(id)) continue;
      const entry = toEntry(item, id, {
        docUrl: page.url,
        baseUrl: homeUrl ?? page.url,
        source,
        feedAuthors,
        taken: bySlug,
      });
      if (!entry) continue;
      ids.add(id);
      bySlug.set(entry.summary.slug, entry);
      if (entry.pageUrl && !byPageUrl.has(entry.pageUrl)) {
        byPageUrl.set(entry.pageUrl, entry.summary.slug);
      }
      entries.push(entry);
    }
  }

  const latest = newestFirst(entries);
  const tags = groupBy(latest, (entry) => entry.summary.tags);
  const sectionGroups = [...tags.values()]
    .filter((group) => group.entries.length >= SECTION_MIN_ITEMS)
    .sort((a, b) => b.entries.length - a.entries.length)
    .slice(0, MAX_SECTIONS);
  const sections = new Map(sectionGroups.map((group) => [group.ref.slug, group]));
  for (const entry of latest) {
    const section = entry.summary.tags.find((tag) => sections.has(tag.slug));
    if (section) entry.summary.section = section;
  }

  const site: Site = {
    name,
    sections: sectionGroups.map((group) => group.ref),
    pageSize: PAGE_SIZE,
  };
  const description = head.description && htmlToText(head.description);
  if (description) site.description = description;
  const language = languageTag(head.language);
  if (language) site.language = language;

  return {
    site,
    source,
    latest,
    top: topNews(latest),
    bySlug,
    byPageUrl,
    tags,
    sections,
    authors: groupBy(latest, (entry) => entry.summary.authors),
  };
}

/**
 * Top News: the items a publisher ranked with `_broadsheet.priority` (1 first),
 * else the newest items with an image, else simply the newest.
 */
function topNews(latest: Entry[]): Entry[] {
  const ranked = latest.filter((entry) => entry.priority !== undefined);
  if (ranked.length > 0) {
    return ranked
      .map((entry, rank) => ({ entry, rank, priority: entry.priority ?? 0 }))
      .sort((a, b) => a.priority - b.priority || a.rank - b.rank)
      .slice(0, TOP_LIMIT)
      .map((item) => item.entry);
  }
  const pictured = latest.filter((entry) => entry.summary.image);
  return (pictured.length > 0 ? pictured : latest).slice(0, TOP_LIMIT);
}

/** Newest first; undated items after dated ones, each in feed order. */
function newestFirst(entries: Entry[]): Entry[] {
  return entries
    .map((entry, order) => ({ entry, order }))
    .sort((a, b) => {
      const aTime = a.entry.time;
      const bTime = b.entry.time;
      if (Number.isNaN(aTime) || Number.isNaN(bTime)) {
        return Number(Number.isNaN(aTime)) - Number(Number.isNaN(bTime)) || a.order - b.order;
      }
      return bTime - aTime || a.order - b.order;
    })
    .map((item) => item.entry);
}

function groupBy(entries: Entry[], refsOf: (entry: Entry) => Ref[]): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const entry of entries) {
    for (const ref of refsOf(entry)) {
      const group = groups.get(ref.slug);
      if (group) group.entries.push(entry);
      else groups.set(ref.slug, { ref, entries: [entry] });
    }
  }
  return groups;
}

// Items

interface ItemContext {
  /** The feed document that held the item: its relative URLs resolve against it. */
  docUrl: string;
  /** Where a body resolves its links when the item has no URL of its own. */
  baseUrl: string;
  source: Ref;
  feedAuthors: Ref[];
  taken: Map<string, Entry>;
}

function itemId(item: WireItem): string | undefined {
  const id = typeof item.id === 'number' ? String(item.id) : item.id?.trim();
  return id || item.url?.trim() || undefined;
}

function toEntry(item: WireItem, id: string, context: ItemContext): Entry | undefined {
  const title = item.title ? htmlToText(item.title.slice(0, TEXT_READ)) : '';
  const summaryText = item.summary ? htmlToText(item.summary.slice(0, TEXT_READ)) : '';
  const html = item.content_html?.trim() ? item.content_html : undefined;
  const text = item.content_text?.trim() ? item.content_text : undefined;
  if (!title && !html && !text && !summaryText) return undefined;

  const headline =
    title ||
    cutAtWord(
      summaryText ||
        (text
          ? text.slice(0, HEADLINE_SOURCE_LENGTH).replace(/\s+/g, ' ').trim()
          : htmlToText((html ?? '').slice(0, HEADLINE_SOURCE_LENGTH))),
    ) ||
    'Untitled';
  const pageUrl = resolveOptional(item.url, context.docUrl);
  const publishedAt = toDateTime(item.date_published);
  const updatedAt = toDateTime(item.date_modified);
  const image = toImage(item, context.docUrl);
  const authors = firstPeople(item.authors, item.author);

  const summary: Summary = {
    slug: uniqueSlug(itemSlug(item, id), context.taken),
    headline,
    authors: authors.length > 0 ? authors : context.feedAuthors,
    tags: toTags(item.tags),
    source: context.source,
  };
  if (summaryText && summaryText !== headline) summary.summary = summaryText;
  if (publishedAt) summary.publishedAt = publishedAt;
  if (updatedAt && updatedAt !== publishedAt) summary.updatedAt = updatedAt;
  if (image) summary.image = image;

  return {
    summary,
    body: html ?? (text ? textToHtml(text) : `<p>${escapeHtml(summaryText)}</p>`),
    baseUrl: pageUrl ? withoutHash(pageUrl) : context.baseUrl,
    pageUrl: pageUrl && withoutHash(pageUrl),
    priority: item._broadsheet?.priority,
    time: publishedAt ? Date.parse(publishedAt) : Number.NaN,
  };
}

/**
 * A readable part from the item's URL (its last path segment), else its id,
 * plus a hash of the id: stable when the title is edited, unique per id.
 */
function itemSlug(item: WireItem, id: string): string {
  const readable = lastSegment(item.url) ?? lastSegment(item.external_url) ?? lastSegment(id) ?? id;
  return `${slugify(readable, 80)}-${shortHash(id)}`;
}

/** Different ids whose slugs still meet (a hash collision) get a counter. */
function uniqueSlug(slug: string, taken: Map<string, Entry>): string {
  if (!taken.has(slug)) return slug;
  let count = 2;
  while (taken.has(`${slug}-${count}`)) count++;
  return `${slug}-${count}`;
}

function lastSegment(value: string | undefined): string | undefined {
  if (!value || !/^https?:\/\//i.test(value.trim())) return undefined;
  let path: string;
  try {
    path = new URL(value.trim()).pathname;
  } catch {
    return undefined;
  }
  const segment = path
    .split('/')
    .filter(Boolean)
    .at(-1)
    ?.replace(/\.[a-z0-9]{1,5}$/i, '');
  if (!segment || /^index$/i.test(segment)) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function toImage(item: WireItem, docUrl: string): Image | undefined {
  for (const candidate of [item.image, item.banner_image]) {
    const src = resolveOptional(candidate, docUrl);
    // JSON Feed has no alt text: the image is presented as decoration beside the headline.
    if (src) return { src, alt: '' };
  }
  return undefined;
}

function toTags(tags: (string | undefined)[] | undefined): Ref[] {
  const refs = new Map<string, Ref>();
  for (const tag of (tags ?? []).slice(0, LIMITS.tags * 4)) {
    const name = tag ? htmlToText(tag) : '';
    if (!name) continue;
    const slug = slugify(name);
    if (!refs.has(slug)) refs.set(slug, { slug, name });
  }
  return [...refs.values()];
}

/** `authors` (1.1) when it names anyone, else the legacy `author` (1.0). */
function firstPeople(authors: WirePeople, author: WirePerson | undefined): Ref[] {
  const modern = toPeople(authors ?? []);
  return modern.length > 0 ? modern : toPeople(author ? [author] : []);
}

function toPeople(people: (WirePerson | undefined)[]): Ref[] {
  const refs = new Map<string, Ref>();
  for (const person of people.slice(0, LIMITS.authors * 4)) {
    const name = person?.name ? htmlToText(person.name) : '';
    if (!name) continue;
    const slug = slugify(name);
    if (!refs.has(slug)) refs.set(slug, { slug, name });
  }
  return [...refs.values()];
}

// Text

/** Elements whose content the HTML parser keeps as raw text (markup and all). */
const escapes = new Map([
  ['&', '&amp;'],
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['"', '&quot;'],
  ["'", '&#39;'],
]);

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => escapes.get(char) ?? char);
}

/** Plain text as HTML: blank lines separate paragraphs, single newlines become <br>. */
function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[^\S\n]*\n\s*/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => {
      const lines = paragraph.split('\n').map((line) => escapeHtml(line.trim()));
      return `<p>${lines.join('<br>')}</p>`;
    })
    .join('\n');
}

// Dates and URLs

const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*([Zz]|[+-]\d{2}:?\d{2})?$/;

/**
 * RFC 3339 with an offset. A date-time without an offset is taken as UTC, a
 * date alone as midnight UTC; anything else, or an impossible date, is dropped.
 */
function toDateTime(raw: string | undefined): string | undefined {
  const match = raw ? DATE_TIME.exec(raw.trim()) : null;
  if (!match) return undefined;
  const [, year, month, day, hour = '00', minute = '00', second = '00', fraction = '', zone] =
    match;
  const y = Number(year);
  const m = Number(month);
  const d = Number(day);
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth) return undefined;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return undefined;
  const offset =
    !zone || zone.toUpperCase() === 'Z' ? 'Z' : zone.replace(/^([+-]\d{2}):?(\d{2})$/, '$1:$2');
  const value = `${year}-${month}-${day}T${hour}:${minute}:${second}${fraction}${offset}`;
  return v.is(dateTimeSchema, value) ? value : undefined;
}

/** An absolute http(s) URL from a field that may be missing, empty or relative. */
function resolveOptional(url: string | undefined, base: string): string | undefined {
  const trimmed = url?.trim();
  return trimmed ? resolveUrl(trimmed, base) : undefined;
}

function absolute(url: string): string {
  try {
    return new URL(url, (globalThis.location as Location | undefined)?.href).href;
  } catch {
    return url;
  }
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname || undefined;
  } catch {
    return undefined;
  }
}

function withoutHash(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}
