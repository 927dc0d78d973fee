import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildSampleNews } from '../../scripts/sample-news.ts';
import { createNativeSource } from '../../src/sources/native.ts';
import { sampleApi } from './server.ts';

describe('the sample news content', () => {
  it('is rich enough to show every page of the reader', async () => {
    const { api, articleCount } = await buildSampleNews(path.resolve('content'));
    expect(articleCount).toBeGreaterThanOrEqual(40);
    const articles = [...api.keys()].filter((docPath) => docPath.startsWith('articles/'));
    const docs = articles.map((docPath) => {
      const file = api.get(docPath);
      return JSON.parse(String(file?.body)) as {
        section: { slug: string };
        source: { slug: string };
        tags: { slug: string }[];
        authors?: unknown[];
        image?: unknown;
        updatedAt?: string;
        publishedAt: string;
        body: string;
      };
    });
    expect(new Set(docs.map((doc) => doc.section.slug)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(docs.map((doc) => doc.source.slug)).size).toBeGreaterThanOrEqual(3);
    expect(
      new Set(docs.flatMap((doc) => doc.tags.map((tag) => tag.slug))).size,
    ).toBeGreaterThanOrEqual(25);
    expect(docs.some((doc) => !doc.image)).toBe(true);
    expect(docs.some((doc) => !doc.authors)).toBe(true);
    expect(docs.filter((doc) => doc.updatedAt).length).toBeGreaterThanOrEqual(3);
    const times = docs.map((doc) => Date.parse(doc.publishedAt));
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(21 * 24 * 3600 * 1000);
    const bodies = docs.map((doc) => doc.body).join('\n');
    for (const feature of ['<h2>', '<ul>', '<img ', 'href="https://', '.json"', '“']) {
      expect(bodies).toContain(feature);
    }
    // A picture in a body is a figure, with its caption and, smaller, its credit.
    expect(bodies).toMatch(
      /<figure><img [^>]+><figcaption>[^<]+ <small>(Chart|Map|Graphic): [^<]+<\/small><\/figcaption><\/figure>/,
    );
    expect(bodies).not.toMatch(/<p><img /);
  });

  it('generates documents that the reader’s own adapter accepts', async () => {
    const api = await sampleApi();
    const source = createNativeSource('https://news.test/api/');
    // Through the adapter, over (MSW-served) HTTP: every article and every listing's first page.
    const listings = [...api.keys()].filter((docPath) =>
      /^(sections|tags|sources|authors)\/[^/]+\/1\.json$/.test(docPath),
    );
    for (const docPath of listings) {
      const [folder, slug] = docPath.split('/');
      const kind = (
        { sections: 'section', tags: 'tag', sources: 'source', authors: 'author' } as const
      )[folder as 'sections' | 'tags' | 'sources' | 'authors'];
      await expect(source.listing({ kind, slug: slug ?? '' }, 1)).resolves.toHaveProperty(
        'page',
        1,
      );
    }
    for (const docPath of [...api.keys()].filter((p) => p.startsWith('articles/'))) {
      const slug = path.basename(docPath, '.json');
      const article = await source.article(slug);
      expect(article.slug).toBe(slug);
      if (article.image)
        expect(article.image.src).toMatch(/^https:\/\/news\.test\/api\/images\/.+\.svg$/);
    }
    await expect(source.site()).resolves.toHaveProperty('pageSize');
  });
});

describe('the content generator', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'broadsheet-content-'));
    await cp(path.resolve('content'), dir, { recursive: true });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function edit(file: string, change: (text: string) => string) {
    const target = path.join(dir, file);
    await writeFile(target, change(await readFile(target, 'utf8')));
  }

  it('names the file and field of an unknown tag', async () => {
    await edit('articles/avel-derby-draw.md', (text) =>
      text.replace(/^tags: \[/m, 'tags: [no-such-tag, '),
    );
    await expect(buildSampleNews(dir)).rejects.toThrow(
      /articles\/avel-derby-draw\.md: field “tags\.0”: “no-such-tag” is not in tags\.yaml/,
    );
  });

  it('names the file and field of a date without an offset', async () => {
    await edit('articles/avel-derby-draw.md', (text) =>
      text.replace(/^publishedAt: .*$/m, 'publishedAt: "2026-11-08 14:05"'),
    );
    await expect(buildSampleNews(dir)).rejects.toThrow(
      /articles\/avel-derby-draw\.md: field “publishedAt”: Expected an RFC 3339 date-time with an offset/,
    );
  });

  it('catches a misspelt field', async () => {
    await edit('articles/avel-derby-draw.md', (text) => text.replace(/^summary:/m, 'sumary:'));
    await expect(buildSampleNews(dir)).rejects.toThrow(/avel-derby-draw\.md: field “sumary”/);
  });

  it('catches a link to an article that does not exist', async () => {
    await edit(
      'articles/avel-derby-draw.md',
      (text) => `${text}\n\nSee [this](/article/not-written-yet).\n`,
    );
    await expect(buildSampleNews(dir)).rejects.toThrow(
      /avel-derby-draw\.md: body: the link to “\/article\/not-written-yet” points at no article/,
    );
  });

  it('catches a missing image', async () => {
    await rm(path.join(dir, 'images/b-derby.svg'), { force: true });
    await edit('articles/avel-derby-draw.md', (text) =>
      text.replace(/src: images\/[^\n]+/, 'src: images/b-missing.svg'),
    );
    await expect(buildSampleNews(dir)).rejects.toThrow(
      /avel-derby-draw\.md: field “image\.src”: no such file/,
    );
  });

  it('orders Top News by priority, 1 first, and leaves out articles without one', async () => {
    const articles = path.join(dir, 'articles');
    for (const name of await readdir(articles)) {
      await edit(`articles/${name}`, (text) => text.replace(/^priority: .*\n/m, ''));
    }
    const ranked = { 'avel-derby-draw': 3, 'cape-merrow-comet': 1, 'grey-seal-pup-count': 2 };
    for (const [slug, priority] of Object.entries(ranked)) {
      await edit(`articles/${slug}.md`, (text) =>
        text.replace(/^---\n/, `---\npriority: ${priority}\n`),
      );
    }
    const { api } = await buildSampleNews(dir);
    const top = JSON.parse(String(api.get('top/1.json')?.body)) as { items: { slug: string }[] };
    expect(top.items.map((item) => item.slug)).toEqual([
      'cape-merrow-comet',
      'grey-seal-pup-count',
      'avel-derby-draw',
    ]);
  });
});
