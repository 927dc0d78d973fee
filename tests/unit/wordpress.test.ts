import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/news/limits.ts';
import type { Summary } from '../../src/news/types.ts';
import { SourceError } from '../../src/sources/SourceError.ts';
import { createWordPressSource } from '../../src/sources/wordpress.ts';
import {
  fakeSite,
  wordPressHandlers,
  WP_ROOT,
  type RequestLog,
  type WpStore,
} from '../fixtures/wordpress/fakeWordPress.ts';
import { server } from './server.ts';

/** Serve `store` (the fake site by default) and return a fresh adapter and the request log. */
function setup(store: WpStore = fakeSite()) {
  const log: RequestLog = [];
  server.use(...wordPressHandlers(store, log));
  return { source: createWordPressSource(WP_ROOT), log, store };
}

/** Answer `wp/v2/{route}` with `body` (and headers), whatever the query; the rest is the fake site. */
function serveRoute(route: string, body: unknown, headers: Record<string, string> = {}) {
  server.use(
    http.get(
      `${WP_ROOT}${route}`,
      () =>
        new HttpResponse(JSON.stringify(body), {
          headers: {
            'Content-Type': 'application/json',
            'X-WP-Total': '1',
            'X-WP-TotalPages': '1',
            ...headers,
          },
        }),
    ),
  );
}

/** A post as WordPress sends it with `_embed`, with only what a test cares about changed. */
function wirePost(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 7,
    date: '2024-03-01T12:00:00',
    date_gmt: '2024-03-01T11:00:00',
    modified: '2024-03-01T12:00:00',
    modified_gmt: '2024-03-01T11:00:00',
    slug: 'a-post',
    link: 'https://wp.test/a-post/',
    title: { rendered: 'A post' },
    excerpt: { rendered: '<p>An excerpt.</p>\n', protected: false },
    content: { rendered: '<p>The body.</p>\n', protected: false },
    _embedded: {
      author: [{ id: 1, name: 'Jane Doe', slug: 'jane-doe' }],
      'wp:term': [
        [{ id: 2, name: 'World', slug: 'world', taxonomy: 'category' }],
        [{ id: 10, name: 'Climate', slug: 'climate', taxonomy: 'post_tag' }],
      ],
    },
    ...overrides,
  };
}

async function latestItems(posts: unknown[], root?: Record<string, unknown>): Promise<Summary[]> {
  const store = fakeSite();
  if (root) store.root = root;
  const { source } = setup(store);
  serveRoute('wp/v2/posts', posts);
  return (await source.listing({ kind: 'latest' }, 1)).items;
}

async function rejection(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.catch((caught: unknown) => caught);
  if (!(error instanceof SourceError))
    throw new Error(`expected a SourceError, got ${String(error)}`);
  return error;
}

