import * as v from 'valibot';
import type { Article, Image, Listing, Ref, Site, Summary } from '../news/types.ts';
import { boundedSource } from './boundedSource.ts';
import { fetchDocument, type FetchedDocument } from './fetchJson.ts';
import type { NewsSource } from './NewsSource.ts';
import { isSourceError, SourceError } from './SourceError.ts';
import { LIMITS } from '../news/limits.ts';
import { languageTag } from '../news/locale.ts';
import { cutAtWord } from '../news/plainText.ts';
import { htmlToText, slugify } from './text.ts';
import { dateTimeSchema, resolveUrl, slugSchema, validateDocument } from './validate.ts';

// Wire shapes of the WordPress REST API v2 (docs/decisions/005-wordpress-mapping.md).
// Real sites are messy: nearly every field is optional and a field of the wrong
// type counts as absent, so one odd post never costs the whole page.

const PAGE_SIZE = 10;
const MAX_SECTIONS = 8;
/** How much of a title or excerpt is read: the reader shows far less (src/news/limits.ts). */
const TEXT_READ = 20_000;
/** Categories asked for (per_page) and read, to choose the sections from. */
const CATEGORIES_READ = 100;
const SLUG = /^[a-z0-9-]{1,120}$/;
/**
 * `id-{id}`: the slug the reader gives a post, term or user whose own slug it
 * cannot use (percent-encoded, or with `_`); always looked up by id.
 */
const ID_SLUG = /^id-([1-9]\d{0,14})$/;

/** A field that may be missing or wrong: then it is as if absent. */
function lenient<const S extends v.GenericSchema>(schema: S) {
  return v.fallback(v.optional(schema), undefined);
}

const wpId = v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(Number.MAX_SAFE_INTEGER));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const dimension = v.pipe(v.number(), v.integer(), v.minValue(1));
const rendered = v.object({ rendered: v.string() });

/** A term (category, tag) or a user: the same three fields matter. */
const termSchema = v.object({
  id: lenient(wpId),
  slug: lenient(v.string()),
  name: lenient(v.string()),
  taxonomy: lenient(v.string()),
});

const categorySchema = v.object({
  ...termSchema.entries,
  count: lenient(count),
  parent: lenient(count),
});

const mediaSchema = v.object({
  source_url: v.pipe(v.string(), v.trim(), v.nonEmpty()),
  media_type: lenient(v.string()),
  alt_text: lenient(v.string()),
  caption: lenient(rendered),
  media_details: lenient(
    v.object({
      width: lenient(dimension),
      height: lenient(dimension),
      image_meta: lenient(v.object({ credit: lenient(v.string()) })),
    }),
  ),
});

const postSchema = v.object({
  id: lenient(wpId),
  slug: lenient(v.string()),
  link: lenient(v.string()),
  date: lenient(v.string()),
  date_gmt: lenient(v.string()),
  modified: lenient(v.string()),
  modified_gmt: lenient(v.string()),
  title: lenient(rendered),
  excerpt: lenient(rendered),
  content: lenient(v.object({ rendered: lenient(v.string()), protected: lenient(v.boolean()) })),
  _embedded: lenient(
    v.object({
      author: lenient(v.array(v.unknown())),
      'wp:featuredmedia': lenient(v.array(v.unknown())),
      'wp:term': lenient(v.array(v.unknown())),
    }),
  ),
});

/** What an article needs beyond a summary: a document without it is wrong, not messy. */
const articleCheck = v.object({ content: v.object({ rendered: v.string() }) });

const gmtOffsetSchema = v.union([
  v.number(),
  v.pipe(v.string(), v.regex(/^[+-]?\d{1,2}(\.\d+)?$/), v.transform(Number)),
]);

/** The `/wp-json/` index: `name` is required, so a URL that is not a WordPress root says so. */
const rootSchema = v.object({
  name: v.string(),
  description: lenient(v.string()),
  url: lenient(v.string()),
  home: lenient(v.string()),
  gmt_offset: lenient(gmtOffsetSchema),
  language: lenient(v.string()),
});

