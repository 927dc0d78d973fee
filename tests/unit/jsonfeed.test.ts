import { delay, http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Listing, Summary } from '../../src/news/types.ts';
import { createJsonFeedSource } from '../../src/sources/jsonfeed.ts';
import type { NewsSource } from '../../src/sources/NewsSource.ts';
import { SourceError } from '../../src/sources/SourceError.ts';
import { shortHash } from '../../src/sources/text.ts';
import gazette from '../fixtures/jsonfeed/harbour-gazette.json';
import { server } from './server.ts';

const FEED = 'https://feeds.test/gazette/feed.json';
const SLUG = /^[a-z0-9-]{1,120}$/;

/** Serve `body` as JSON at `url`; returns a counter of the requests it answered. */
function serve(url: string, body: unknown, init: ResponseInit = {}) {
  const requests = { count: 0 };
  server.use(
    http.get(url, () => {
      requests.count++;
      return new HttpResponse(JSON.stringify(body), {
        ...init,
        headers: { 'Content-Type': 'application/feed+json' },
      });
    }),
  );
  return requests;
}

/** A JSON Feed 1.1 document around `items`. */
function feed(items: unknown[], extra: Record<string, unknown> = {}) {
  return { version: 'https://jsonfeed.org/version/1.1', title: 'Test Feed', items, ...extra };
}

function item(id: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    url: `https://site.test/posts/${id}`,
    title: `Story ${id}`,
    content_html: `<p>Body of ${id}.</p>`,
    ...extra,
  };
}

async function latest(source: NewsSource, page = 1): Promise<Listing> {
  return source.listing({ kind: 'latest' }, page);
}

async function find(source: NewsSource, headline: string): Promise<Summary> {
  for (let page = 1; ; page++) {
    const listing = await latest(source, page);
    const found = listing.items.find((story) => story.headline === headline);
    if (found) return found;
    if (page >= listing.pageCount) throw new Error(`no story “${headline}”`);
  }
}

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof SourceError))
    throw new Error(`expected a SourceError, got ${String(error)}`);
  return error;
}

function gazetteSource() {
  serve(FEED, gazette);
  return createJsonFeedSource(FEED);
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the JSON Feed adapter: the site', () => {
  it('takes name, description and language from the feed, sections from its most used tags', async () => {
    const site = await gazetteSource().site();
    expect(site).toEqual({
      name: 'The Harbour & Hill Gazette',
      description: 'News from the harbour and the hill.',
      language: 'en-GB',
      sections: [
        { slug: 'harbour', name: 'Harbour' },
        { slug: 'hill', name: 'Hill' },
        { slug: 'transport', name: 'Transport' },
      ],
      pageSize: 20,
    });
  });

  it('has no sections when no tag is used by two items, and at most five', async () => {
    serve(FEED, feed([item('a', { tags: ['One'] }), item('b', { tags: ['Two'] })]));
    expect((await createJsonFeedSource(FEED).site()).sections).toEqual([]);

    const tags = ['T1', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'];
    serve(FEED, feed([item('c', { tags }), item('d', { tags: [...tags].reverse() })]));
    const site = await createJsonFeedSource(FEED).site();
    expect(site.sections.map((section) => section.name)).toEqual(['T1', 'T2', 'T3', 'T4', 'T5']);
  });

  it('names a feed without a title after its home page, and drops an invalid language', async () => {
    serve(
      FEED,
      feed([], { title: '  ', home_page_url: 'https://home.test/', language: 'not a language!' }),
    );
    const site = await createJsonFeedSource(FEED).site();
    expect(site.name).toBe('home.test');
    expect(site.language).toBeUndefined();
    expect(site.description).toBeUndefined();
  });

  it('drops the content of script and textarea from titles instead of keeping it as markup', async () => {
    serve(FEED, feed([item('a')], { title: 'News<script>alert("<b>x</b>")</script> Daily' }));
    expect((await createJsonFeedSource(FEED).site()).name).toBe('News Daily');
  });
});

