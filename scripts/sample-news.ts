// Turns a content folder (content/, the one source of truth for the sample news,
// or one that `npm run generate` wrote) into the documents of Broadsheet's
// native news API. Used by the dev server, the build and `npm run content`.
// Validates everything and fails with a message that names the file and the field.
//
// It streams: the articles are read twice, once for a compact index (no bodies)
// and once to render and write each article, so memory grows with the index,
// not with the bodies, and every step is linear (or n log n for sorting) in the
// number of articles. Each document goes to an ApiSink as soon as it is made.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Marked, type Tokens } from 'marked';
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';
import { LIMITS } from '../src/news/limits.ts';

export class ContentError extends Error {
  override readonly name = 'ContentError';
}

/** One generated document: its path under the API root, its bytes and type. */
export interface ApiFile {
  body: string | Uint8Array;
  contentType: string;
}

export type Api = Map<string, ApiFile>;

const SLUG = /^[a-z0-9-]{1,120}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** An article file: its front matter between two `---` lines, then its body. */
const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;
/** Tags on one page of the tag index (tags.json is its first page). */
export const TAG_INDEX_PAGE_SIZE = 100;
/** Related stories of an article, and the newest stories of each of its tags looked at to find them. */
const RELATED = 3;
const RELATED_CANDIDATES = 200;
const slug = v.pipe(v.string(), v.regex(SLUG, 'Expected a slug: 1 to 120 of a-z, 0-9 and -'));
const text = v.pipe(v.string(), v.trim(), v.nonEmpty('Expected some text'));
const ref = v.strictObject({ slug, name: text });
const dateTime = v.pipe(
  v.union([v.string(), v.date()], 'Expected an RFC 3339 date-time with an offset'),
  v.transform((value) => (value instanceof Date ? value.toISOString() : value)),
  v.regex(
    DATE_TIME,
    'Expected an RFC 3339 date-time with an offset, like 2026-11-08T14:05:00+01:00',
  ),
  v.check((value) => !Number.isNaN(Date.parse(value)), 'Expected a real date'),
);

const siteSchema = v.strictObject({
  name: text,
  description: v.optional(text),
  language: v.optional(text),
  pageSize: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
  // site.json stays small whatever the site: no more sections than the reader shows.
  sections: v.pipe(
    v.array(ref),
    v.minLength(1, 'Expected at least one section'),
    v.maxLength(
      LIMITS.sections,
      `Expected at most ${LIMITS.sections} sections (the reader shows no more)`,
    ),
  ),
});

const registry = v.array(ref);

const articleSchema = v.strictObject({
  headline: text,
  summary: v.optional(text),
  section: slug,
  source: slug,
  authors: v.optional(v.array(slug)),
  tags: v.pipe(v.array(slug), v.minLength(1, 'Expected at least one tag')),
  publishedAt: dateTime,
  updatedAt: v.optional(dateTime),
  priority: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
  image: v.optional(
    v.strictObject({
      src: text,
      alt: text,
      caption: v.optional(text),
      credit: v.optional(text),
      width: v.pipe(v.number(), v.integer(), v.minValue(1)),
      height: v.pipe(v.number(), v.integer(), v.minValue(1)),
    }),
  ),
  related: v.optional(v.array(slug)),
});

type Ref = v.InferOutput<typeof ref>;
type FrontMatter = v.InferOutput<typeof articleSchema>;

/** What the listings need of an article: everything but its body, kept for the whole run. */
interface Entry {
  slug: string;
  headline: string;
  summary: string | undefined;
  publishedAt: string;
  updatedAt: string | undefined;
  /** publishedAt in ms, for sorting. */
  time: number;
  section: Ref;
  source: Ref;
  authors: Ref[] | undefined;
  tags: Ref[];
  image: FrontMatter['image'];
  priority: number | undefined;
  related: string[] | undefined;
  /** Position in newest-first order. */
  rank: number;
}

/**
 * A copy of a string that shares no memory with the file it was parsed from:
 * a substring can keep its whole source alive, and the index must not hold
 * every article's text.
 */
const detach = (value: string): string =>
  value.length < 16 ? value : Buffer.from(value, 'utf8').toString('utf8');