const listSchema = v.array(v.unknown());

type Post = v.InferOutput<typeof postSchema>;
type Term = v.InferOutput<typeof termSchema>;

/** What the root document tells every other mapping. */
interface SiteInfo {
  name: string;
  description: string;
  language: string | undefined;
  /** Absolute, ending in '/': the site's front end, where posts live. */
  siteUrl: string;
  /** The offset of the site's local time (`date`, `modified`), as in RFC 3339. */
  offset: string;
  source: Ref;
}

interface PostsPage {
  url: string;
  items: Summary[];
  /** Posts in the response, usable or not. */
  received: number;
  total: number;
  pageCount: number;
}

type Collection = 'categories' | 'tags' | 'users';

/** Where a listing's slug is looked up, and how posts are filtered by it. */
const slugListings = {
  section: { collection: 'categories', param: 'categories' },
  tag: { collection: 'tags', param: 'tags' },
  author: { collection: 'users', param: 'author' },
} as const;

const collectionNames: Record<Collection, string> = {
  categories: 'section',
  tags: 'tag',
  users: 'author',
};

/**
 * A WordPress site through its REST API v2. `rootUrl` is the API root
 * (`https://example.com/wp-json/`, or `https://example.com/?rest_route=/` on
 * sites without pretty permalinks).
 */