describe('the JSON Feed adapter: items', () => {
  it('maps a 1.1 item to a summary: decoded text, RFC 3339 dates, absolute image, authors, tags, source', async () => {
    const source = gazetteSource();
    const ferry = await find(source, 'Ferry service returns to the harbour');
    expect(ferry).toEqual({
      slug: `ferry-returns-${shortHash('https://gazette.test/2026/05/ferry-returns')}`,
      headline: 'Ferry service returns to the harbour',
      summary: 'The first crossing in two years left at dawn.',
      publishedAt: '2026-05-04T09:30:00+01:00',
      updatedAt: '2026-05-04T11:00:00+01:00',
      section: { slug: 'harbour', name: 'Harbour' },
      source: { slug: 'the-harbour-hill-gazette', name: 'The Harbour & Hill Gazette' },
      authors: [{ slug: 'mara-lind', name: 'Mara Lind' }],
      tags: [
        { slug: 'harbour', name: 'Harbour' },
        { slug: 'transport', name: 'Transport' },
      ],
      image: { src: 'https://feeds.test/gazette/images/ferry.jpg', alt: '' },
    });
  });

  it('passes content_html through unchanged, with the item URL as the base for its links', async () => {
    const source = gazetteSource();
    const ferry = await source.article(
      (await find(source, 'Ferry service returns to the harbour')).slug,
    );
    const wire = gazette.items[0];
    if (typeof wire !== 'object' || !('content_html' in wire)) throw new Error('fixture changed');
    expect(ferry.body).toBe(wire.content_html);
    expect(ferry.baseUrl).toBe('https://gazette.test/2026/05/ferry-returns.html');
  });

  it('escapes content_text and wraps its paragraphs, single newlines becoming line breaks', async () => {
    const source = gazetteSource();
    const festival = await source.article(
      (await find(source, 'Harbour festival dates announced')).slug,
    );
    expect(festival.body).toBe(
      '<p>The festival runs for three days in June.</p>\n' +
        '<p>Boats, music &amp; food &lt;all weekend&gt;.<br>Entry is free.</p>',
    );
  });

  it('decodes entities and markup in titles', async () => {
    const source = gazetteSource();
    expect(await find(source, 'Fish & chips shop wins national award')).toBeDefined();
  });

  it('uses `authors` (1.1) before the legacy `author` (1.0), then the feed’s authors', async () => {
    serve(
      FEED,
      feed(
        [
          item('both', {
            authors: [{ name: 'New One' }, { name: 'New Two' }],
            author: { name: 'Old' },
          }),
          item('legacy', { author: { name: 'Old &amp; Wise' } }),
          item('none'),
          item('nameless', { authors: [{ url: 'https://x.test/' }, 42] }),
        ],
        { authors: [{ name: 'Feed Person' }], author: { name: 'Legacy Feed Person' } },
      ),
    );
    const source = createJsonFeedSource(FEED);
    expect((await find(source, 'Story both')).authors).toEqual([
      { slug: 'new-one', name: 'New One' },
      { slug: 'new-two', name: 'New Two' },
    ]);
    expect((await find(source, 'Story legacy')).authors).toEqual([
      { slug: 'old-wise', name: 'Old & Wise' },
    ]);
    expect((await find(source, 'Story none')).authors).toEqual([
      { slug: 'feed-person', name: 'Feed Person' },
    ]);
    expect((await find(source, 'Story nameless')).authors).toEqual([
      { slug: 'feed-person', name: 'Feed Person' },
    ]);
  });

  it('falls back to the feed’s legacy `author` when a 1.0 feed has no `authors`', async () => {
    serve(
      FEED,
      feed([item('a')], { version: 'https://jsonfeed.org/version/1', author: { name: 'Solo' } }),
    );
    expect((await find(createJsonFeedSource(FEED), 'Story a')).authors).toEqual([
      { slug: 'solo', name: 'Solo' },
    ]);
  });

  it('gives an item without a title a headline from its content, cut at a word', async () => {
    const source = gazetteSource();
    const latestNews = await latest(source);
    const note = latestNews.items.find((story) => story.headline.startsWith('Short note'));
    expect(note?.headline).toBe(
      'Short note: the library on the hill opens late on Thursday evenings this month…',
    );
    expect((note?.headline.length ?? 0) <= 81).toBe(true);
  });

  it('takes a missing title from the summary, else content_text, else calls it Untitled', async () => {
    serve(
      FEED,
      feed([
        { id: 's', summary: 'Only a summary' },
        { id: 't', content_text: 'Plain words\n\nand more' },
        { id: 'u', content_html: '<p><img src="https://site.test/a.jpg"></p>' },
        { id: 'w', title: '<b></b>', content_html: '<p>Whitespace title</p>' },
      ]),
    );
    const source = createJsonFeedSource(FEED);
    const headlines = (await latest(source)).items.map((story) => story.headline);
    expect(headlines).toEqual([
      'Only a summary',
      'Plain words and more',
      'Untitled',
      'Whitespace title',
    ]);
    const summaryOnly = await source.article((await find(source, 'Only a summary')).slug);
    expect(summaryOnly.body).toBe('<p>Only a summary</p>');
    expect(summaryOnly.summary).toBeUndefined();
  });

  it('skips items with neither title nor content, items that are not objects, and repeated ids', async () => {
    serve(
      FEED,
      feed([
        item('a'),
        { id: 'bare', url: 'https://site.test/bare', content_html: '   ' },
        'a string',
        null,
        [1, 2],
        item('a', { title: 'A repeat' }),
        { title: 'No id, no url' },
        { url: 'https://site.test/posts/by-url', title: 'Identified by its URL' },
        { id: 7, title: 'A numeric id' },
      ]),
    );
    const headlines = (await latest(createJsonFeedSource(FEED))).items.map((s) => s.headline);
    expect(headlines).toEqual(['Story a', 'Identified by its URL', 'A numeric id']);
  });

  it('ignores fields of the wrong type instead of dropping the item', async () => {
    serve(
      FEED,
      feed([
        {
          id: 'odd',
          title: 'Odd fields',
          content_html: 5,
          content_text: 'Text wins',
          summary: ['x'],
          image: { src: 'no' },
          date_published: 20260101,
          tags: ['Kept', 3, null, 'Kept', '&lt;b&gt;'],
          authors: 'Someone',
          _broadsheet: 'high',
        },
      ]),
    );
    const source = createJsonFeedSource(FEED);
    const story = await find(source, 'Odd fields');
    expect(story.tags).toEqual([
      { slug: 'kept', name: 'Kept' },
      { slug: 'b', name: '<b>' },
    ]);
    expect(story.image).toBeUndefined();
    expect(story.publishedAt).toBeUndefined();
    expect((await source.article(story.slug)).body).toBe('<p>Text wins</p>');
  });

  it.each([
    ['2017-11-08T14:05:00+01:00', '2017-11-08T14:05:00+01:00'],
    ['2017-11-08T14:05:00.250Z', '2017-11-08T14:05:00.250Z'],
    ['2017-11-08t14:05:00z', '2017-11-08T14:05:00Z'],
    ['2017-11-08 14:05:00-0430', '2017-11-08T14:05:00-04:30'],
    ['2017-11-08T14:05:00', '2017-11-08T14:05:00Z'],
    ['2017-11-08T14:05', '2017-11-08T14:05:00Z'],
    ['2017-11-08', '2017-11-08T00:00:00Z'],
    ['2017-02-30T10:00:00Z', undefined],
    ['2017-11-08T25:00:00Z', undefined],
    ['Wed, 08 Nov 2017 14:05:00 GMT', undefined],
    ['yesterday', undefined],
    ['', undefined],
  ])('reads date_published %j as %j (no offset means UTC)', async (raw, expected) => {
    serve(FEED, feed([item('a', { date_published: raw })]));
    expect((await find(createJsonFeedSource(FEED), 'Story a')).publishedAt).toBe(expected);
  });

  it('keeps date_modified only when it differs from date_published', async () => {
    serve(
      FEED,
      feed([
        item('same', {
          date_published: '2020-01-01T00:00:00Z',
          date_modified: '2020-01-01T00:00:00Z',
        }),
        item('later', {
          date_published: '2020-01-01T00:00:00Z',
          date_modified: '2020-01-02T00:00:00Z',
        }),
      ]),
    );
    const source = createJsonFeedSource(FEED);
    expect((await find(source, 'Story same')).updatedAt).toBeUndefined();
    expect((await find(source, 'Story later')).updatedAt).toBe('2020-01-02T00:00:00Z');
  });

  it('resolves relative images against the feed document, falls back to banner_image, keeps only http(s)', async () => {
    serve(
      FEED,
      feed([
        item('rel', { image: '../img/a.png' }),
        item('banner', { banner_image: 'https://cdn.test/b.png' }),
        item('bad', { image: 'javascript:alert(1)', banner_image: 'data:image/png;base64,AAAA' }),
        item('badfirst', { image: 'ftp://x.test/a.png', banner_image: '//cdn.test/c.png' }),
      ]),
    );
    const source = createJsonFeedSource(FEED);
    expect((await find(source, 'Story rel')).image?.src).toBe('https://feeds.test/img/a.png');
    expect((await find(source, 'Story banner')).image?.src).toBe('https://cdn.test/b.png');
    expect((await find(source, 'Story bad')).image).toBeUndefined();
    expect((await find(source, 'Story badfirst')).image?.src).toBe('https://cdn.test/c.png');
  });

  it('uses the home page, else the feed document, as the base of an item without a URL', async () => {
    serve(FEED, feed([{ id: 'x', title: 'No URL', content_html: '<a href="/a">a</a>' }]));
    const bare = createJsonFeedSource(FEED);
    expect((await bare.article((await find(bare, 'No URL')).slug)).baseUrl).toBe(FEED);

    serve(
      FEED,
      feed([{ id: 'x', title: 'No URL', content_html: '', summary: 's' }], {
        home_page_url: 'https://home.test/blog/',
      }),
    );
    const homed = createJsonFeedSource(FEED);
    expect((await homed.article((await find(homed, 'No URL')).slug)).baseUrl).toBe(
      'https://home.test/blog/',
    );
  });

  it('copes with very large bodies in linear time', async () => {
    // Together just under the reader's document limit (src/news/limits.ts).
    const paragraph = `${'word '.repeat(200)}\n${' '.repeat(100_000)}x\n\n`;
    const hugeText = paragraph.repeat(20);
    const hugeHtml = `<p>${'<b>bold</b> text '.repeat(100_000)}</p>`;
    serve(
      FEED,
      feed([
        { id: 'text', content_text: hugeText },
        { id: 'html', content_html: hugeHtml },
        { id: 'titled', title: 'Titled', content_html: hugeHtml, summary: 'x'.repeat(1_000_000) },
      ]),
    );
    const source = createJsonFeedSource(FEED);
    const started = performance.now();
    const listing = await latest(source);
    for (const story of listing.items) await source.article(story.slug);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(listing.items[0]?.headline).toMatch(/^word word .*…$/);
    expect(listing.items[1]?.headline).toMatch(/^bold text bold text/);
  });
});