describe('the WordPress adapter: the site', () => {
  it('reads name and description from the root document as plain text, with page size 10', async () => {
    const { source } = setup();
    const site = await source.site();
    expect(site).toMatchObject({
      name: 'The Daily Fixture & Co',
      description: 'News & views from a test site',
      pageSize: 10,
    });
    expect(site).not.toHaveProperty('language');
  });

  it('takes sections from categories with posts: top-level first, by count', async () => {
    const { source, log } = setup();
    const site = await source.site();
    expect(site.sections).toEqual([
      { slug: 'sport', name: 'Sport & Leisure' },
      { slug: 'world', name: 'World' },
      { slug: 'uncategorized', name: 'Uncategorized' },
      { slug: 'politics', name: 'Politics' },
    ]);
    const request = new URL(log.find((url) => url.includes('/categories')) ?? '');
    expect(request.searchParams.get('per_page')).toBe('100');
  });

  it('keeps at most eight sections, skipping unusable categories', async () => {
    const { source } = setup();
    serveRoute('wp/v2/categories', [
      ...Array.from({ length: 10 }, (_, index) => ({
        id: index + 1,
        slug: `top-${index + 1}`,
        name: `Top ${index + 1}`,
        count: index + 1,
        parent: 0,
      })),
      { id: 50, slug: 'child', name: 'Child', count: 99, parent: 1 },
      { id: 51, slug: 'empty', name: 'Empty', count: 0, parent: 0 },
      'not a category',
      { slug: 'no-count', name: 'No count' },
    ]);
    const { sections } = await source.site();
    expect(sections.map((section) => section.slug)).toEqual([
      'top-10',
      'top-9',
      'top-8',
      'top-7',
      'top-6',
      'top-5',
      'top-4',
      'top-3',
    ]);
  });

  it.each([404, 401, 403])(
    'has no sections when the categories endpoint answers %i',
    async (status) => {
      const { source } = setup();
      server.use(
        http.get(`${WP_ROOT}wp/v2/categories`, () =>
          HttpResponse.json({ code: 'rest_no_route' }, { status }),
        ),
      );
      expect((await source.site()).sections).toEqual([]);
    },
  );

  it('fails the site when the categories endpoint fails otherwise', async () => {
    const { source } = setup();
    server.use(
      http.get(`${WP_ROOT}wp/v2/categories`, () => HttpResponse.json({}, { status: 502 })),
    );
    await expect(source.site()).rejects.toMatchObject({ kind: 'http', status: 502 });
  });

  it('reads a language when the root document has one', async () => {
    const store = fakeSite();
    store.root = { ...store.root, language: 'en_GB' };
    const { source } = setup(store);
    expect((await source.site()).language).toBe('en-GB');
  });

  it('falls back to the host name when the site has no name', async () => {
    const store = fakeSite();
    store.root = { ...store.root, name: '  ' };
    const { source } = setup(store);
    expect((await source.site()).name).toBe('wp.test');
  });

  it('rejects a root document that is not a WordPress index, naming the field', async () => {
    const store = fakeSite();
    store.root = { routes: {} };
    const { source } = setup(store);
    const error = await rejection(source.site());
    expect(error.kind).toBe('invalid-data');
    expect(error.message).toContain('“name”');
    expect(error.url.startsWith(WP_ROOT)).toBe(true);
  });

  it('asks the root document only for the fields it reads', async () => {
    const { source, log } = setup();
    await source.site();
    const rootRequest = new URL(log.find((url) => new URL(url).pathname === '/wp-json/') ?? '');
    expect(rootRequest.searchParams.get('_fields')).toContain('gmt_offset');
  });
});

