import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { generate } from '../../scripts/generate.ts';
import {
  buildSampleNews,
  directorySink,
  generateApi,
  simpleFrontMatter,
  TAG_INDEX_PAGE_SIZE,
} from '../../scripts/sample-news.ts';
import { createNativeSource } from '../../src/sources/native.ts';

// Synthetic sites of any size (`npm run generate`) and the API generator on them.
// Timings belong to the benchmark; here only a wide bound on how the work grows.

const API = 'https://generated.test/api/';
const SIZE_CAP = 64 * 1024;

let root: string;
const at = (...parts: string[]) => path.join(root, ...parts);

/** Every file below `dir`, as paths relative to it, sorted. */
async function files(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

async function json<T>(docPath: string): Promise<T> {
  return JSON.parse(await readFile(at('api', docPath), 'utf8')) as T;
}

/** One run of the API generator: what it says, and its CPU time (user + system) in ms. */
async function cpuOfApi(content: string, out: string) {
  const before = process.cpuUsage();
  const result = await generateApi(content, directorySink(out));
  const used = process.cpuUsage(before);
  return { result, ms: (used.user + used.system) / 1000 };
}

interface Ref {
  slug: string;
  name: string;
}
interface Story {
  slug: string;
  tags: Ref[];
}
interface TagIndex {
  page: number;
  pageCount: number;
  total: number;
  items: (Ref & { count: number })[];
}

const timings: Record<string, number> = {};
let stats: Awaited<ReturnType<typeof generateApi>>;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-generated-'));
  await generate({ articles: 500, seed: 'small', out: at('small') });
  await generate({ articles: 2500, seed: 'tests', out: at('site') });
  // Warm up the compiler first, so that the two measured runs compare like with like.
  await cpuOfApi(at('small'), at('warm-up'));
  timings.small = (await cpuOfApi(at('small'), at('small-api'))).ms;
  const large = await cpuOfApi(at('site'), at('api'));
  stats = large.result;
  timings.large = large.ms;
}, 300_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('npm run generate', () => {
  it('writes the same files, byte for byte, for the same seed, and other files for another', async () => {
    await generate({ articles: 200, seed: 'again', out: at('one') });
    await generate({ articles: 200, seed: 'again', out: at('two') });
    await generate({ articles: 200, seed: 'other', out: at('three') });
    const one = await files(at('one'));
    expect(await files(at('two'))).toEqual(one);
    for (const file of one) {
      expect(await readFile(at('two', file), 'utf8'), file).toBe(
        await readFile(at('one', file), 'utf8'),
      );
    }
    const other = await files(at('three'));
    expect(other).not.toEqual(one);
    expect(await readFile(at('three', 'authors.yaml'), 'utf8')).not.toBe(
      await readFile(at('one', 'authors.yaml'), 'utf8'),
    );
  }, 60_000);

  it('writes a site that looks like news: sections, sources, authors, a long tail of tags, pictures, top stories and updates, over more than a year', async () => {
    const tags = parseYaml(await readFile(at('site', 'tags.yaml'), 'utf8')) as Ref[];
    expect(tags.length).toBeGreaterThanOrEqual(100);
    const index = await json<TagIndex>('tags.json');
    const counts = index.items.map((item) => item.count);
    // A long tail: the most used tag is on many stories, the hundredth on few.
    expect(counts[0]).toBeGreaterThan(10 * (counts[99] ?? 0));
    const names = await readdir(at('site', 'articles'));
    expect(names).toHaveLength(2500);
    const fronts = await Promise.all(
      names.slice(0, 400).map(async (name) => {
        const text = await readFile(at('site', 'articles', name), 'utf8');
        const [, front = '', body = ''] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(text) ?? [];
        return { data: parseYaml(front) as Record<string, unknown>, body };
      }),
    );
    expect(fronts.filter(({ data }) => data.image).length).toBeGreaterThan(80);
    expect(fronts.filter(({ data }) => data.updatedAt).length).toBeGreaterThan(20);
    expect(fronts.filter(({ data }) => !data.authors).length).toBeGreaterThan(10);
    const bodies = fronts.map(({ body }) => body).join('\n');
    for (const feature of ['## ', '\n> ', '“', '](/article/', '](https://', '![', '\n- ']) {
      expect(bodies).toContain(feature);
    }
    const lengths = fronts.map(({ body }) => body.length).sort((a, b) => a - b);
    expect(lengths.at(-1)).toBeGreaterThan(4 * (lengths[0] ?? 0));
    const top = await json<{ total: number }>('top/1.json');
    expect(top.total).toBeGreaterThanOrEqual(5);
    const latest = await json<{ pageCount: number; items: { publishedAt: string }[] }>(
      'latest/1.json',
    );
    const last = await json<{ items: { publishedAt: string }[] }>(
      `latest/${latest.pageCount}.json`,
    );
    const newest = Date.parse(latest.items[0]?.publishedAt ?? '');
    const oldest = Date.parse(last.items.at(-1)?.publishedAt ?? '');
    expect(newest - oldest).toBeGreaterThan(365 * 24 * 3600 * 1000);
  });

  it('pages its listings by --page-size, 20 stories a page unless told, no more than 100', async () => {
    const site = (name: string) =>
      readFile(at(name, 'site.yaml'), 'utf8').then(
        (text) => parseYaml(text) as { pageSize: number },
      );
    expect((await site('small')).pageSize).toBe(20);
    await generate({ articles: 5, seed: 'x', out: at('paged'), pageSize: 100 });
    expect((await site('paged')).pageSize).toBe(100);
    await expect(
      generate({ articles: 5, seed: 'x', out: at('paged'), pageSize: 101 }),
    ).rejects.toThrow(/--page-size must be from 1 to 100/);
  });

  it('will not write into a folder it did not write', async () => {
    const foreign = at('foreign');
    await generate({ articles: 5, seed: 'x', out: foreign });
    await writeFile(path.join(foreign, 'site.yaml'), 'name: Mine\n');
    await expect(generate({ articles: 5, seed: 'x', out: foreign })).rejects.toThrow(
      /not written by npm run generate/,
    );
  });
});