export function createWordPressSource(
  rootUrl: string,
  options: { timeoutMs?: number } = {},
): NewsSource {
  let root: URL;
  try {
    root = new URL(rootUrl);
  } catch (cause) {
    throw new SourceError('invalid-data', rootUrl, `${rootUrl} is not a URL.`, { cause });
  }
  const restRoute = root.searchParams.has('rest_route');
  if (!restRoute && !root.pathname.endsWith('/')) root.pathname += '/';
  const derivedSite = new URL(restRoute ? root.pathname : '../', root);
  const rootDocUrl = withParams(new URL(root.href), {
    _fields: 'name,description,url,home,gmt_offset,language',
  });

  function endpoint(route: string, params: Record<string, string> = {}): string {
    const url = new URL(root.href);
    if (restRoute) url.searchParams.set('rest_route', `/${route}`);
    else url.pathname = new URL(route, root).pathname;
    return withParams(url, params);
  }

  function get(url: string, signal: AbortSignal | undefined): Promise<FetchedDocument> {
    return fetchDocument(url, { signal, ...options });
  }

  // Every mapping needs the root document (the source, the site's URL and time
  // offset); it is read once and shared. site() always reads it afresh.
  let known: SiteInfo | undefined;
  let pending: Promise<SiteInfo> | undefined;

  async function readRoot(signal: AbortSignal | undefined): Promise<SiteInfo> {
    const raw = validateDocument(rootSchema, (await get(rootDocUrl, signal)).body, rootDocUrl);
    const siteUrl = folder(absoluteHttp(raw.home) ?? absoluteHttp(raw.url) ?? derivedSite.href);
    const name = plain(raw.name) || new URL(siteUrl).hostname;
    const info: SiteInfo = {
      name,
      description: plain(raw.description ?? ''),
      language: languageTag(raw.language),
      siteUrl,
      offset: offsetFromHours(raw.gmt_offset),
      source: { slug: slugify(name), name },
    };
    known = info;
    return info;
  }

  function siteInfo(): Promise<SiteInfo> {
    if (known) return Promise.resolve(known);
    pending ??= readRoot(undefined).finally(() => {
      pending = undefined;
    });
    return pending;
  }

  /** Ids of the categories, tags and users met so far, by `{collection}:{slug}`: each is looked up once. */
  const ids = new Map<string, { id: number; name: string }>();
  const remember: Remember = (collection, ref, id) => {
    if (id !== undefined) ids.set(`${collection}:${ref.slug}`, { id, name: ref.name });
  };

  async function sections(signal: AbortSignal | undefined): Promise<Ref[]> {
    const url = endpoint('wp/v2/categories', {
      per_page: String(CATEGORIES_READ),
      orderby: 'count',
      order: 'desc',
      hide_empty: 'true',
      _fields: 'id,name,slug,count,parent',
    });
    let body: unknown;
    try {
      body = (await get(url, signal)).body;
    } catch (error) {
      // A site that switched the endpoint off, or closed it to the public, has no sections.
      if (isSourceError(error) && (error.kind === 'not-found' || isRefusal(error.status)))
        return [];
      throw error;
    }
    const categories = validateDocument(listSchema, body, url)
      .slice(0, CATEGORIES_READ)
      .flatMap((item) => {
        const parsed = v.safeParse(categorySchema, item);
        if (!parsed.success || !parsed.output.count) return [];
        const ref = toRef(parsed.output);
        if (!ref) return [];
        remember('categories', ref, parsed.output.id);
        return [{ ref, count: parsed.output.count, topLevel: !parsed.output.parent }];
      });
    categories.sort((a, b) => Number(b.topLevel) - Number(a.topLevel) || b.count - a.count);
    return uniqueRefs(categories.map((category) => category.ref)).slice(0, MAX_SECTIONS);
  }

  /** A category, tag or user by the slug the reader gave it: its id and name. */
  async function findBySlug(
    collection: Collection,
    slug: string,
    signal: AbortSignal | undefined,
  ): Promise<{ id: number; name: string }> {
    const key = `${collection}:${slug}`;
    const cached = ids.get(key);
    if (cached) return cached;
    const found = await lookUp(collection, slug, signal);
    ids.set(key, found);
    return found;
  }

  async function lookUp(
    collection: Collection,
    slug: string,
    signal: AbortSignal | undefined,
  ): Promise<{ id: number; name: string }> {
    const byId = ID_SLUG.exec(slug)?.[1];
    if (byId) {
      const url = endpoint(`wp/v2/${collection}/${byId}`, { _fields: 'id,name,slug' });
      const term = validateDocument(termSchema, (await get(url, signal)).body, url);
      return { id: Number(byId), name: plain(term.name ?? '') || slug };
    }
    const url = endpoint(`wp/v2/${collection}`, { slug, _fields: 'id,name,slug' });
    for (const item of validateDocument(listSchema, (await get(url, signal)).body, url)) {
      const parsed = v.safeParse(termSchema, item);
      if (parsed.success && parsed.output.id !== undefined)
        return { id: parsed.output.id, name: plain(parsed.output.name ?? '') || slug };
    }
    throw new SourceError(
      'not-found',
      url,
      `There is no ${collectionNames[collection]} “${slug}”.`,
      { status: 404 },
    );
  }

  async function postsPage(
    filter: Record<string, string>,
    page: number,
    signal: AbortSignal | undefined,
  ): Promise<PostsPage> {
    const url = endpoint('wp/v2/posts', {
      ...filter,
      _embed: '1',
      page: String(page),
      per_page: String(PAGE_SIZE),
    });
    let document: FetchedDocument;
    let info: SiteInfo;
    try {
      [document, info] = await Promise.all([get(url, signal), siteInfo()]);
    } catch (error) {
      // A page past the last: WordPress answers 400 (rest_post_invalid_page_number).
      if (isSourceError(error) && error.url === url && error.status === 400 && page > 1)
        throw pastTheLast(url);
      throw error;
    }
    const raw = validateDocument(listSchema, document.body, url);
    // Asked for a page of PAGE_SIZE posts, a server may still send any number.
    const items = uniqueBySlug(
      raw.slice(0, PAGE_SIZE).flatMap((item) => toSummary(item, info, remember) ?? []),
    );
    const total = headerCount(document.headers, 'X-WP-Total');
    const pageCount = headerCount(document.headers, 'X-WP-TotalPages');
    const guessedPages = raw.length === 0 ? page - 1 : raw.length >= PAGE_SIZE ? page + 1 : page;
    return {
      url,
      items,
      received: raw.length,
      total: total ?? (page - 1) * PAGE_SIZE + raw.length,
      pageCount: Math.max(pageCount ?? guessedPages, raw.length > 0 ? page : 0),
    };
  }

  function toListing(title: string, result: PostsPage, page: number): Listing {
    if (page > 1 && page > result.pageCount) throw pastTheLast(result.url);
    return {
      title,
      page,
      pageCount: result.pageCount,
      total: result.total,
      items: result.items,
    };
  }

  return boundedSource({
    id: `wordpress:${root.href}`,

    async site(signal) {
      const [info, siteSections] = await Promise.all([readRoot(signal), sections(signal)]);
      const site: Site = { name: info.name, sections: siteSections, pageSize: PAGE_SIZE };
      if (info.description) site.description = info.description;
      if (info.language) site.language = info.language;
      return site;
    },

    async article(slug, signal) {
      if (!v.is(slugSchema, slug)) throw badAddress(endpoint('wp/v2/posts'));
      const byId = ID_SLUG.exec(slug)?.[1];
      const url = byId
        ? endpoint(`wp/v2/posts/${byId}`, { _embed: '1' })
        : endpoint('wp/v2/posts', { slug, _embed: '1' });
      const [document, info] = await Promise.all([get(url, signal), siteInfo()]);
      let raw: unknown = document.body;
      if (!byId) {
        const found = validateDocument(listSchema, document.body, url);
        if (found.length === 0)
          throw new SourceError('not-found', url, `There is no post “${slug}”.`, { status: 404 });
        validateDocument(v.looseTuple([articleCheck]), found, url);
        raw = found[0];
      } else {
        validateDocument(articleCheck, raw, url);
      }
      const post = validateDocument(postSchema, raw, url);
      const article: Article = {
        ...summarize(post, slug, info, remember),
        body:
          post.content?.protected === true
            ? protectedBody(post.excerpt?.rendered ?? '', info.name)
            : (post.content?.rendered ?? ''),
        baseUrl: absoluteHttp(post.link) ?? info.siteUrl,
        related: [],
      };
      return article;
    },

    async listing(ref, page, signal) {
      if (!Number.isInteger(page) || page < 1 || ('slug' in ref && !v.is(slugSchema, ref.slug)))
        throw badAddress(endpoint('wp/v2/posts'));
      const posts = (filter: Record<string, string> = {}) => postsPage(filter, page, signal);

      switch (ref.kind) {
        case 'latest':
          return toListing('Latest News', await posts(), page);
        case 'top': {
          const sticky = await posts({ sticky: 'true' });
          // No post is sticky: Top News is the latest posts.
          if (sticky.total === 0 && sticky.received === 0)
            return toListing('Top News', await posts(), page);
          return toListing('Top News', sticky, page);
        }
        case 'source': {
          const info = await siteInfo();
          if (ref.slug !== info.source.slug)
            throw new SourceError('not-found', rootDocUrl, `There is no source “${ref.slug}”.`, {
              status: 404,
            });
          return toListing(info.name, await posts(), page);
        }
        case 'section':
        case 'tag':
        case 'author': {
          const { collection, param } = slugListings[ref.kind];
          const found = await findBySlug(collection, ref.slug, signal);
          return toListing(found.name, await posts({ [param]: String(found.id) }), page);
        }
      }
    },

    articleSlugFromUrl(href) {
      let url: URL;
      try {
        url = new URL(href);
      } catch {
        return undefined;
      }
      const sites = [derivedSite.href, ...(known ? [known.siteUrl] : [])].map(
        (site) => new URL(folder(site)),
      );
      for (const site of sites) {
        if (url.origin !== site.origin || !url.pathname.startsWith(site.pathname)) continue;
        const slug = permalinkSlug(url, url.pathname.slice(site.pathname.length));
        if (slug) return slug;
      }
      return undefined;
    },
  });
}