function check<const S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  file: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const field = v.getDotPath(issue);
  throw new ContentError(`${file}: ${field ? `field “${field}”: ` : ''}${issue.message}`);
}

async function readYaml(dir: string, name: string): Promise<unknown> {
  const file = path.join(dir, name);
  let source: string;
  try {
    source = await readFile(file, 'utf8');
  } catch {
    throw new ContentError(`${file}: file is missing`);
  }
  try {
    return parseYaml(source) as unknown;
  } catch (error) {
    throw new ContentError(
      `${file}: not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function byId(refs: Ref[], file: string): Map<string, Ref> {
  const map = new Map<string, Ref>();
  for (const [index, item] of refs.entries()) {
    if (map.has(item.slug))
      throw new ContentError(`${file}: field “${index}.slug”: “${item.slug}” is listed twice`);
    map.set(item.slug, item);
  }
  return map;
}

/** Width and height of an SVG, from its attributes or viewBox. */
function svgSize(svg: string): { width: number; height: number } | undefined {
  const tag = /<svg\b[^>]*>/i.exec(svg)?.[0] ?? '';
  const width = Number(/\bwidth="(\d+(?:\.\d+)?)"/.exec(tag)?.[1]);
  const height = Number(/\bheight="(\d+(?:\.\d+)?)"/.exec(tag)?.[1]);
  if (width > 0 && height > 0) return { width: Math.round(width), height: Math.round(height) };
  const box = /\bviewBox="[\d.-]+[\s,]+[\d.-]+[\s,]+(\d+(?:\.\d+)?)[\s,]+(\d+(?:\.\d+)?)"/.exec(
    tag,
  );
  if (box?.[1] && box[2])
    return { width: Math.round(Number(box[1])), height: Math.round(Number(box[2])) };
  return undefined;
}

const escapeAttr = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function splitFrontMatter(source: string, file: string): { data: unknown; body: string } {
  const match = FRONT_MATTER.exec(source);
  if (!match)
    throw new ContentError(
      `${file}: expected YAML front matter between two “---” lines at the top`,
    );
  let data: unknown = simpleFrontMatter(match[1] ?? '');
  if (data !== undefined) return { data, body: match[2] ?? '' };
  try {
    data = parseYaml(match[1] ?? '', { schema: 'core' }) as unknown;
  } catch (error) {
    throw new ContentError(
      `${file}: front matter is not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { data, body: match[2] ?? '' };
}

/** Where the generated documents go: memory (dev server, tests), a folder, or nowhere (a check). */
export interface ApiSink {
  write(docPath: string, file: ApiFile): void | Promise<void>;
}

function memorySink(api: Api): ApiSink {
  return {
    write(docPath, file) {
      api.set(docPath, file);
    },
  };
}

/**
 * Writes each document under `dir` as it comes. Synchronously: creating
 * small files is the file system's work either way, and a promise per file
 * costs more than it saves.
 */
export function directorySink(dir: string): ApiSink {
  const folders = new Set<string>();
  return {
    write(docPath, file) {
      const target = path.join(dir, docPath);
      const folder = path.dirname(target);
      if (!folders.has(folder)) {
        mkdirSync(folder, { recursive: true });
        folders.add(folder);
      }
      writeFileSync(target, file.body);
    },
  };
}

/** Counts the documents and keeps none: for checking a content folder. */
export function discardSink(): ApiSink {
  return { write() {} };
}

const PLAIN = /^[A-Za-z][A-Za-z0-9/._-]*$/;
const SPECIAL = new Set([
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
]);
const JSON_STRING = /^"(?:[^"\\\p{Cc}]|\\["\\/bfnrt]|\\u[0-9a-fA-F]{4})*"$/u;
const FIELD = /^([A-Za-z][A-Za-z0-9]*):(?: (.*))?$/;

/** A scalar of the few plain shapes whose YAML meaning is certain; undefined for any other. */
function simpleScalar(text: string): unknown {
  if (text.startsWith('"'))
    return JSON_STRING.test(text) ? (JSON.parse(text) as unknown) : undefined;
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) return undefined;
    const inner = text.slice(1, -1);
    if (inner === '') return [];
    const items = inner.split(', ');
    return items.every((item) => PLAIN.test(item) && !SPECIAL.has(item)) ? items : undefined;
  }
  if (/^(0|[1-9][0-9]{0,14})$/.test(text)) return Number(text);
  if (DATE_TIME.test(text) || (PLAIN.test(text) && !SPECIAL.has(text))) return text;
  return undefined;
}

