import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { describeError } from '../../src/news/describeError.ts';
import { LIMITS } from '../../src/news/limits.ts';
import { fetchJson } from '../../src/sources/fetchJson.ts';
import { createJsonFeedSource } from '../../src/sources/jsonfeed.ts';
import { createNativeSource } from '../../src/sources/native.ts';
import { SourceError, withoutCredentials } from '../../src/sources/SourceError.ts';
import { createWordPressSource } from '../../src/sources/wordpress.ts';
import { fakeSite, wordPressHandlers, WP_ROOT } from '../fixtures/wordpress/fakeWordPress.ts';
import { server } from './server.ts';

// Documents a hostile or careless source might send, and what every adapter
// makes of them: the reader's limits and text rules hold whatever the format.

const BASE = 'https://hostile.test/api/';
const RLO = '\u202e';
const PDF = '\u202c';

function serve(url: string, body: unknown, init: ResponseInit = {}) {
  server.use(
    http.get(url, () =>
      typeof body === 'string'
        ? new HttpResponse(body, init)
        : HttpResponse.json(body as Record<string, unknown>, init),
    ),
  );
}

function story(slug: string, overrides: Record<string, unknown> = {}) {
  return { slug, headline: `Story ${slug}`, publishedAt: '2026-11-20T10:00:00Z', ...overrides };
}

function listingOf(items: unknown[]) {
  return { title: 'Latest News', page: 1, pageCount: 1, total: items.length, items };
}

async function failure(promise: Promise<unknown>): Promise<SourceError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof SourceError))
    throw new Error(`expected a SourceError, got ${String(error)}`);
  return error;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a native source that sends bad items', () => {
  it('skips an item that is not valid, keeps the rest, and says which in the console', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    serve(
      `${BASE}latest/1.json`,
      listingOf([story('one'), story('two', { publishedAt: 'last Tuesday' }), story('three')]),
    );
    const listing = await createNativeSource(BASE).listing({ kind: 'latest' }, 1);
    expect(listing.items.map((item) => item.slug)).toEqual(['one', 'three']);
    expect(warn).toHaveBeenCalledOnce();
    expect(String(warn.mock.calls[0]?.[0])).toMatch(
      /skipped 1 of the items in https:\/\/hostile\.test\/api\/latest\/1\.json[\s\S]*items\.1\.publishedAt/,
    );
  });

  it('skips bad related stories and bad sections the same way', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    serve(`${BASE}articles/here.json`, {
      ...story('here'),
      body: '<p>Hi</p>',
      related: [
        story('ok'),
        { slug: 'NOT A SLUG', headline: 'x', publishedAt: 'x' },
        story('here'),
      ],
    });
    serve(`${BASE}site.json`, {
      name: 'Site',
      pageSize: 10,
      sections: [
        { slug: 'world', name: 'World' },
        { slug: 'Bad Slug' },
        { slug: 'world', name: 'Again' },
      ],
    });
    const source = createNativeSource(BASE);
    const article = await source.article('here');
    // A story is never related to itself.
    expect(article.related.map((item) => item.slug)).toEqual(['ok']);
    expect((await source.site()).sections).toEqual([{ slug: 'world', name: 'World' }]);
  });

  it('still fails a document whose own fields are wrong', async () => {
    serve(`${BASE}latest/1.json`, { ...listingOf([]), page: 'one' });
    const error = await failure(createNativeSource(BASE).listing({ kind: 'latest' }, 1));
    expect(error.kind).toBe('invalid-data');
  });
});