describe('the API generator on a generated site', () => {
  it('accepts the generated folder and writes a document for every article and listing page', async () => {
    expect(stats.articleCount).toBe(2500);
    const written = await files(at('api'));
    expect(written).toHaveLength(stats.documentCount);
    expect(written.filter((file) => file.startsWith('articles/'))).toHaveLength(2500);
  });

  it('writes documents the reader’s native adapter accepts, without skipping an item', async () => {
    const server = setupServer(
      http.get(`${API}*`, async ({ request }) => {
        const docPath = decodeURIComponent(new URL(request.url).pathname.replace(/^\/api\//, ''));
        try {
          return new HttpResponse(await readFile(at('api', docPath)), {
            headers: { 'Content-Type': 'application/json' },
          });
        } catch {
          return HttpResponse.json({ error: 'Not Found' }, { status: 404 });
        }
      }),
    );
    server.listen();
    const warn = vi.spyOn(console, 'warn');
    try {
      const source = createNativeSource(API);
      const site = await source.site();
      expect(site.sections.length).toBeGreaterThan(0);
      const latest = await source.listing({ kind: 'latest' }, 1);
      expect(latest.items).toHaveLength(site.pageSize);
      await expect(source.listing({ kind: 'latest' }, latest.pageCount)).resolves.toMatchObject({
        page: latest.pageCount,
      });
      await expect(source.listing({ kind: 'top' }, 1)).resolves.toMatchObject({ page: 1 });
      const folders = [
        ['sections', 'section'],
        ['tags', 'tag'],
        ['sources', 'source'],
        ['authors', 'author'],
      ] as const;
      for (const [folder, kind] of folders) {
        const slugs = (await readdir(at('api', folder), { withFileTypes: true }))
          .filter((entry) => entry.isDirectory())
          .map((entry) => entry.name)
          .slice(0, 40);
        for (const slug of slugs) {
          await expect(
            source.listing({ kind, slug }, 1),
            `${folder}/${slug}`,
          ).resolves.toMatchObject({ page: 1 });
        }
      }
      const articles = (await readdir(at('api', 'articles'))).slice(0, 300);
      for (const name of articles) {
        const article = await source.article(path.basename(name, '.json'));
        expect(article.body).toContain('<p>');
      }
      expect(warn).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      server.close();
    }
  }, 120_000);

  it('keeps every document small, the tag index paged', async () => {
    for (const file of await files(at('api'))) {
      expect((await stat(at('api', file))).size, file).toBeLessThan(SIZE_CAP);
    }
    const first = await json<TagIndex>('tags.json');
    expect(first).toEqual(await json<TagIndex>('tags/1.json'));
    expect(first.total).toBe(125);
    expect(first.pageCount).toBe(Math.ceil(125 / TAG_INDEX_PAGE_SIZE));
    const all: TagIndex['items'] = [];
    for (let page = 1; page <= first.pageCount; page++) {
      const index = await json<TagIndex>(`tags/${page}.json`);
      expect(index.items.length).toBeLessThanOrEqual(TAG_INDEX_PAGE_SIZE);
      all.push(...index.items);
    }
    expect(all).toHaveLength(first.total);
    const counts = all.map((item) => item.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('finds related stories that share a tag, never the story itself', async () => {
    const names = (await readdir(at('api', 'articles'))).slice(0, 500);
    let withRelated = 0;
    for (const name of names) {
      const article = await json<Story & { related: Story[] }>(`articles/${name}`);
      const tags = new Set(article.tags.map((tag) => tag.slug));
      expect(article.related.length).toBeLessThanOrEqual(3);
      for (const other of article.related) {
        expect(other.slug).not.toBe(article.slug);
        expect(
          other.tags.some((tag) => tags.has(tag.slug)),
          `${article.slug} → ${other.slug}`,
        ).toBe(true);
      }
      expect(new Set(article.related.map((other) => other.slug)).size).toBe(article.related.length);
      if (article.related.length === 3) withRelated++;
    }
    expect(withRelated).toBeGreaterThan(names.length * 0.9);
  });

  it('grows about linearly: five times the articles take well under 25 times the work', () => {
    // Quadratic work would take about 25 times as long; linear about 5 times.
    expect(timings.large).toBeLessThan(12 * (timings.small ?? 0));
  });

  it('prints one line and writes its figures for the benchmark (npm run content -- --content --out --stats)', async () => {
    const statsFile = at('stats.json');
    const run = spawnSync(
      process.execPath,
      [
        'scripts/content.ts',
        '--content',
        at('small'),
        '--out',
        at('cli-api'),
        '--stats',
        statsFile,
      ],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Broadsheet: 500 articles → \d+ API documents in .+\/ \(.+ s, peak \d+ MB\)$/,
    );
    const figures = JSON.parse(await readFile(statsFile, 'utf8')) as Record<string, number>;
    expect(figures).toMatchObject({
      articles: 500,
      documents: (await files(at('cli-api'))).length,
    });
    expect(figures.seconds).toBeGreaterThan(0);
    expect(figures.peakRssBytes).toBeGreaterThan(10 * 2 ** 20);
  }, 60_000);
});

describe('reading front matter', () => {
  it('reads the plain front matter the generator writes as YAML does, and leaves anything else to YAML', async () => {
    const dirs = [path.resolve('content/articles'), at('site', 'articles')];
    let quick = 0;
    for (const dir of dirs) {
      for (const name of (await readdir(dir)).slice(0, 600)) {
        const text = await readFile(path.join(dir, name), 'utf8');
        const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
        const fast = simpleFrontMatter(front);
        if (fast === undefined) continue;
        quick++;
        expect(fast, name).toEqual(parseYaml(front, { schema: 'core' }));
      }
    }
    expect(quick).toBeGreaterThanOrEqual(600);
    const plain = [
      'a: b',
      'a: "x \\" \\u00e9 \\/"',
      'tags: [a, b-c, images/d.svg]',
      'n: 12\nd: 2026-01-02T03:04:05+01:00',
      'image:\n  src: images/a.svg\n  width: 3',
      'image:\n  src: images/a.svg\nnext: x',
    ];
    // Left to YAML: each of these means something else there, or is not this plain.
    const others = [
      'a: null',
      'a: True',
      'tags: [a, 2024]',
      'tags: [a,b]',
      'a: 007',
      'a: 1e3',
      'a: b # comment',
      'a: "b" # comment',
      'image:',
      'image:\nb: c',
      'a: b\na: c',
      'a: b\n',
      'a: "tab\there"',
      'a:  b',
      'a: b: c',
      "a: 'b'",
    ];
    for (const text of plain) {
      expect(simpleFrontMatter(text), text).toEqual(parseYaml(text, { schema: 'core' }));
    }
    for (const text of others) expect(simpleFrontMatter(text), text).toBeUndefined();
  });

  it('gives the sample news a tag index of one page, tags.json and tags/1.json alike', async () => {
    const { api } = await buildSampleNews(path.resolve('content'));
    const index = JSON.parse(String(api.get('tags.json')?.body)) as TagIndex;
    expect(index).toMatchObject({ page: 1, pageCount: 1, total: index.items.length });
    expect(String(api.get('tags/1.json')?.body)).toBe(String(api.get('tags.json')?.body));
  });
});
