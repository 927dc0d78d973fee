import * as v from 'valibot';
import { LIMITS } from '../news/limits.ts';
import { languageTag } from '../news/locale.ts';
import type { Article, Image, Listing, Site, Summary } from '../news/types.ts';
import { boundedSource } from './boundedSource.ts';
import { fetchJson } from './fetchJson.ts';
import { nativeLayout } from './nativeLayout.ts';
import type { NewsSource } from './NewsSource.ts';
import { SourceError } from './SourceError.ts';
import { dateTimeSchema, resolveUrl, slugSchema, validateDocument } from './validate.ts';

// Wire shapes of Broadsheet's native API (docs: "Broadsheet's native news API").
// Unknown fields are dropped by v.object, so the format can grow.

const text = v.pipe(v.string(), v.trim(), v.nonEmpty('Expected text'));
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

const refSchema = v.object({ slug: slugSchema, name: text });

const imageSchema = v.object({
  src: v.pipe(v.string(), v.nonEmpty('Expected an image URL')),
  alt: v.string(),
  caption: v.optional(v.string()),
  credit: v.optional(v.string()),
  width: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  height: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
});

const summaryEntries = {
  slug: slugSchema,
  headline: text,
  summary: v.optional(v.string()),
  publishedAt: dateTimeSchema,
  updatedAt: v.optional(dateTimeSchema),
  section: v.optional(refSchema),
  source: v.optional(refSchema),
  authors: v.optional(v.array(refSchema)),
  tags: v.optional(v.array(refSchema)),
  image: v.optional(imageSchema),
};

const summarySchema = v.object(summaryEntries);

// Lists of items are checked item by item (see readItems): one bad story is
// skipped, not the whole document.
const articleSchema = v.object({
  ...summaryEntries,
  body: v.string(),
  related: v.optional(v.array(v.unknown())),
});

const listingSchema = v.object({
  title: text,
  page: v.pipe(v.number(), v.integer(), v.minValue(1)),
  pageCount: count,
  total: count,
  items: v.array(v.unknown()),
});

const siteSchema = v.object({
  name: text,
  description: v.optional(v.string()),
  language: v.optional(v.string()),
  sections: v.array(v.unknown()),
  pageSize: v.pipe(v.number(), v.integer(), v.minValue(1)),
});

type WireSummary = v.InferOutput<typeof summarySchema>;
type WireImage = v.InferOutput<typeof imageSchema>;

function toImage(image: WireImage, base: string): Image | undefined {
  const src = resolveUrl(image.src, base);
  if (!src) return undefined;
  return {
    src,
    alt: image.alt,
    ...(image.caption ? { caption: image.caption } : {}),
    ...(image.credit ? { credit: image.credit } : {}),
    ...(image.width && image.height ? { width: image.width, height: image.height } : {}),
  };
}

function toSummary(raw: WireSummary, base: string): Summary {
  const image = raw.image && toImage(raw.image, base);
  return {
    slug: raw.slug,
    headline: raw.headline,
    ...(raw.summary ? { summary: raw.summary } : {}),
    publishedAt: raw.publishedAt,
    ...(raw.updatedAt && raw.updatedAt !== raw.publishedAt ? { updatedAt: raw.updatedAt } : {}),
    ...(raw.section ? { section: raw.section } : {}),
    ...(raw.source ? { source: raw.source } : {}),
    authors: raw.authors ?? [],
    tags: raw.tags ?? [],
    ...(image ? { image } : {}),
  };
}

/**
 * The valid items of a list. However many a document holds, no more than
 * four times what the reader shows (`shown`) are looked at: enough for the
 * reader's limits to be filled after repeats are dropped (boundedSource.ts).
 * An item that does not match its schema is skipped, and the console says
 * which and why, so a publisher can find it.
 */
function readItems<const S extends v.GenericSchema>(
  schema: S,
  items: unknown[],
  shown: number,
  where: { url: string; field: string },
): v.InferOutput<S>[] {
  const valid: v.InferOutput<S>[] = [];
  const problems: string[] = [];
  for (const [index, item] of items.slice(0, shown * 4).entries()) {
    const result = v.safeParse(schema, item);
    if (result.success) {
      valid.push(result.output);
      continue;
    }
    const issue = result.issues[0];
    const path = v.getDotPath(issue);
    problems.push(`${where.field}.${index}${path ? `.${path}` : ''}: ${issue.message}`);
  }
  if (problems.length > 0) {
    console.warn(
      `Broadsheet skipped ${problems.length} of the items in ${where.url} that are not valid:\n  ${problems.join('\n  ')}`,
    );
  }
  return valid;
}

/** Broadsheet's own format: one static JSON file per document under `baseUrl`. */
export function createNativeSource(
  baseUrl: string,
  options: { timeoutMs?: number } = {},
): NewsSource {
  const layout = nativeLayout(baseUrl);
  const { base } = layout;
  const articlePrefix = layout.articles;

  return boundedSource({
    id: `native:${base}`,

    async site(signal) {
      const docUrl = layout.site();
      const raw = validateDocument(
        siteSchema,
        await fetchJson(docUrl, { signal, ...options }),
        docUrl,
      );
      const sections = readItems(refSchema, raw.sections, LIMITS.sections, {
        url: docUrl,
        field: 'sections',
      });
      const site: Site = { name: raw.name, sections, pageSize: raw.pageSize };
      if (raw.description) site.description = raw.description;
      const language = languageTag(raw.language);
      if (language) site.language = language;
      return site;
    },

    async article(slug, signal) {
      const docUrl = layout.article(slug);
      assertSlug(slug, docUrl);
      const raw = validateDocument(
        articleSchema,
        await fetchJson(docUrl, { signal, ...options }),
        docUrl,
      );
      const article: Article = {
        ...toSummary(raw, docUrl),
        body: raw.body,
        baseUrl: docUrl,
        related: readItems(summarySchema, raw.related ?? [], LIMITS.related, {
          url: docUrl,
          field: 'related',
        }).map((item) => toSummary(item, docUrl)),
      };
      return article;
    },

    async listing(ref, page, signal) {
      const docUrl = layout.listing(ref, page);
      if ('slug' in ref) assertSlug(ref.slug, docUrl);
      const raw = validateDocument(
        listingSchema,
        await fetchJson(docUrl, { signal, ...options }),
        docUrl,
      );
      const listing: Listing = {
        title: raw.title,
        page: raw.page,
        pageCount: raw.pageCount,
        total: raw.total,
        items: readItems(summarySchema, raw.items, LIMITS.listingItems, {
          url: docUrl,
          field: 'items',
        }).map((item) => toSummary(item, docUrl)),
      };
      return listing;
    },

    articleSlugFromUrl(href) {
      if (!href.startsWith(articlePrefix)) return undefined;
      const match = /^([a-z0-9-]{1,120})\.json$/.exec(href.slice(articlePrefix.length));
      return match?.[1];
    },
  });
}

/** A slug from a URL the reader typed is untrusted too: never build a path from a bad one. */
function assertSlug(slug: string, docUrl: string): void {
  if (v.is(slugSchema, slug)) return;
  throw new SourceError('not-found', docUrl, 'That is not a valid address.', { status: 404 });
}