/**
 * Front matter of the plainest kind (what `npm run generate` writes: one field
 * a line, JSON-quoted text, slugs, numbers, dates, `[a, b]` lists, one level of
 * nesting), read without the YAML library, which takes most of the time of a
 * large site. Anything else, comments included, is left to the YAML library
 * (undefined); the tests check that both read the same.
 */
export function simpleFrontMatter(text: string): Record<string, unknown> | undefined {
  if (text.includes('\r') || text.includes('\t')) return undefined;
  const result: Record<string, unknown> = {};
  let nested: Record<string, unknown> | undefined;
  for (const line of text.split('\n')) {
    const inner = line.startsWith('  ');
    const field = FIELD.exec(inner ? line.slice(2) : line);
    if (!field) return undefined;
    const [, key = '', value] = field;
    const target = inner ? nested : result;
    if (!target || Object.hasOwn(target, key)) return undefined;
    // A mapping left empty is null in YAML: leave it to the library.
    if (!inner && nested && Object.keys(nested).length === 0) return undefined;
    if (value === undefined) {
      if (inner) return undefined;
      nested = result[key] = {};
      continue;
    }
    const scalar = simpleScalar(value);
    if (scalar === undefined) return undefined;
    target[key] = scalar;
    if (!inner) nested = undefined;
  }
  if (nested && Object.keys(nested).length === 0) return undefined;
  return result;
}

export interface GeneratedApi {
  site: v.InferOutput<typeof siteSchema>;
  articleCount: number;
  documentCount: number;
}

export interface SampleNews {
  site: v.InferOutput<typeof siteSchema>;
  api: Api;
  articleCount: number;
}

/** Read, validate and turn a content folder into API documents in memory, or throw a ContentError. */
export async function buildSampleNews(contentDir: string): Promise<SampleNews> {
  const api: Api = new Map();
  const { site, articleCount } = await generateApi(contentDir, memorySink(api));
  return { site, api, articleCount };
}

const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Lets the event loop run. The work is synchronous (small files are read and
 * written faster that way), but V8 finishes its garbage collections in tasks
 * that run between turns of the loop: without a turn now and then, the heap of
 * a large site grows far beyond what it holds.
 */
const turn = () =>
  new Promise<void>((resolve) => {
    setImmediate(resolve);
  });

