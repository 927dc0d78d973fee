// Turns the content/ folder (the one source of truth for the sample news) into
// the documents of Broadsheet's native news API. Used by the dev server, the
// build and `npm run content`. Validates everything and fails with a message
// that names the file and the field.

import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Marked, type Tokens } from 'marked';
import * as v from 'valibot';
import { parse as parseYaml } from 'yaml';

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
const slug = v.pipe(v.string(), v.regex(SLUG, 'Expected a slug: 1 to 120 of a-z, 0-9 and -'));
const text = v.pipe(v.string(), v.trim(), v.nonEmpty('Expected some text'));
const ref = v.strictObject({ slug, name: text });
const dateTime = v.pipe(
  v.union([v.string(), v.date()], 'Expected an RFC 3339 date-time with an offset'),
  v.transform((value) => (value instanceof Date ? value.toISOString() : value)),
  v.regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
    'Expected an RFC 3339 date-time with an offset, like 2026-11-08T14:05:00+01:00',
  ),
  v.check((value) => !Number.isNaN(Date.parse(value)), 'Expected a real date'),
);

const siteSchema = v.strictObject({
  name: text,
  description: v.optional(text),
  language: v.optional(text),
  pageSize: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(100)),
  sections: v.pipe(v.array(ref), v.minLength(1, 'Expected at least one section')),
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

interface Entry extends FrontMatter {
  slug: string;
  file: string;
  body: string;
}

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
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(source);
  if (!match)
    throw new ContentError(
      `${file}: expected YAML front matter between two “---” lines at the top`,
    );
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '', { schema: 'core' }) as unknown;
  } catch (error) {
    throw new ContentError(
      `${file}: front matter is not valid YAML: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return { data, body: match[2] ?? '' };
}

export interface SampleNews {
  site: v.InferOutput<typeof siteSchema>;
  api: Api;
  articleCount: number;
}

/** Read, validate and turn content/ into API documents, or throw a ContentError. */
export async function buildSampleNews(contentDir: string): Promise<SampleNews> {
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

  // Images: every file in content/images, with its size.
  const imagesDir = path.join(contentDir, 'images');
  const images = new Map<
    string,
    { bytes: Uint8Array; width: number; height: number; type: string }
  >();
  for (const name of (await readdir(imagesDir).catch(() => [])).sort()) {
    const ext = path.extname(name).toLowerCase();
    if (ext !== '.svg')
      throw new ContentError(`${rel(`images/${name}`)}: only SVG images are supported`);
    const bytes = await readFile(path.join(imagesDir, name));
    const size = svgSize(bytes.toString('utf8'));
    if (!size)
      throw new ContentError(
        `${rel(`images/${name}`)}: the <svg> needs width and height (or a viewBox)`,
      );
    images.set(`images/${name}`, { bytes, ...size, type: 'image/svg+xml' });
  }

  // Articles: front matter, checked against the registries.
  const articleDir = path.join(contentDir, 'articles');
  const names = (await readdir(articleDir)).filter((name) => name.endsWith('.md')).sort();
  const entries: Entry[] = [];
  for (const name of names) {
    const file = rel(`articles/${name}`);
    const articleSlug = name.slice(0, -3);
    if (!SLUG.test(articleSlug))
      throw new ContentError(`${file}: the file name must be a slug (a-z, 0-9 and -)`);
    const { data, body } = splitFrontMatter(
      await readFile(path.join(articleDir, name), 'utf8'),
      file,
    );
    const front = check(articleSchema, data, file);
    const known = (field: string, value: string, map: Map<string, unknown>, where: string) => {
      if (!map.has(value))
        throw new ContentError(`${file}: field “${field}”: “${value}” is not in ${where}`);
    };
    known('section', front.section, sections, 'site.yaml sections');
    known('source', front.source, sources, 'sources.yaml');
    front.authors?.forEach((author, index) => {
      known(`authors.${index}`, author, authors, 'authors.yaml');
    });
    front.tags.forEach((tag, index) => {
      known(`tags.${index}`, tag, tags, 'tags.yaml');
    });
    if (front.image && !images.has(front.image.src)) {
      throw new ContentError(`${file}: field “image.src”: no such file content/${front.image.src}`);
    }
    if (front.updatedAt && Date.parse(front.updatedAt) < Date.parse(front.publishedAt)) {
      throw new ContentError(`${file}: field “updatedAt”: is before publishedAt`);
    }
    if (!body.trim()) throw new ContentError(`${file}: the article has no body`);
    entries.push({ ...front, slug: articleSlug, file, body });
  }
  if (entries.length === 0) throw new ContentError(`${rel('articles')}: there are no articles`);
  const bySlug = new Map(entries.map((entry) => [entry.slug, entry]));
  for (const entry of entries) {
    entry.related?.forEach((other, index) => {
      if (!bySlug.has(other) || other === entry.slug) {
        throw new ContentError(
          `${entry.file}: field “related.${index}”: no other article “${other}”`,
        );
      }
    });
  }

  const api: Api = new Map();
  const json = (docPath: string, value: unknown) => {
    api.set(docPath, {
      body: `${JSON.stringify(value, null, 1)}\n`,
      contentType: 'application/json; charset=utf-8',
    });
  };
  /** URL of an image relative to the document that mentions it. */
  const imageUrl = (docPath: string, src: string) =>
    path.posix.relative(path.posix.dirname(docPath), src);

  const summary = (entry: Entry, docPath: string) => ({
    slug: entry.slug,
    headline: entry.headline,
    ...(entry.summary ? { summary: entry.summary } : {}),
    publishedAt: entry.publishedAt,
    ...(entry.updatedAt ? { updatedAt: entry.updatedAt } : {}),
    section: sections.get(entry.section),
    source: sources.get(entry.source),
    ...(entry.authors ? { authors: entry.authors.map((author) => authors.get(author)) } : {}),
    tags: entry.tags.map((tag) => tags.get(tag)),
    ...(entry.image ? { image: { ...entry.image, src: imageUrl(docPath, entry.image.src) } } : {}),
  });

  const newestFirst = [...entries].sort(
    (a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt),
  );

  // Articles, with bodies rendered from Markdown.
  for (const entry of entries) {
    const docPath = `articles/${entry.slug}.json`;
    const body = renderBody(entry, docPath, bySlug, images);
    json(docPath, {
      ...summary(entry, docPath),
      body,
      related: related(entry, newestFirst).map((other) => summary(other, docPath)),
    });
  }

  // Listings, paged.
  const listing = (folder: string, title: string, items: Entry[]) => {
    const pageCount = Math.ceil(items.length / site.pageSize);
    for (let page = 1; page <= Math.max(1, pageCount); page++) {
      const docPath = `${folder}/${page}.json`;
      json(docPath, {
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
  listing('latest', 'Latest News', newestFirst);
  listing(
    'top',
    'Top News',
    newestFirst
      .filter((entry) => entry.priority !== undefined)
      .sort((a, b) => (a.priority ?? 0) - (b.priority ?? 0)),
  );
  for (const section of sections.values()) {
    listing(
      `sections/${section.slug}`,
      section.name,
      newestFirst.filter((entry) => entry.section === section.slug),
    );
  }
  for (const tag of tags.values()) {
    listing(
      `tags/${tag.slug}`,
      tag.name,
      newestFirst.filter((entry) => entry.tags.includes(tag.slug)),
    );
  }
  for (const source of sources.values()) {
    listing(
      `sources/${source.slug}`,
      source.name,
      newestFirst.filter((entry) => entry.source === source.slug),
    );
  }
  for (const author of authors.values()) {
    listing(
      `authors/${author.slug}`,
      author.name,
      newestFirst.filter((entry) => entry.authors?.includes(author.slug)),
    );
  }

  json('tags.json', {
    items: [...tags.values()]
      .map((tag) => ({
        ...tag,
        count: entries.filter((entry) => entry.tags.includes(tag.slug)).length,
      }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  });
  json('site.json', site);
  for (const [src, image] of images) api.set(src, { body: image.bytes, contentType: image.type });

  return { site, api, articleCount: entries.length };
}

/** Explicit `related` first, then the stories that share the most tags (newest first on ties). */
function related(entry: Entry, newestFirst: Entry[]): Entry[] {
  const chosen = (entry.related ?? [])
    .map((slug) => newestFirst.find((other) => other.slug === slug))
    .filter((other) => other !== undefined);
  const shared = (other: Entry) => other.tags.filter((tag) => entry.tags.includes(tag)).length;
  const byTags = newestFirst
    .filter((other) => other.slug !== entry.slug && !chosen.includes(other) && shared(other) > 0)
    .sort((a, b) => shared(b) - shared(a));
  return [...chosen, ...byTags].slice(0, 3);
}

function renderBody(
  entry: Entry,
  docPath: string,
  bySlug: Map<string, Entry>,
  images: Map<string, { width: number; height: number }>,
): string {
  const fail = (message: string): never => {
    throw new ContentError(`${entry.file}: body: ${message}`);
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
        const src = path.posix.relative(path.posix.dirname(docPath), href);
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
  return marked.parse(entry.body, { async: false }).trim();
}