/** First path segments under which WordPress serves things that are not posts. */
const NOT_POSTS = new Set([
  'wp-json',
  'wp-content',
  'wp-admin',
  'wp-includes',
  'category',
  'tag',
  'author',
  'feed',
  'page',
  'comments',
  'search',
]);
/** Last path segments that are a view of the post before them. */
const POST_VIEWS = new Set(['amp', 'embed', 'feed', 'trackback']);
const DIGITS = /^\d+$/;

/**
 * The slug in a permalink of the site, loosely: the last path segment, after
 * the site's own path, that is a slug (`/2016/10/my-post/`, `/news/my-post/`,
 * `/my-post/2/`); `?p=123` on the site's front page is post 123.
 */
function permalinkSlug(url: URL, path: string): string | undefined {
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 0) {
    const id = url.searchParams.get('p');
    return id !== null && /^[1-9]\d{0,14}$/.test(id) ? `id-${id}` : undefined;
  }
  if (NOT_POSTS.has(segments[0] ?? '')) return undefined;
  const last = segments.at(-1) ?? '';
  if (POST_VIEWS.has(last) && segments.length > 1) segments.pop();
  const candidate = segments.at(-1) ?? '';
  const before = segments.at(-2);
  if (DIGITS.test(candidate) && before !== undefined && !DIGITS.test(before)) segments.pop();
  const slug = segments.at(-1) ?? '';
  return SLUG.test(slug) && !DIGITS.test(slug) && !ID_SLUG.test(slug) ? slug : undefined;
}