/** Read, validate and turn a content folder into API documents, each handed to `sink` as it is made. */
export async function generateApi(contentDir: string, sink: ApiSink): Promise<GeneratedApi> {
  const rel = (name: string) => path.relative(process.cwd(), path.join(contentDir, name)) || name;
  const site = check(siteSchema, await readYaml(contentDir, 'site.yaml'), rel('site.yaml'));
  const sections = byId(site.sections, rel('site.yaml'));
  const sources = byId(
    check(registry, await readYaml(contentDir, 'sources.yaml'), rel('sources.yaml')),
    rel('sources.yaml'),
  );
  const authors = byId(
    check(registry, await readYaml(contentDir, 'authors.yaml'), rel('authors.yaml')),
    rel('authors.yaml'),
  );
  const tags = byId(
    check(registry, await readYaml(contentDir, 'tags.yaml'), rel('tags.yaml')),
    rel('tags.yaml'),
  );

  // Images: every file in the images folder, with its size (the bytes are read again at the end).
  const imagesDir = path.join(contentDir, 'images');
  const images = new Map<string, { width: number; height: number }>();
  for (const name of (await readdir(imagesDir).catch(() => [])).sort()) {
    const ext = path.extname(name).toLowerCase();
    if (ext !== '.svg')
      throw new ContentError(`${rel(`images/${name}`)}: only SVG images are supported`);
    const size = svgSize(await readFile(path.join(imagesDir, name), 'utf8'));
    if (!size)
      throw new ContentError(
        `${rel(`images/${name}`)}: the <svg> needs width and height (or a viewBox)`,
      );
    images.set(`images/${name}`, size);
  }

  // First pass over the articles: front matter, checked against the registries, into the index.
  const articleDir = path.join(contentDir, 'articles');
  const names = (await readdir(articleDir)).filter((name) => name.endsWith('.md')).sort();
  const entries: Entry[] = [];
  for (const [count, name] of names.entries()) {
    if (count % 256 === 255) await turn();
    const file = rel(`articles/${name}`);
    const articleSlug = name.slice(0, -3);
    if (!SLUG.test(articleSlug))
      throw new ContentError(`${file}: the file name must be a slug (a-z, 0-9 and -)`);
    // Read synchronously: for many small files, much faster than a promise each.
    const { data, body } = splitFrontMatter(
      readFileSync(path.join(articleDir, name), 'utf8'),
      file,
    );
    const front = check(articleSchema, data, file);
    const known = <T>(field: string, value: string, map: Map<string, T>, where: string): T => {
      const found = map.get(value);
      if (found === undefined)
        throw new ContentError(`${file}: field “${field}”: “${value}” is not in ${where}`);
      return found;
    };
    const section = known('section', front.section, sections, 'site.yaml sections');
    const source = known('source', front.source, sources, 'sources.yaml');
    const byline = front.authors?.map((author, index) =>
      known(`authors.${index}`, author, authors, 'authors.yaml'),
    );
    const tagged = front.tags.map((tag, index) => known(`tags.${index}`, tag, tags, 'tags.yaml'));
    if (front.image && !images.has(front.image.src)) {
      throw new ContentError(`${file}: field “image.src”: no such file content/${front.image.src}`);
    }
    if (front.updatedAt && Date.parse(front.updatedAt) < Date.parse(front.publishedAt)) {
      throw new ContentError(`${file}: field “updatedAt”: is before publishedAt`);
    }
    if (!body.trim()) throw new ContentError(`${file}: the article has no body`);
    entries.push({
      slug: articleSlug,
      headline: detach(front.headline),
      summary: front.summary === undefined ? undefined : detach(front.summary),
      publishedAt: detach(front.publishedAt),
      updatedAt: front.updatedAt === undefined ? undefined : detach(front.updatedAt),
      time: Date.parse(front.publishedAt),
      section,
      source,
      authors: byline,
      tags: tagged,
      image: front.image && {
        ...front.image,
        src: detach(front.image.src),
        alt: detach(front.image.alt),
        ...(front.image.caption === undefined ? {} : { caption: detach(front.image.caption) }),
        ...(front.image.credit === undefined ? {} : { credit: detach(front.image.credit) }),
      },
      priority: front.priority,
      related: front.related,
      rank: 0,
    });
  }
  if (entries.length === 0) throw new ContentError(`${rel('articles')}: there are no articles`);
  const bySlug = new Map(entries.map((entry) => [entry.slug, entry]));
  for (const entry of entries) {
    entry.related?.forEach((other, index) => {
      if (!bySlug.has(other) || other === entry.slug) {
        throw new ContentError(
          `${rel(`articles/${entry.slug}.md`)}: field “related.${index}”: no other article “${other}”`,
        );
      }
    });
  }

  // Newest first; the same time keeps file-name order.
  const newestFirst = [...entries].sort((a, b) => b.time - a.time);
  newestFirst.forEach((entry, rank) => {
    entry.rank = rank;
  });
  // Every listing, newest first, in one pass however many tags, sources and authors.
  const listingOf = (registryMap: Map<string, Ref>) =>
    new Map([...registryMap.keys()].map((key): [string, Entry[]] => [key, []]));
  const bySection = listingOf(sections);
  const byTag = listingOf(tags);
  const bySource = listingOf(sources);
  const byAuthor = listingOf(authors);
  for (const entry of newestFirst) {
    bySection.get(entry.section.slug)?.push(entry);
    bySource.get(entry.source.slug)?.push(entry);
    for (const tag of new Set(entry.tags)) byTag.get(tag.slug)?.push(entry);
    for (const author of new Set(entry.authors)) byAuthor.get(author.slug)?.push(entry);
  }

  let documentCount = 0;
  const emit = async (docPath: string, file: ApiFile) => {
    documentCount++;
    await sink.write(docPath, file);
    if (documentCount % 256 === 0) await turn();
  };
  const jsonFile = (value: unknown): ApiFile => ({
    body: `${JSON.stringify(value, null, 1)}\n`,
    contentType: JSON_TYPE,
  });
  const json = (docPath: string, value: unknown) => emit(docPath, jsonFile(value));
  /** URL of an image relative to the document that mentions it. */
  const imageUrl = (docPath: string, src: string) =>
    path.posix.relative(path.posix.dirname(docPath), src);

  const summary = (entry: Entry, docPath: string) => ({
    slug: entry.slug,
    headline: entry.headline,
    ...(entry.summary ? { summary: entry.summary } : {}),
    publishedAt: entry.publishedAt,
    ...(entry.updatedAt ? { updatedAt: entry.updatedAt } : {}),
    section: entry.section,
    source: entry.source,
    ...(entry.authors ? { authors: entry.authors } : {}),
    tags: entry.tags,
    ...(entry.image ? { image: { ...entry.image, src: imageUrl(docPath, entry.image.src) } } : {}),
  });

  // Second pass: each article rendered from Markdown and written at once.
  const related = relatedStories(newestFirst, byTag, bySlug);
  const render = bodyRenderer(bySlug, images);
  for (const entry of entries) {
    const file = rel(`articles/${entry.slug}.md`);
    // The front matter was checked in the first pass; only the body is wanted now.
    const source = readFileSync(path.join(articleDir, `${entry.slug}.md`), 'utf8');
    const body = FRONT_MATTER.exec(source)?.[2] ?? '';
    const docPath = `articles/${entry.slug}.json`;
    await json(docPath, {
      ...summary(entry, docPath),
      body: render(body, file, docPath),
      related: related(entry).map((other) => summary(other, docPath)),
    });
  }

  // Listings, paged.
  const listing = async (folder: string, title: string, items: Entry[]) => {
    const pageCount = Math.ceil(items.length / site.pageSize);
    for (let page = 1; page <= Math.max(1, pageCount); page++) {
      const docPath = `${folder}/${page}.json`;
      await json(docPath, {
        title,
        page,
        pageCount,
        total: items.length,
        items: items
          .slice((page - 1) * site.pageSize, page * site.pageSize)
          .map((entry) => summary(entry, docPath)),
      });
    }
  };
  await listing('latest', 'Latest News', newestFirst);
  await listing(
    'top',
    'Top News',
    newestFirst
      .filter((entry) => entry.priority !== undefined)
      .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0)),
  );
  for (const section of sections.values())
    await listing(`sections/${section.slug}`, section.name, bySection.get(section.slug) ?? []);
  for (const tag of tags.values())
    await listing(`tags/${tag.slug}`, tag.name, byTag.get(tag.slug) ?? []);
  for (const source of sources.values())
    await listing(`sources/${source.slug}`, source.name, bySource.get(source.slug) ?? []);
  for (const author of authors.values())
    await listing(`authors/${author.slug}`, author.name, byAuthor.get(author.slug) ?? []);

  // The tag index, most used first, paged: tags.json is its first page.
  const collator = new Intl.Collator();
  const tagCounts = [...tags.values()]
    .map((tag) => ({ ...tag, count: byTag.get(tag.slug)?.length ?? 0 }))
    .sort((a, b) => b.count - a.count || collator.compare(a.name, b.name));
  const tagPages = Math.max(1, Math.ceil(tagCounts.length / TAG_INDEX_PAGE_SIZE));
  for (let page = 1; page <= tagPages; page++) {
    const index = jsonFile({
      page,
      pageCount: tagPages,
      total: tagCounts.length,
      items: tagCounts.slice((page - 1) * TAG_INDEX_PAGE_SIZE, page * TAG_INDEX_PAGE_SIZE),
    });
    if (page === 1) await emit('tags.json', index);
    await emit(`tags/${page}.json`, index);
  }
  await json('site.json', site);
  for (const src of images.keys())
    await emit(src, {
      body: await readFile(path.join(contentDir, src)),
      contentType: 'image/svg+xml',
    });

  return { site, articleCount: entries.length, documentCount };
}