describe('the limits, on every source', () => {
  it('reads at most the listing limit of a huge listing page, each story once', async () => {
    // Repeats and bad items among the first: the limit is still filled, each story once.
    const items = Array.from({ length: 50_000 }, (_, index) =>
      index % 3 === 1 ? story('repeated') : index % 3 === 2 ? { slug: 'BAD' } : story(`s-${index}`),
    );
    serve(`${BASE}latest/1.json`, listingOf(items));
    const started = performance.now();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const listing = await createNativeSource(BASE).listing({ kind: 'latest' }, 1);
    expect(listing.items).toHaveLength(LIMITS.listingItems);
    expect(new Set(listing.items.map((item) => item.slug)).size).toBe(LIMITS.listingItems);
    expect(listing.items.filter((item) => item.slug === 'repeated')).toHaveLength(1);
    // Generous: this is a guard against reading all 50,000, not a benchmark.
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('keeps at most the section limit of a site with thousands, and drops repeats', async () => {
    // Every other one a repeat of the first: twelve distinct sections all the same.
    const sections = Array.from({ length: 3_000 }, (_, index) => ({
      slug: index % 2 === 1 ? 's-0' : `s-${index}`,
      name: `Section ${index}`,
    }));
    serve(`${BASE}site.json`, { name: 'Site', pageSize: 10, sections });
    const site = await createNativeSource(BASE).site();
    expect(site.sections).toHaveLength(LIMITS.sections);
    expect(new Set(site.sections.map((section) => section.slug)).size).toBe(LIMITS.sections);
  });

  it('cuts tags, authors, long text and bodies, and drops implausible image sizes', async () => {
    const refs = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, index) => ({
        slug: `${prefix}-${index}`,
        name: `${prefix} ${index}`,
      }));
    serve(`${BASE}articles/big.json`, {
      ...story('big'),
      headline: `${'word '.repeat(2_000)}end`,
      tags: refs('tag', 1_000),
      authors: refs('author', 1_000),
      image: { src: 'lead.jpg', alt: 'Lead', width: 1200, height: 1_000_000_000 },
      body: `<p>${'x'.repeat(LIMITS.bodyCharacters * 2)}</p>`,
    });
    const article = await createNativeSource(BASE).article('big');
    expect(article.headline.length).toBeLessThanOrEqual(LIMITS.headline + 1);
    expect(article.headline).toMatch(/…$/);
    expect(article.tags).toHaveLength(LIMITS.tags);
    expect(article.authors).toHaveLength(LIMITS.authors);
    expect(article.image).toEqual({ src: `${BASE}articles/lead.jpg`, alt: 'Lead' });
    expect(article.body.length).toBeLessThanOrEqual(LIMITS.bodyCharacters);
    expect(article.bodyCut).toBe(true);
  });

  it('cuts a WordPress page that holds more posts than were asked for', async () => {
    const store = fakeSite();
    const many = Array.from({ length: 300 }, () => store.posts).flat();
    server.use(
      http.get(`${WP_ROOT}wp/v2/posts`, () =>
        HttpResponse.json(
          many.map((post, index) => ({ ...post, id: index + 1, slug: `p-${index}` })),
        ),
      ),
      ...wordPressHandlers(store, []),
    );
    const listing = await createWordPressSource(WP_ROOT).listing({ kind: 'latest' }, 1);
    expect(listing.items).toHaveLength(10);
  });

  it('reads no more of a JSON Feed than the feed limit', async () => {
    const items = Array.from({ length: 5_000 }, (_, index) => ({
      id: String(index),
      title: `Item ${index}`,
      content_text: 'Text',
      date_published: '2026-11-20T10:00:00Z',
    }));
    serve('https://feed.test/feed.json', {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Feed',
      items,
    });
    const listing = await createJsonFeedSource('https://feed.test/feed.json').listing(
      { kind: 'latest' },
      1,
    );
    expect(listing.total).toBe(LIMITS.feedItems);
  });

  it('does no more work on a JSON Feed than the limits allow: many tags, long titles, more pages', async () => {
    const tags = Array.from({ length: 5_000 }, (_, index) => `Tag &amp; ${index}`);
    const items = Array.from({ length: LIMITS.feedItems }, (_, index) => ({
      id: String(index),
      title: `<b>Item</b> &amp; ${index} ${'word '.repeat(index === 0 ? 200_000 : 1)}`,
      tags: index < 20 ? tags : ['One'],
      content_text: 'Text',
      date_published: '2026-11-20T10:00:00Z',
    }));
    let nextAsked = 0;
    server.use(
      http.get('https://feed.test/next.json', () => {
        nextAsked++;
        return HttpResponse.json({ items: [] });
      }),
    );
    serve('https://feed.test/feed.json', {
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Feed',
      next_url: 'https://feed.test/next.json',
      items,
    });
    const started = performance.now();
    const source = createJsonFeedSource('https://feed.test/feed.json');
    const listing = await source.listing({ kind: 'latest' }, 1);
    // Generous: a guard against reading everything (minutes), not a benchmark (about 2 s on two busy cores).
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(listing.total).toBe(LIMITS.feedItems);
    expect(nextAsked, 'pages fetched past the limit').toBe(0);
    const first = listing.items.find((item) => item.slug.startsWith('0-'));
    expect(first?.tags.slice(0, 2).map((tag) => tag.name)).toEqual(['Tag & 0', 'Tag & 1']);
    expect(first?.tags).toHaveLength(LIMITS.tags);
    expect(first?.headline.length).toBeLessThanOrEqual(LIMITS.headline + 1);
  });

  it('refuses a document larger than the document limit, saying how large', async () => {
    const huge = `{"items":[${'"x",'.repeat(LIMITS.documentBytes / 4)}"x"]}`;
    serve(`${BASE}latest/1.json`, huge, { headers: { 'Content-Type': 'application/json' } });
    const error = await failure(createNativeSource(BASE).listing({ kind: 'latest' }, 1));
    expect(error.kind).toBe('invalid-data');
    expect(error.message).toMatch(/too large to read \(at least 8\.0 MB; .* up to 8\.0 MB\)/);
  });
});