describe('the JSON Feed adapter: slugs', () => {
  it('derives a slug from the URL’s last segment and a hash of the id, which a title edit does not change', async () => {
    serve(FEED, feed([item('post-1', { title: 'Before the edit' })]));
    const before = await find(createJsonFeedSource(FEED), 'Before the edit');
    serve(FEED, feed([item('post-1', { title: 'After the edit' })]));
    const after = await find(createJsonFeedSource(FEED), 'After the edit');
    expect(before.slug).toBe(`post-1-${shortHash('post-1')}`);
    expect(after.slug).toBe(before.slug);
  });

  it('falls back to external_url, then the id, for the readable part of the slug', async () => {
    serve(
      FEED,
      feed([
        {
          id: 'https://ext.test/id/ignored',
          external_url: 'https://elsewhere.test/news/Big-Story.html',
          title: 'External',
        },
        { id: 'tag:site.test,2026:Ünïcode Post!', title: 'Tag id' },
        { id: '!!!', title: 'Symbols' },
        { id: 'home', url: 'https://site.test/', title: 'Home URL' },
        { id: 'idx', url: 'https://site.test/2026/index.html', title: 'Index page' },
      ]),
    );
    const source = createJsonFeedSource(FEED);
    expect((await find(source, 'External')).slug).toBe(
      `big-story-${shortHash('https://ext.test/id/ignored')}`,
    );
    expect((await find(source, 'Tag id')).slug).toBe(
      `tag-site-test-2026-unicode-post-${shortHash('tag:site.test,2026:Ünïcode Post!')}`,
    );
    expect((await find(source, 'Symbols')).slug).toBe(`item-${shortHash('!!!')}`);
    expect((await find(source, 'Home URL')).slug).toBe(`home-${shortHash('home')}`);
    expect((await find(source, 'Index page')).slug).toBe(`idx-${shortHash('idx')}`);
  });

  it('keeps slugs unique when two ids hash alike, and every slug within the pattern', async () => {
    // "story-129599" and "story-732382" have the same FNV-1a hash.
    expect(shortHash('story-129599')).toBe(shortHash('story-732382'));
    const url = `https://site.test/${'very-long-segment-'.repeat(20)}`;
    serve(
      FEED,
      feed([
        { id: 'story-129599', url, title: 'First' },
        { id: 'story-732382', url, title: 'Second' },
      ]),
    );
    const source = createJsonFeedSource(FEED);
    const first = await find(source, 'First');
    const second = await find(source, 'Second');
    expect(second.slug).toBe(`${first.slug}-2`);
    expect(first.slug).toMatch(SLUG);
    expect(second.slug).toMatch(SLUG);
    expect((await source.article(second.slug)).headline).toBe('Second');
  });

  it('finds an article by its slug and Not Found for an unknown or malformed one, without a request', async () => {
    const source = gazetteSource();
    const council = await find(source, 'Council approves the hill park');
    expect((await source.article(council.slug)).headline).toBe('Council approves the hill park');
    expect(await failure(source.article('no-such-story'))).toMatchObject({ kind: 'not-found' });

    const requests = serve('https://feeds.test/*', {});
    expect(await failure(createJsonFeedSource(FEED).article('../../etc'))).toMatchObject({
      kind: 'not-found',
    });
    expect(requests.count).toBe(0);
  });

  it('recognises the URLs of its own items, so body links stay in the reader', async () => {
    const source = gazetteSource();
    expect(
      source.articleSlugFromUrl('https://gazette.test/2026/05/festival-dates'),
    ).toBeUndefined();
    const festival = await find(source, 'Harbour festival dates announced');
    expect(source.articleSlugFromUrl('https://gazette.test/2026/05/festival-dates')).toBe(
      festival.slug,
    );
    expect(source.articleSlugFromUrl('https://gazette.test/2026/05/festival-dates#tickets')).toBe(
      festival.slug,
    );
    expect(source.articleSlugFromUrl('https://other.test/2026/05/festival-dates')).toBeUndefined();
  });
});