/**
 * An article's related stories: its explicit `related` first, then the
 * stories that share the most tags with it, newest first on ties. Only the
 * newest RELATED_CANDIDATES stories of each of its tags are looked at, so the
 * work per article is bounded however large the site (and exact while no tag
 * has more stories than that).
 */
function relatedStories(
  newestFirst: Entry[],
  byTag: Map<string, Entry[]>,
  bySlug: Map<string, Entry>,
): (entry: Entry) => Entry[] {
  const shared = new Int32Array(newestFirst.length);
  return (entry) => {
    const chosen = (entry.related ?? [])
      .map((slug) => bySlug.get(slug))
      .filter((other) => other !== undefined);
    const touched: Entry[] = [];
    for (const tag of new Set(entry.tags)) {
      const stories = byTag.get(tag.slug) ?? [];
      const end = Math.min(stories.length, RELATED_CANDIDATES + 1);
      for (let index = 0; index < end; index++) {
        const other = stories[index];
        if (other === undefined || other === entry) continue;
        const count = shared[other.rank] ?? 0;
        if (count === 0) touched.push(other);
        shared[other.rank] = count + 1;
      }
    }
    // The best few by (shared tags, newest), in one pass: no sort of every candidate.
    const before = (a: Entry, b: Entry) =>
      (shared[a.rank] ?? 0) - (shared[b.rank] ?? 0) || b.rank - a.rank;
    const best: Entry[] = [];
    for (const other of touched) {
      if (chosen.includes(other)) continue;
      if (best.length === RELATED && before(other, best[RELATED - 1] ?? other) <= 0) continue;
      let at = best.length;
      while (at > 0 && before(other, best[at - 1] ?? other) > 0) at--;
      best.splice(at, 0, other);
      if (best.length > RELATED) best.pop();
    }
    for (const other of touched) shared[other.rank] = 0;
    return [...chosen, ...best].slice(0, RELATED);
  };
}