describe('direction controls and language, in every adapter', () => {
  it('closes an override a name leaves open (native)', async () => {
    serve(
      `${BASE}latest/1.json`,
      listingOf([
        story('a', { headline: `Hello ${RLO}world`, authors: [{ slug: 'x', name: `${RLO}Jane` }] }),
      ]),
    );
    const [item] = (await createNativeSource(BASE).listing({ kind: 'latest' }, 1)).items;
    expect(item?.headline).toBe(`Hello ${RLO}world${PDF}`);
    expect(item?.authors[0]?.name).toBe(`${RLO}Jane${PDF}`);
  });

  it('closes an override left open in a JSON Feed title and author', async () => {
    serve('https://feed.test/feed.json', {
      version: 'https://jsonfeed.org/version/1.1',
      title: `Feed ${RLO}name`,
      language: 'en_US',
      items: [
        { id: '1', title: `A ${RLO}headline`, authors: [{ name: `${RLO}Ann` }], content_text: 'x' },
      ],
    });
    const source = createJsonFeedSource('https://feed.test/feed.json');
    const site = await source.site();
    expect(site.name).toBe(`Feed ${RLO}name${PDF}`);
    expect(site.language).toBe('en-US');
    const [item] = (await source.listing({ kind: 'latest' }, 1)).items;
    expect(item?.headline).toBe(`A ${RLO}headline${PDF}`);
    expect(item?.authors[0]?.name).toBe(`${RLO}Ann${PDF}`);
  });

  it.each([
    ['native', 'en_US', 'en-US'],
    ['native', 'pt_PT_ao90', 'pt-PT'],
    ['wordpress', 'pt_PT_ao90', 'pt-PT'],
    ['wordpress', 'de_DE_formal', 'de-DE-formal'],
    ['jsonfeed', 'pt_PT_ao90', 'pt-PT'],
  ])('reads a %s site language %j as %j', async (type, raw, tag) => {
    let site;
    if (type === 'native') {
      serve(`${BASE}site.json`, { name: 'Site', pageSize: 10, sections: [], language: raw });
      site = await createNativeSource(BASE).site();
    } else if (type === 'wordpress') {
      const store = fakeSite();
      store.root = { ...store.root, language: raw };
      server.use(...wordPressHandlers(store, []));
      site = await createWordPressSource(WP_ROOT).site();
    } else {
      serve('https://feed.test/feed.json', {
        version: 'https://jsonfeed.org/version/1.1',
        title: 'F',
        language: raw,
        items: [],
      });
      site = await createJsonFeedSource('https://feed.test/feed.json').site();
    }
    expect(site.language).toBe(tag);
  });
});

describe('what a reader is told', () => {
  it('never shows a password from the source URL', async () => {
    const secretBase = 'https://editor:s3cret@private.test/api/';
    server.use(http.get('https://private.test/api/site.json', () => HttpResponse.error()));
    const error = await failure(createNativeSource(secretBase).site());
    const description = describeError(error, window.location.origin);
    const shown = `${description.title} ${description.detail} ${description.forOwner ?? ''} ${error.message}`;
    expect(shown).not.toMatch(/s3cret|editor/);
    expect(description.forOwner).toMatch(/^https:\/\/private\.test\/api\/site\.json could not/);
  });

  it.each([
    ['https://editor:s3cret@private.test/api/site.json', 'https://private.test/api/site.json'],
    ['https://u:p@ss@private.test/a', 'https://private.test/a'],
    [
      'see https://editor@private.test/ and http://a:b@c.test/x?y=z@w',
      'see https://private.test/ and http://c.test/x?y=z@w',
    ],
    ['https://private.test/@someone', 'https://private.test/@someone'],
  ])('takes the credentials out of %j', (text, shown) => {
    expect(withoutCredentials(text)).toBe(shown);
  });

  it('refuses a config whose source URL carries a user name or password, without repeating it', async () => {
    const config = 'https://site.test/broadsheet.config.json';
    serve(config, { source: { type: 'native', url: 'https://editor:s3cret@private.test/api/' } });
    const error: unknown = await loadConfig(config).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect(String(error)).toMatch(/user name or password/);
    expect(String(error)).not.toMatch(/s3cret/);
  });

  it('says a redirect the browser may not follow is one, instead of a dropped connection', async () => {
    const url = `${window.location.origin}/moved/site.json`;
    // The browser's fetch fails on the redirect; asked again without following it, the 301 shows.
    let asked = 0;
    server.use(
      http.get(url, () =>
        ++asked === 1
          ? HttpResponse.error()
          : new HttpResponse(null, {
              status: 301,
              headers: { Location: 'https://elsewhere.test/site.json' },
            }),
      ),
    );
    const error = await failure(fetchJson(url));
    expect(error).toMatchObject({ kind: 'network', redirected: true, crossOrigin: true });
    const { detail, forOwner } = describeError(error, window.location.origin);
    // The reader is told in plain words; the owner, what to change and which header to send.
    expect(detail).toMatch(/moved to another site, which doesn’t let this one read it/);
    expect(detail).not.toMatch(/CORS|Access-Control|https?:/);
    expect(forOwner).toContain(`${url} redirects to an address that does not allow this site`);
    expect(forOwner).toContain(
      `Point broadsheet.config.json at that address, and have it allow this site (CORS): send Access-Control-Allow-Origin: ${window.location.origin} (or *).`,
    );
  });

  it('still calls a plain dropped connection a dropped connection', async () => {
    const url = `${window.location.origin}/down/site.json`;
    server.use(http.get(url, () => HttpResponse.error()));
    const error = await failure(fetchJson(url));
    expect(error).toMatchObject({ kind: 'network', redirected: false, crossOrigin: false });
  });
});