describe('the JSON Feed adapter: listings', () => {
  it('lists every item newest first, undated ones last', async () => {
    const listing = await latest(gazetteSource());
    expect(listing).toMatchObject({ title: 'Latest News', page: 1, pageCount: 1, total: 7 });
    expect(listing.items.map((story) => story.headline)).toEqual([
      'Ferry service returns to the harbour',
      'Council approves the hill park',
      'Harbour festival dates announced',
      'Fish & chips shop wins national award',
      'Hill road closed for repairs',
      'Short note: the library on the hill opens late on Thursday evenings this month…',
      'Letters to the editor',
    ]);
  });

  it('ranks Top News by the `_broadsheet.priority` extension, 1 first', async () => {
    const top = await gazetteSource().listing({ kind: 'top' }, 1);
    expect(top.title).toBe('Top News');
    expect(top.items.map((story) => story.headline)).toEqual([
      'Council approves the hill park',
      'Ferry service returns to the harbour',
    ]);
  });

  it('without priorities, Top News is the newest items with an image, else the newest items', async () => {
    serve(
      FEED,
      feed([
        item('a', { date_published: '2020-01-03T00:00:00Z' }),
        item('b', { date_published: '2020-01-02T00:00:00Z', image: 'https://x.test/b.jpg' }),
        item('c', { date_published: '2020-01-01T00:00:00Z', image: 'https://x.test/c.jpg' }),
      ]),
    );
    const pictured = await createJsonFeedSource(FEED).listing({ kind: 'top' }, 1);
    expect(pictured.items.map((story) => story.headline)).toEqual(['Story b', 'Story c']);

    serve(FEED, feed(Array.from({ length: 25 }, (_, index) => item(`n${index}`))));
    const plain = await createJsonFeedSource(FEED).listing({ kind: 'top' }, 1);
    expect(plain).toMatchObject({ total: 20, pageCount: 1 });
    expect(plain.items[0]?.headline).toBe('Story n0');
  });

  it('lists a tag’s items, and Not Found for a tag the feed does not have', async () => {
    const source = gazetteSource();
    const harbour = await source.listing({ kind: 'tag', slug: 'harbour' }, 1);
    expect(harbour).toMatchObject({ title: 'Harbour', total: 3, pageCount: 1 });
    expect(harbour.items.map((story) => story.headline)).toEqual([
      'Ferry service returns to the harbour',
      'Harbour festival dates announced',
      'Fish & chips shop wins national award',
    ]);
    const culture = await source.listing({ kind: 'tag', slug: 'culture' }, 1);
    expect(culture.total).toBe(1);
    expect(await failure(source.listing({ kind: 'tag', slug: 'sport' }, 1))).toMatchObject({
      kind: 'not-found',
    });
  });

  it('gives each item the first of its tags that is a section, and lists a section', async () => {
    const source = gazetteSource();
    expect((await find(source, 'Council approves the hill park')).section).toEqual({
      slug: 'hill',
      name: 'Hill',
    });
    expect((await find(source, 'Letters to the editor')).section).toBeUndefined();
    const transport = await source.listing({ kind: 'section', slug: 'transport' }, 1);
    expect(transport.items.map((story) => story.headline)).toEqual([
      'Ferry service returns to the harbour',
      'Hill road closed for repairs',
    ]);
    expect(await failure(source.listing({ kind: 'section', slug: 'culture' }, 1))).toMatchObject({
      kind: 'not-found',
    });
  });

  it('lists an author’s items by name slug, and the feed itself as the one source', async () => {
    const source = gazetteSource();
    const mara = await source.listing({ kind: 'author', slug: 'mara-lind' }, 1);
    expect(mara).toMatchObject({ title: 'Mara Lind', total: 2 });
    const staff = await source.listing({ kind: 'author', slug: 'gazette-staff' }, 1);
    expect(staff.items.map((story) => story.headline)).toContain(
      'Harbour festival dates announced',
    );

    const own = await source.listing({ kind: 'source', slug: 'the-harbour-hill-gazette' }, 1);
    expect(own).toMatchObject({ title: 'The Harbour & Hill Gazette', total: 7 });
    expect(await failure(source.listing({ kind: 'source', slug: 'reuters' }, 1))).toMatchObject({
      kind: 'not-found',
    });
    expect(await failure(source.listing({ kind: 'author', slug: 'nobody' }, 1))).toMatchObject({
      kind: 'not-found',
    });
  });

  it('pages 20 items at a time; a page past the last is Not Found', async () => {
    serve(FEED, feed(Array.from({ length: 45 }, (_, index) => item(`n${index}`))));
    const source = createJsonFeedSource(FEED);
    const third = await latest(source, 3);
    expect(third).toMatchObject({ page: 3, pageCount: 3, total: 45 });
    expect(third.items.map((story) => story.headline)).toEqual([
      'Story n40',
      'Story n41',
      'Story n42',
      'Story n43',
      'Story n44',
    ]);
    for (const page of [4, 0, -1, 1.5]) {
      expect(await failure(latest(source, page))).toMatchObject({ kind: 'not-found' });
    }
  });

  it('an empty listing has page 1 with no items and pageCount 0, and no page 2', async () => {
    serve(FEED, feed([]));
    const source = createJsonFeedSource(FEED);
    expect(await latest(source)).toEqual({
      title: 'Latest News',
      page: 1,
      pageCount: 0,
      total: 0,
      items: [],
    });
    expect(await source.listing({ kind: 'top' }, 1)).toMatchObject({ items: [], pageCount: 0 });
    expect(await failure(latest(source, 2))).toMatchObject({ kind: 'not-found' });
  });

  it('relates up to three items that share tags, most shared first', async () => {
    serve(
      FEED,
      feed([
        item('main', { tags: ['A', 'B'] }),
        item('one', { tags: ['A'] }),
        item('none', { tags: ['C'] }),
        item('both', { tags: ['B', 'A'] }),
        item('two', { tags: ['B'] }),
        item('three', { tags: ['A'] }),
      ]),
    );
    const source = createJsonFeedSource(FEED);
    const main = await source.article((await find(source, 'Story main')).slug);
    expect(main.related.map((story) => story.headline)).toEqual([
      'Story both',
      'Story one',
      'Story two',
    ]);
    const lonely = await source.article((await find(source, 'Story none')).slug);
    expect(lonely.related).toEqual([]);
  });
});