/** Notes the id of a category, tag or user met in a post, so that its listing needs no lookup. */
type Remember = (collection: Collection, ref: Ref, id: number | undefined) => void;

function toSummary(value: unknown, info: SiteInfo, remember: Remember): Summary | undefined {
  const parsed = v.safeParse(postSchema, value);
  if (!parsed.success) return undefined;
  const slug = ownSlug(parsed.output);
  return slug ? summarize(parsed.output, slug, info, remember) : undefined;
}

function summarize(post: Post, slug: string, info: SiteInfo, remember: Remember): Summary {
  const embedded = post._embedded;
  // A post may embed any number of terms: read no more than the reader can show.
  const refsOf = (items: unknown[], collection: Collection, taxonomy?: string) =>
    uniqueRefs(
      items.slice(0, LIMITS.tags * 4).flatMap((item) => {
        const term = v.safeParse(termSchema, item);
        if (!term.success || (taxonomy && term.output.taxonomy !== taxonomy)) return [];
        const ref = toRef(term.output);
        if (ref) remember(collection, ref, term.output.id);
        return ref ?? [];
      }),
    );
  const terms = (embedded?.['wp:term'] ?? []).slice(0, 8).flatMap((group) => {
    const list = v.safeParse(listSchema, group);
    return list.success ? list.output.slice(0, LIMITS.tags * 4) : [];
  });
  const authors = refsOf(embedded?.author ?? [], 'users');
  const tags = refsOf(terms, 'tags', 'post_tag');
  const section = refsOf(terms, 'categories', 'category')[0];
  const summaryText = excerptText((post.excerpt?.rendered ?? '').slice(0, TEXT_READ));
  const headline =
    plain((post.title?.rendered ?? '').slice(0, TEXT_READ)) || cutAtWord(summaryText) || 'Untitled';
  const publishedAt = instant(post.date_gmt, 'Z') ?? instant(post.date, info.offset);
  const modifiedAt = instant(post.modified_gmt, 'Z') ?? instant(post.modified, info.offset);
  const image = (embedded?.['wp:featuredmedia'] ?? [])
    .slice(0, 1)
    .map((media) => toImage(media, info.siteUrl))[0];

  const summary: Summary = { slug, headline, authors, tags };
  if (summaryText) summary.summary = summaryText;
  if (publishedAt) summary.publishedAt = publishedAt;
  if (publishedAt && modifiedAt && Date.parse(modifiedAt) > Date.parse(publishedAt))
    summary.updatedAt = modifiedAt;
  if (section) summary.section = section;
  summary.source = info.source;
  if (image) summary.image = image;
  return summary;
}