describe('the WordPress adapter: posts', () => {
  it('maps a post with embedded author, featured image and terms to a summary', async () => {
    const { source } = setup();
    const { items } = await source.listing({ kind: 'latest' }, 1);
    expect(items[0]).toEqual({
      slug: 'harbour-reopens',
      headline: 'Harbour reopens after the storm’s damage',
      summary: 'Boats are back & the quay is open again.',
      publishedAt: '2024-05-02T08:00:00Z',
      updatedAt: '2024-05-03T10:30:00Z',
      section: { slug: 'world', name: 'World' },
      source: { slug: 'the-daily-fixture-co', name: 'The Daily Fixture & Co' },
      authors: [{ slug: 'jane-doe', name: 'Jane Doe' }],
      tags: [
        { slug: 'climate', name: 'Climate' },
        { slug: 'rock-and-roll', name: 'Rock & Roll' },
      ],
      image: {
        src: 'https://wp.test/wp-content/uploads/2024/05/harbour.jpg',
        alt: 'Boats in the harbour at dawn',
        caption: 'The harbour & its boats',
        credit: 'Ada Lovelace',
        width: 1200,
        height: 800,
      },
    });
  });

  it('turns entities and markup in titles, excerpts, captions, terms and names into plain text', async () => {
    const [item] = await latestItems([
      wirePost({
        title: { rendered: 'Tom &amp; Jerry&#8217;s <em>big</em> day &#038; night' },
        excerpt: { rendered: '<p>&ldquo;Quoted&rdquo; <strong>text</strong></p>' },
        _embedded: {
          author: [{ id: 1, name: 'Se&aacute;n <b>O&#8217;Brien</b>', slug: 'sean' }],
          'wp:featuredmedia': [
            {
              source_url: 'https://wp.test/a.jpg',
              alt_text: 'A &amp; B',
              caption: { rendered: '<p>Photo: <a href="x">Agency</a> &copy; 2024</p>' },
            },
          ],
          'wp:term': [
            [{ id: 3, name: 'Arts &amp; <i>Culture</i>', slug: 'arts', taxonomy: 'category' }],
          ],
        },
      }),
    ]);
    expect(item).toMatchObject({
      headline: 'Tom & Jerry’s big day & night',
      summary: '“Quoted” text',
      authors: [{ slug: 'sean', name: 'Seán O’Brien' }],
      section: { slug: 'arts', name: 'Arts & Culture' },
      image: { alt: 'A & B', caption: 'Photo: Agency © 2024' },
    });
  });

  it('drops what a reader never sees, so no markup survives as text', async () => {
    const [item] = await latestItems([
      wirePost({
        title: {
          rendered:
            'Budget<script>alert(1)</script><style>p{}</style><textarea><b>x</b></textarea> day<template><i>t</i></template>',
        },
        excerpt: { rendered: '<p>Text<svg><![CDATA[<b>hidden</b>]]></svg> shown</p>' },
      }),
    ]);
    expect(item?.headline).toBe('Budget day');
    expect(item?.summary).toBe('Text shown');
  });

  it('keeps escaped angle brackets as the text they stand for', async () => {
    const [item] = await latestItems([
      wirePost({ title: { rendered: 'Why &lt;b&gt; is not &lt;strong&gt;' } }),
    ]);
    expect(item?.headline).toBe('Why <b> is not <strong>');
  });

  it('drops the theme’s “Continue reading” link and ends a cut excerpt with an ellipsis', async () => {
    const [first, second] = await latestItems([
      wirePost({
        excerpt: {
          rendered:
            '<p>The start of it. <a href="https://wp.test/a-post/" class="more-link">Continue reading<span class="screen-reader-text"> &#8220;A post&#8221;</span></a></p>',
        },
      }),
      wirePost({
        id: 8,
        slug: 'b-post',
        excerpt: { rendered: '<p>Cut short here [&hellip;]</p>' },
      }),
    ]);
    expect(first?.summary).toBe('The start of it.');
    expect(second?.summary).toBe('Cut short here…');
  });

  it('makes a headline from the excerpt when a post has no title', async () => {
    const [item] = await latestItems([
      wirePost({
        title: { rendered: '' },
        excerpt: {
          rendered:
            '<p>A status update without a title that goes on for quite a while, longer than a headline should be.</p>',
        },
      }),
    ]);
    expect(item?.headline).toBe(
      'A status update without a title that goes on for quite a while, longer than a…',
    );
  });

  it('reads date_gmt as UTC and keeps updatedAt only when it is later', async () => {
    const [updated, same, earlier] = await latestItems([
      wirePost({ modified_gmt: '2024-03-02T09:15:00' }),
      wirePost({ id: 8, slug: 'same' }),
      wirePost({ id: 9, slug: 'earlier', modified_gmt: '2024-02-01T00:00:00' }),
    ]);
    expect(updated).toMatchObject({
      publishedAt: '2024-03-01T11:00:00Z',
      updatedAt: '2024-03-02T09:15:00Z',
    });
    expect(same?.updatedAt).toBeUndefined();
    expect(earlier?.updatedAt).toBeUndefined();
  });

  it('without date_gmt, reads date as local time at the root’s gmt_offset', async () => {
    const [whole, half] = await latestItems(
      [
        wirePost({ date_gmt: null, modified_gmt: null, modified: '2024-03-05T08:00:00' }),
        wirePost({ id: 8, slug: 'other', date_gmt: 'not a date' }),
      ],
      { name: 'Site', gmt_offset: '-3.5' },
    );
    expect(whole).toMatchObject({
      publishedAt: '2024-03-01T12:00:00-03:30',
      updatedAt: '2024-03-05T08:00:00-03:30',
    });
    expect(half?.publishedAt).toBe('2024-03-01T12:00:00-03:30');
  });

  it('without date_gmt or gmt_offset, treats date as UTC', async () => {
    const [item] = await latestItems([wirePost({ date_gmt: null })], { name: 'Site' });
    expect(item?.publishedAt).toBe('2024-03-01T12:00:00Z');
  });

  it('leaves publishedAt out when no date is usable', async () => {
    const [item] = await latestItems([
      wirePost({ date: '0000-00-00T00:00:00', date_gmt: '0000-00-00T00:00:00', modified_gmt: 5 }),
    ]);
    expect(item).toBeDefined();
    expect(item?.publishedAt).toBeUndefined();
    expect(item?.updatedAt).toBeUndefined();
  });

  it('resolves a relative featured image against the site and keeps only http(s) images', async () => {
    const image = (source_url: unknown) => ({
      _embedded: {
        'wp:featuredmedia': [{ source_url, alt_text: '', media_details: { width: 10, height: 5 } }],
      },
    });
    const items = await latestItems([
      wirePost(image('/wp-content/uploads/pic.jpg')),
      wirePost({ id: 8, slug: 'js', ...image('javascript:alert(1)') }),
      wirePost({ id: 9, slug: 'data', ...image('data:image/png;base64,AAAA') }),
      wirePost({ id: 10, slug: 'empty', ...image('') }),
      wirePost({
        id: 11,
        slug: 'error',
        _embedded: { 'wp:featuredmedia': [{ code: 'rest_forbidden', data: { status: 401 } }] },
      }),
      wirePost({
        id: 12,
        slug: 'video',
        _embedded: {
          'wp:featuredmedia': [{ source_url: 'https://wp.test/v.mp4', media_type: 'file' }],
        },
      }),
    ]);
    expect(items[0]?.image).toEqual({
      src: 'https://wp.test/wp-content/uploads/pic.jpg',
      alt: '',
      width: 10,
      height: 5,
    });
    expect(items.slice(1).map((item) => item.image)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('skips a post it cannot use and keeps the rest of the page', async () => {
    const items = await latestItems([
      'not a post',
      null,
      [1, 2],
      { title: { rendered: 'No id and no slug' } },
      wirePost({ id: 'seven', slug: 'Not A Slug' }),
      wirePost({ slug: 'kept' }),
    ]);
    expect(items.map((item) => item.slug)).toEqual(['kept']);
  });

  it('gives posts, terms and users whose slug the reader cannot use an id- slug', async () => {
    const [item] = await latestItems([
      wirePost({
        slug: '%d0%bd%d0%be%d0%b2%d0%be%d1%81%d1%82%d0%b8',
        _embedded: {
          author: [{ id: 2, name: 'Sean', slug: 'sean_obrien' }],
          'wp:term': [[{ id: 12, name: '日本', slug: '%e6%97%a5%e6%9c%ac', taxonomy: 'post_tag' }]],
        },
      }),
    ]);
    expect(item).toMatchObject({
      slug: 'id-7',
      authors: [{ slug: 'id-2', name: 'Sean' }],
      tags: [{ slug: 'id-12', name: '日本' }],
    });
  });

  it('ignores embedded errors, duplicates and taxonomies other than categories and tags', async () => {
    const [item] = await latestItems([
      wirePost({
        _embedded: {
          author: [{ code: 'rest_user_invalid_id', message: 'Invalid user ID.' }, 'junk'],
          'wp:term': [
            [
              { id: 2, name: 'World', slug: 'world', taxonomy: 'category' },
              { id: 2, name: 'World', slug: 'world', taxonomy: 'category' },
            ],
            [{ id: 10, name: 'Climate', slug: 'climate', taxonomy: 'post_tag' }],
            [{ id: 1, name: 'Posts', slug: 'post', taxonomy: 'latest' }],
            'not a list',
            { code: 'rest_forbidden' },
          ],
        },
        futureField: { anything: true },
      }),
    ]);
    expect(item).toMatchObject({
      authors: [],
      section: { slug: 'world', name: 'World' },
      tags: [{ slug: 'climate', name: 'Climate' }],
    });
  });

  it('fails a posts document that is not a list, naming it', async () => {
    const { source } = setup();
    serveRoute('wp/v2/posts', { code: 'oops' });
    const error = await rejection(source.listing({ kind: 'latest' }, 1));
    expect(error.kind).toBe('invalid-data');
    expect(error.message).toContain('at the top level');
  });
});

describe('the WordPress adapter: listings', () => {
  it('pages with page and per_page and reads X-WP-Total and X-WP-TotalPages', async () => {
    const { source, log } = setup();
    const first = await source.listing({ kind: 'latest' }, 1);
    expect(first).toMatchObject({ title: 'Latest News', page: 1, pageCount: 2, total: 12 });
    expect(first.items).toHaveLength(10);
    const second = await source.listing({ kind: 'latest' }, 2);
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: 12 });
    expect(second.items.map((item) => item.slug)).toEqual(['filler-story-6', 'filler-story-7']);
    const request = new URL(log.filter((url) => url.includes('/wp/v2/posts')).at(-1) ?? '');
    expect(Object.fromEntries(request.searchParams)).toEqual({
      _embed: '1',
      page: '2',
      per_page: '10',
    });
  });

  it('a page past the last (WordPress answers 400) is not-found', async () => {
    const { source } = setup();
    const error = await rejection(source.listing({ kind: 'latest' }, 3));
    expect(error.kind).toBe('not-found');
    await expect(source.listing({ kind: 'tag', slug: 'climate' }, 2)).rejects.toMatchObject({
      kind: 'not-found',
    });
  });

  it('an empty listing is page 1 of 0; its page 2 is not-found', async () => {
    const { source } = setup();
    serveRoute('wp/v2/posts', [], { 'X-WP-Total': '0', 'X-WP-TotalPages': '0' });
    expect(await source.listing({ kind: 'latest' }, 1)).toMatchObject({
      pageCount: 0,
      total: 0,
      items: [],
    });
    await expect(source.listing({ kind: 'latest' }, 2)).rejects.toMatchObject({
      kind: 'not-found',
    });
  });

  it('guesses the paging when the headers are missing', async () => {
    const { source } = setup();
    const ten = Array.from({ length: 10 }, (_, index) =>
      wirePost({ id: index + 1, slug: `post-${index + 1}` }),
    );
    server.use(http.get(`${WP_ROOT}wp/v2/posts`, () => HttpResponse.json(ten)));
    expect(await source.listing({ kind: 'latest' }, 1)).toMatchObject({ pageCount: 2, total: 10 });
    server.use(http.get(`${WP_ROOT}wp/v2/posts`, () => HttpResponse.json(ten.slice(0, 3))));
    expect(await source.listing({ kind: 'latest' }, 2)).toMatchObject({ pageCount: 2, total: 13 });
  });

  it.each([
    ['tag', 'rock-and-roll', 'tags', 'Rock & Roll', ['harbour-reopens']],
    ['section', 'politics', 'categories', 'Politics', ['harbour-reopens', 'council-votes']],
    ['author', 'jane-doe', 'users', 'Jane Doe', ['harbour-reopens']],
  ] as const)(
    'the %s listing resolves its slug to an id first',
    async (kind, slug, collection, title, first) => {
      const { source, log } = setup();
      const listing = await source.listing({ kind, slug }, 1);
      expect(listing.title).toBe(title);
      expect(listing.items.map((item) => item.slug).slice(0, first.length)).toEqual(first);
      const lookup = new URL(log.find((url) => url.includes(`/wp/v2/${collection}?`)) ?? '');
      expect(lookup.searchParams.get('slug')).toBe(slug);
      const posts = new URL(log.find((url) => url.includes('/wp/v2/posts')) ?? '');
      const param = { tags: 'tags', categories: 'categories', users: 'author' }[collection];
      expect(posts.searchParams.get(param)).toMatch(/^\d+$/);
    },
  );

  it('looks up a slug once, and not at all for sections, terms and authors it has met', async () => {
    const { source, log } = setup();
    const lookups = () =>
      log
        .filter((url) => /\/wp\/v2\/(categories|tags|users)\b/.test(url))
        .map((url) => new URL(url).searchParams.get('slug'));
    await source.listing({ kind: 'tag', slug: 'rock-and-roll' }, 1);
    await source.listing({ kind: 'tag', slug: 'rock-and-roll' }, 1);
    expect(lookups()).toEqual(['rock-and-roll']);
    await source.site();
    // World from the site's categories; Climate and Jane Doe from the posts listed so far.
    await source.listing({ kind: 'section', slug: 'world' }, 1);
    await source.listing({ kind: 'tag', slug: 'climate' }, 1);
    await source.listing({ kind: 'author', slug: 'jane-doe' }, 1);
    expect(lookups()).toEqual(['rock-and-roll', null]);
  });

  it('an author met in a post has a listing even where the users endpoint is locked', async () => {
    const { source } = setup();
    server.use(
      http.get(`${WP_ROOT}wp/v2/users`, () =>
        HttpResponse.json({ code: 'rest_user_cannot_view' }, { status: 401 }),
      ),
    );
    await expect(source.listing({ kind: 'author', slug: 'jane-doe' }, 1)).rejects.toMatchObject({
      kind: 'http',
      status: 401,
    });
    await source.article('harbour-reopens');
    const listing = await source.listing({ kind: 'author', slug: 'jane-doe' }, 1);
    expect(listing.title).toBe('Jane Doe');
  });

  it.each(['tag', 'section', 'author'] as const)(
    'an unknown %s slug is not-found',
    async (kind) => {
      const { source } = setup();
      const error = await rejection(source.listing({ kind, slug: 'no-such-thing' }, 1));
      expect(error.kind).toBe('not-found');
    },
  );

  it('resolves id- slugs of terms and users by id', async () => {
    const { source, log } = setup();
    const tag = await source.listing({ kind: 'tag', slug: 'id-12' }, 1);
    expect(tag.title).toBe('日本');
    expect(tag.items.map((item) => item.slug)).toEqual(['id-19']);
    expect(log.some((url) => new URL(url).pathname === '/wp-json/wp/v2/tags/12')).toBe(true);
    const author = await source.listing({ kind: 'author', slug: 'id-2' }, 1);
    expect(author.title).toBe('Seán O’Brien');
    await expect(source.listing({ kind: 'tag', slug: 'id-999' }, 1)).rejects.toMatchObject({
      kind: 'not-found',
    });
  });

  it('Top News is the sticky posts', async () => {
    const { source, log } = setup();
    const top = await source.listing({ kind: 'top' }, 1);
    expect(top).toMatchObject({ title: 'Top News', total: 1, pageCount: 1 });
    expect(top.items.map((item) => item.slug)).toEqual(['harbour-reopens']);
    const posts = new URL(log.find((url) => url.includes('/wp/v2/posts')) ?? '');
    expect(posts.searchParams.get('sticky')).toBe('true');
  });

  it('Top News is the latest posts when no post is sticky', async () => {
    const store = fakeSite();
    store.posts = store.posts.map((item) => ({ ...item, sticky: false }));
    const { source } = setup(store);
    const top = await source.listing({ kind: 'top' }, 1);
    expect(top).toMatchObject({ title: 'Top News', total: 12, pageCount: 2 });
    expect(top.items[0]?.slug).toBe('harbour-reopens');
    expect((await source.listing({ kind: 'top' }, 2)).items).toHaveLength(2);
  });

  it('the source is the site itself: its listing is the latest posts', async () => {
    const { source } = setup();
    const listing = await source.listing({ kind: 'source', slug: 'the-daily-fixture-co' }, 1);
    expect(listing).toMatchObject({ title: 'The Daily Fixture & Co', total: 12 });
    await expect(source.listing({ kind: 'source', slug: 'reuters' }, 1)).rejects.toMatchObject({
      kind: 'not-found',
    });
  });

  it('never requests anything for a bad slug or page', async () => {
    const { source, log } = setup();
    await expect(source.listing({ kind: 'tag', slug: '../../users' }, 1)).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(source.listing({ kind: 'latest' }, 0)).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(source.listing({ kind: 'latest' }, 1.5)).rejects.toMatchObject({
      kind: 'not-found',
    });
    await expect(source.article('a&b=c')).rejects.toMatchObject({ kind: 'not-found' });
    expect(log).toEqual([]);
  });

  it('turns HTTP failures into kinds of failure', async () => {
    const { source } = setup();
    server.use(http.get(`${WP_ROOT}wp/v2/posts`, () => HttpResponse.json({}, { status: 503 })));
    await expect(source.listing({ kind: 'latest' }, 1)).rejects.toMatchObject({
      kind: 'http',
      status: 503,
    });
    await expect(source.listing({ kind: 'latest' }, 2)).rejects.toMatchObject({ kind: 'http' });
  });
});

describe('the WordPress adapter: articles', () => {
  it('finds an article by slug: the body passes through and baseUrl is the post’s link', async () => {
    const { source, log, store } = setup();
    const article = await source.article('harbour-reopens');
    expect(article).toMatchObject({
      slug: 'harbour-reopens',
      headline: 'Harbour reopens after the storm’s damage',
      body: store.posts[0]?.content.rendered,
      baseUrl: 'https://wp.test/2024/05/02/harbour-reopens/',
      related: [],
    });
    const request = new URL(log.find((url) => url.includes('/wp/v2/posts')) ?? '');
    expect(request.searchParams.get('slug')).toBe('harbour-reopens');
    expect(request.searchParams.has('_embed')).toBe(true);
  });

  it('an empty answer is not-found', async () => {
    const { source } = setup();
    const error = await rejection(source.article('no-such-story'));
    expect(error.kind).toBe('not-found');
  });

  it('finds an article with an id- slug by its id', async () => {
    const { source, log } = setup();
    const article = await source.article('id-19');
    expect(article).toMatchObject({ slug: 'id-19', headline: 'Новости дня' });
    expect(log.some((url) => new URL(url).pathname === '/wp-json/wp/v2/posts/19')).toBe(true);
    await expect(source.article('id-404')).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('a password-protected post shows its excerpt and a note instead of the body', async () => {
    const { source } = setup();
    serveRoute('wp/v2/posts', [
      wirePost({
        excerpt: { rendered: '<p>Only the teaser.</p>', protected: true },
        content: { rendered: '<p>Secret body.</p>', protected: true },
      }),
    ]);
    const article = await source.article('a-post');
    expect(article.body).toContain('<p>Only the teaser.</p>');
    expect(article.body).not.toContain('Secret body');
    expect(article.body).toContain(
      'This story is protected by a password: it can only be read on The Daily Fixture &amp; Co.',
    );
  });

  it('baseUrl is the site when the post’s link is not absolute', async () => {
    const { source } = setup();
    serveRoute('wp/v2/posts', [wirePost({ link: '/a-post/' })]);
    expect((await source.article('a-post')).baseUrl).toBe('https://wp.test/');
  });

  it('fails a post without content, naming the field', async () => {
    const { source } = setup();
    serveRoute('wp/v2/posts', [wirePost({ content: { protected: false } })]);
    const error = await rejection(source.article('a-post'));
    expect(error.kind).toBe('invalid-data');
    expect(error.message).toContain('“0.content.rendered”');
  });

  it('passes a large body through untouched, and cuts a huge one at the limit, saying so', async () => {
    const { source } = setup();
    const paragraph = '<p>word &amp; <b>word</b></p>';
    const large = paragraph.repeat(Math.floor(LIMITS.bodyCharacters / paragraph.length));
    serveRoute('wp/v2/posts', [wirePost({ content: { rendered: large, protected: false } })]);
    expect((await source.article('a-post')).body).toBe(large);

    const huge = paragraph.repeat(200_000);
    serveRoute('wp/v2/posts', [wirePost({ content: { rendered: huge, protected: false } })]);
    const started = performance.now();
    const { body, bodyCut } = await source.article('a-post');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(body.startsWith(paragraph.repeat(100))).toBe(true);
    expect(body.length).toBeLessThanOrEqual(LIMITS.bodyCharacters);
    expect(bodyCut).toBe(true);
  });
});

describe('the WordPress adapter: links and requests', () => {
  it('recognises the permalinks of the site’s posts, loosely', () => {
    const { source } = setup();
    const slug = (url: string) => source.articleSlugFromUrl(url);
    expect(slug('https://wp.test/2024/05/01/council-votes/')).toBe('council-votes');
    expect(slug('https://wp.test/council-votes')).toBe('council-votes');
    expect(slug('https://wp.test/news/council-votes/#comments')).toBe('council-votes');
    expect(slug('https://wp.test/council-votes/2/')).toBe('council-votes');
    expect(slug('https://wp.test/council-votes/amp/')).toBe('council-votes');
    expect(slug('https://wp.test/?p=57')).toBe('id-57');
    expect(slug('https://wp.test/tag/climate/')).toBeUndefined();
    expect(slug('https://wp.test/category/world/')).toBeUndefined();
    expect(slug('https://wp.test/wp-content/uploads/a.jpg')).toBeUndefined();
    expect(slug('https://wp.test/2024/05/')).toBeUndefined();
    expect(slug('https://wp.test/')).toBeUndefined();
    expect(slug('https://wp.test/Some_Page/')).toBeUndefined();
    expect(slug('https://other.test/council-votes/')).toBeUndefined();
    expect(slug('not a url')).toBeUndefined();
  });

  it('recognises permalinks on the home URL the root document names', async () => {
    const store = fakeSite();
    store.root = { ...store.root, home: 'https://www.example.org/blog' };
    const { source } = setup(store);
    expect(source.articleSlugFromUrl('https://www.example.org/blog/a-story/')).toBeUndefined();
    await source.site();
    expect(source.articleSlugFromUrl('https://www.example.org/blog/a-story/')).toBe('a-story');
    expect(source.articleSlugFromUrl('https://www.example.org/a-story/')).toBeUndefined();
  });

  it('works with a ?rest_route= root, for sites without pretty permalinks', async () => {
    const log: string[] = [];
    server.use(
      http.get('https://plain.test/', ({ request }) => {
        log.push(request.url);
        const route = new URL(request.url).searchParams.get('rest_route');
        if (route === '/') return HttpResponse.json({ name: 'Plain' });
        if (route === '/wp/v2/posts')
          return HttpResponse.json([wirePost()], {
            headers: { 'X-WP-Total': '1', 'X-WP-TotalPages': '1' },
          });
        return HttpResponse.json({ code: 'rest_no_route' }, { status: 404 });
      }),
    );
    const source = createWordPressSource('https://plain.test/?rest_route=/');
    const listing = await source.listing({ kind: 'latest' }, 1);
    expect(listing.items[0]?.source).toEqual({ slug: 'plain', name: 'Plain' });
    const posts = new URL(log.find((url) => url.includes('posts')) ?? '');
    expect(posts.searchParams.get('rest_route')).toBe('/wp/v2/posts');
    expect(posts.searchParams.get('page')).toBe('1');
    expect(source.articleSlugFromUrl('https://plain.test/?p=7')).toBe('id-7');
  });

  it('reads the root document once for all listings and articles', async () => {
    const { source, log } = setup();
    await Promise.all([
      source.listing({ kind: 'latest' }, 1),
      source.listing({ kind: 'top' }, 1),
      source.article('council-votes'),
    ]);
    expect(log.filter((url) => new URL(url).pathname === '/wp-json/')).toHaveLength(1);
  });

  it('reads the root document again after it failed', async () => {
    const { source } = setup();
    let fail = true;
    server.use(
      http.get(WP_ROOT, () => {
        if (!fail) return undefined;
        fail = false;
        return HttpResponse.json({}, { status: 500 });
      }),
    );
    await expect(source.listing({ kind: 'latest' }, 1)).rejects.toMatchObject({ kind: 'http' });
    expect((await source.listing({ kind: 'latest' }, 1)).items).toHaveLength(10);
  });
});