/**
 * Renders article bodies from Markdown: one parser for every article (making
 * one per article costs more than the rendering), told which article it is on.
 */
function bodyRenderer(
  bySlug: Map<string, Entry>,
  images: Map<string, { width: number; height: number }>,
): (body: string, file: string, docPath: string) => string {
  let current = { file: '', docPath: '' };
  const fail = (message: string): never => {
    throw new ContentError(`${current.file}: body: ${message}`);
  };
  const marked = new Marked({
    gfm: true,
    walkTokens(token) {
      if (token.type === 'link') {
        const link = token as Tokens.Link;
        const internal = /^\/article\/([^/?#]+)\/?$/.exec(link.href);
        if (internal) {
          const target = internal[1] ?? '';
          if (!bySlug.has(target)) fail(`the link to “/article/${target}” points at no article`);
          // The API's own address for the article, relative to this document.
          link.href = `${target}.json`;
        } else if (!/^(https?:|mailto:|#)/.test(link.href)) {
          fail(
            `link “${link.href}”: write other articles as /article/{slug}, other sites as https://…`,
          );
        }
      } else if (token.type === 'image') {
        const image = token as Tokens.Image;
        if (!images.has(image.href)) fail(`image “${image.href}”: no such file in content/images`);
        if (!image.text.trim())
          fail(`image “${image.href}” needs alt text: ![what it shows](${image.href})`);
      }
    },
    renderer: {
      image({ href, text: alt }) {
        const size = images.get(href);
        const src = path.posix.relative(path.posix.dirname(current.docPath), href);
        return `<img src="${escapeAttr(src)}" alt="${escapeAttr(alt)}"${
          size ? ` width="${size.width}" height="${size.height}"` : ''
        }>`;
      },
      // An image alone in its paragraph is a figure; its title, "caption || credit", its caption.
      paragraph(token) {
        const [only, ...others] = token.tokens;
        if (only?.type !== 'image' || others.length > 0) return false;
        const { title } = only as Tokens.Image;
        const [caption = '', credit = ''] = (title ?? '').split(' || ').map((part) => part.trim());
        const captionHtml = [
          caption && escapeAttr(caption),
          credit && `<small>${escapeAttr(credit)}</small>`,
        ]
          .filter(Boolean)
          .join(' ');
        return `<figure>${this.parser.parseInline(token.tokens)}${
          captionHtml ? `<figcaption>${captionHtml}</figcaption>` : ''
        }</figure>\n`;
      },
    },
  });
  return (body, file, docPath) => {
    current = { file, docPath };
    return marked.parse(body, { async: false }).trim();
  };
}
