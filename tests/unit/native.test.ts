import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createNativeSource } from '../../src/sources/native.ts';
import { SourceError } from '../../src/sources/SourceError.ts';
import { server } from './server.ts';

const BASE = 'https://elsewhere.test/news/v1/';
const source = createNativeSource(BASE);

const listing = {
  title: 'Climate',
  page: 1,
  pageCount: 1,
  total: 1,
  extraField: 'ignored',
  items: [
    {
      slug: 'a-story',
      headline: 'A story',
      publishedAt: '2017-11-08T14:05:00+01:00',
      image: { src: '../../images/pic.jpg', alt: 'A picture', width: 800, height: 450 },
      futureField: { anything: true },
    },
  ],
};

function serve(path: string, body: unknown, init?: ResponseInit) {
  server.use(
    http.get(
      `${BASE}${path}`,
      () =>
        new HttpResponse(JSON.stringify(body), {
          ...init,
          headers: { 'Content-Type': 'application/json' },
        }),
    ),
  );
}

describe('the native source adapter', () => {
  it('decodes a listing, resolving image URLs against the document and ignoring unknown fields', async () => {
    serve('tags/climate/1.json', listing);
    const result = await source.listing({ kind: 'tag', slug: 'climate' }, 1);
    expect(result.items[0]).toEqual({
      slug: 'a-story',
      headline: 'A story',
      publishedAt: '2017-11-08T14:05:00+01:00',
      authors: [],
      tags: [],
      image: {
        src: 'https://elsewhere.test/news/v1/images/pic.jpg',
        alt: 'A picture',
        width: 800,
        height: 450,
      },
    });
  });

  it.each([
    [{ ...listing, page: 0 }, 'page'],
    [{ ...listing, title: '' }, 'title'],
    [{ ...listing, items: 'none' }, 'items'],
  ])('rejects a wrong document, naming the field (%#)', async (body, field) => {
    serve('tags/climate/1.json', body);
    const error = await source
      .listing({ kind: 'tag', slug: 'climate' }, 1)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SourceError);
    expect(error).toMatchObject({ kind: 'invalid-data', url: `${BASE}tags/climate/1.json` });
    expect((error as SourceError).message).toContain(`“${field}”`);
  });

  it.each([
    [{ slug: 'Not A Slug' }, 'items.0.slug'],
    [{ publishedAt: '2017-11-08 14:05' }, 'items.0.publishedAt'],
    [{ headline: '' }, 'items.0.headline'],
  ])('skips an item that is wrong, naming the field in the console (%#)', async (change, field) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const good = { ...listing.items[0], slug: 'good-story' };
    serve('tags/climate/1.json', { ...listing, items: [{ ...listing.items[0], ...change }, good] });
    const result = await source.listing({ kind: 'tag', slug: 'climate' }, 1);
    expect(result.items.map((item) => item.slug)).toEqual(['good-story']);
    expect(String(warn.mock.calls[0]?.[0])).toContain(field);
    warn.mockRestore();
  });

  it('rejects a JSON value that is not a document at all', async () => {
    serve('site.json', [1, 2, 3]);
    await expect(source.site()).rejects.toMatchObject({ kind: 'invalid-data' });
  });

  it('turns HTTP statuses into kinds of failure', async () => {
    serve('articles/gone.json', {}, { status: 404 });
    await expect(source.article('gone')).rejects.toMatchObject({ kind: 'not-found', status: 404 });
    serve('articles/broken.json', {}, { status: 502 });
    await expect(source.article('broken')).rejects.toMatchObject({ kind: 'http', status: 502 });
  });

  it('never requests a path built from a bad slug', async () => {
    await expect(source.article('../../secrets')).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('recognises the addresses of its own articles', () => {
    expect(source.articleSlugFromUrl(`${BASE}articles/a-story.json`)).toBe('a-story');
    expect(source.articleSlugFromUrl('https://other.test/articles/a-story.json')).toBeUndefined();
  });
});