function toImage(value: unknown, siteUrl: string): Image | undefined {
  const parsed = v.safeParse(mediaSchema, value);
  if (!parsed.success) return undefined;
  const media = parsed.output;
  if (media.media_type !== undefined && media.media_type !== 'image') return undefined;
  const src = resolveUrl(media.source_url, siteUrl);
  if (!src) return undefined;
  const image: Image = { src, alt: plain(media.alt_text ?? '') };
  const caption = plain(media.caption?.rendered ?? '');
  if (caption) image.caption = caption;
  const credit = plain(media.media_details?.image_meta?.credit ?? '');
  if (credit) image.credit = credit;
  const width = media.media_details?.width;
  const height = media.media_details?.height;
  if (width && height) {
    image.width = width;
    image.height = height;
  }
  return image;
}

/** A post's own slug if the reader can use it, else `id-{id}` (percent-encoded and `_` slugs). */
function ownSlug(item: { id?: number | undefined; slug?: string | undefined }): string | undefined {
  if (item.slug !== undefined && SLUG.test(item.slug) && !ID_SLUG.test(item.slug)) return item.slug;
  return item.id === undefined ? undefined : `id-${item.id}`;
}

function toRef(term: Term): Ref | undefined {
  const slug = ownSlug(term);
  if (!slug) return undefined;
  return { slug, name: plain(term.name ?? '') || slug };
}

function uniqueRefs(refs: Ref[]): Ref[] {
  const seen = new Set<string>();
  return refs.filter((ref) => !seen.has(ref.slug) && Boolean(seen.add(ref.slug)));
}

function uniqueBySlug(items: Summary[]): Summary[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.slug) && Boolean(seen.add(item.slug)));
}

const NAIVE_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/** WordPress dates carry no offset: `*_gmt` is UTC, the others are the site's local time. */
function instant(value: string | undefined, offset: string): string | undefined {
  if (value === undefined) return undefined;
  const candidate = NAIVE_DATE_TIME.test(value) ? `${value}${offset}` : value;
  return v.is(dateTimeSchema, candidate) ? candidate : undefined;
}

/** `gmt_offset` is in hours (5.5, "-3", "5.75"); unknown means UTC. */
function offsetFromHours(hours: number | undefined): string {
  if (hours === undefined || !Number.isFinite(hours) || Math.abs(hours) > 14) return 'Z';
  const minutes = Math.round(hours * 60);
  if (minutes === 0) return 'Z';
  const abs = Math.abs(minutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * Elements whose content a reader never sees, or that the HTML parser reads as
 * raw text (so markup inside them would come out as text), and the theme's
 * "Continue reading" link in excerpts.
 */
/** Plain text of a WordPress HTML string, without the theme's "Continue reading" link. */
function plain(html: string): string {
  return htmlToText(html, { drop: '.more-link' });
}

/** An excerpt as plain text, WordPress's " [&hellip;]" at its end a plain ellipsis. */
function excerptText(html: string): string {
  return plain(html).replace(/\s*\[(…|\.\.\.)\]$/, '…');
}

/** The body of a password-protected post: its excerpt (if WordPress sent one) and a note. */
function protectedBody(excerptHtml: string, siteName: string): string {
  return `${excerptHtml}<p><em>This story is protected by a password: it can only be read on ${escapeHtml(siteName)}.</em></p>`;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

function headerCount(headers: Headers, name: string): number | undefined {
  const value = headers.get(name)?.trim();
  return value !== undefined && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

function withParams(url: URL, params: Record<string, string>): string {
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.href;
}

function absoluteHttp(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** A site URL as a folder, so that its path is a prefix of its posts' paths. */
function folder(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  if (!parsed.pathname.endsWith('/')) parsed.pathname += '/';
  return parsed.href;
}

function isRefusal(status: number | undefined): boolean {
  return status === 401 || status === 403;
}

function pastTheLast(url: string): SourceError {
  return new SourceError('not-found', url, `${url} is past the last page.`, { status: 404 });
}

/** A slug or page from a URL the reader typed is untrusted: never build a request from a bad one. */
function badAddress(url: string): SourceError {
  return new SourceError('not-found', url, 'That is not a valid address.', { status: 404 });
}