describe('the JSON Feed adapter: loading', () => {
  it('follows next_url (relative too), never the same URL twice', async () => {
    serve(FEED, feed([item('p1')], { next_url: 'page-2.json' }));
    serve('https://feeds.test/gazette/page-2.json', {
      items: [item('p2'), item('p1', { title: 'Duplicate' })],
      next_url: 'https://feeds.test/gazette/page-3.json',
    });
    const third = serve('https://feeds.test/gazette/page-3.json', {
      items: [item('p3')],
      next_url: FEED,
    });
    const listing = await latest(createJsonFeedSource(FEED));
    expect(listing.items.map((story) => story.headline)).toEqual([
      'Story p1',
      'Story p2',
      'Story p3',
    ]);
    expect(third.count).toBe(1);
  });

  it('reads at most ten documents', async () => {
    const counters = Array.from({ length: 12 }, (_, index) => {
      const page = index + 1;
      const url = page === 1 ? FEED : `https://feeds.test/gazette/page-${page}.json`;
      return serve(url, feed([item(`page${page}`)], { next_url: `page-${page + 1}.json` }));
    });
    const listing = await latest(createJsonFeedSource(FEED));
    expect(listing.total).toBe(10);
    expect(counters[10]?.count).toBe(0);
  });

  it('keeps the pages already loaded when a later page fails or is not a feed', async () => {
    serve(FEED, feed([item('p1')], { next_url: 'page-2.json' }));
    serve('https://feeds.test/gazette/page-2.json', {}, { status: 500 });
    expect((await latest(createJsonFeedSource(FEED))).total).toBe(1);

    serve(FEED, feed([item('p1')], { next_url: 'page-2.json' }));
    serve('https://feeds.test/gazette/page-2.json', { items: 'none' });
    expect((await latest(createJsonFeedSource(FEED))).total).toBe(1);

    serve(FEED, feed([item('p1')], { next_url: 'javascript:alert(1)' }));
    expect((await latest(createJsonFeedSource(FEED))).total).toBe(1);
  });

  it('gives every page one shared deadline, showing what loaded in time', async () => {
    serve(FEED, feed([item('p1')], { next_url: 'slow.json' }));
    server.use(
      http.get('https://feeds.test/gazette/slow.json', async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const started = performance.now();
    const listing = await createJsonFeedSource(FEED, { timeoutMs: 200 }).listing(
      { kind: 'latest' },
      1,
    );
    expect(listing.total).toBe(1);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('a first document that does not answer in time is a timeout', async () => {
    server.use(
      http.get(FEED, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const error = await failure(createJsonFeedSource(FEED, { timeoutMs: 100 }).site());
    expect(error).toMatchObject({ kind: 'timeout', url: FEED });
  });

  it('loads the feed once for every document, for a minute, and again after that', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-05-04T12:00:00Z'));
    const requests = serve(FEED, gazette);
    const source = createJsonFeedSource(FEED);
    const [site, top] = await Promise.all([source.site(), source.listing({ kind: 'top' }, 1)]);
    await source.article(top.items[0]?.slug ?? '');
    await source.listing({ kind: 'tag', slug: site.sections[0]?.slug ?? '' }, 1);
    expect(requests.count).toBe(1);

    vi.setSystemTime(new Date('2026-05-04T12:00:59Z'));
    await source.site();
    expect(requests.count).toBe(1);
    vi.setSystemTime(new Date('2026-05-04T12:01:01Z'));
    await source.site();
    expect(requests.count).toBe(2);
  });

  it('does not keep a failure: the next request asks again', async () => {
    let fail = true;
    server.use(
      http.get(FEED, () =>
        fail ? HttpResponse.json({}, { status: 503 }) : HttpResponse.json(gazette),
      ),
    );
    const source = createJsonFeedSource(FEED);
    expect(await failure(source.site())).toMatchObject({ kind: 'http', status: 503 });
    fail = false;
    expect((await source.site()).name).toBe('The Harbour & Hill Gazette');
  });

  it('an aborted caller stops waiting, without cancelling the load for the others', async () => {
    const requests = serve(FEED, gazette);
    const source = createJsonFeedSource(FEED);
    const controller = new AbortController();
    const aborted = source.site(controller.signal);
    controller.abort();
    await expect(aborted).rejects.toThrow();
    expect((await source.site()).name).toBe('The Harbour & Hill Gazette');
    expect(requests.count).toBe(1);
  });

  it.each([
    [[1, 2, 3], 'at the top level'],
    [{ title: 'No version', items: [] }, '“version”'],
    [{ version: 'https://jsonfeed.org/version/1.1', items: { a: 1 } }, '“items”'],
    [{ version: 'https://jsonfeed.org/version/1.1' }, '“items”'],
  ])('rejects a document that is not a feed, naming the field (%#)', async (body, where) => {
    serve(FEED, body);
    const error = await failure(createJsonFeedSource(FEED).site());
    expect(error).toMatchObject({ kind: 'invalid-data', url: FEED });
    expect(error.message).toContain(where);
  });

  it('turns broken JSON and HTTP statuses into kinds of failure', async () => {
    server.use(http.get(FEED, () => new HttpResponse('{ not json', { status: 200 })));
    expect(await failure(createJsonFeedSource(FEED).site())).toMatchObject({
      kind: 'invalid-json',
    });
    serve(FEED, {}, { status: 404 });
    expect(await failure(createJsonFeedSource(FEED).site())).toMatchObject({ kind: 'not-found' });
    serve(FEED, {}, { status: 502 });
    expect(await failure(createJsonFeedSource(FEED).article('a-story'))).toMatchObject({
      kind: 'http',
      status: 502,
    });
  });

  it('has an id naming its type and feed URL', () => {
    expect(createJsonFeedSource(FEED).id).toBe(`jsonfeed:${FEED}`);
  });
});
