import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import type { Article, Listing, ListingRef, Ref, Site, Summary } from '../../src/news/types.ts';
import { createJsonFeedSource } from '../../src/sources/jsonfeed.ts';
import type { NewsSource } from '../../src/sources/NewsSource.ts';
import { SourceError } from '../../src/sources/SourceError.ts';
import { dateTimeSchema } from '../../src/sources/validate.ts';
import { server } from './server.ts';

const FEED = 'https://feeds.test/property/feed.json';
const SLUG = /^[a-z0-9-]{1,120}$/;
/**
 * A tag or comment left in a string that should be plain text. A lone `<` or
 * `</` is text (the HTML parser reads it so), as in the WordPress property test.
 */
const MARKUP = /<\/?[a-z][^<>]*>|<!--/i;

// Strings a feed might send where plain text belongs: markup, entities, XSS
// payloads, raw-text elements whose content the HTML parser keeps verbatim.
const fragments = [
  'Tom &amp; Jerry&#8217;s',
  '<b>Bold</b> move',
  '<img src=x onerror="alert(1)">',
  '<script>alert("<i>x</i>")</script>',
  '<textarea><b>inside</b></textarea>',
  '<title><u>t</u></title>',
  '<iframe><em>f</em></iframe>',
  '<noscript><p>n</p></noscript>',
  '<plaintext><s>rest',
  '<xmp><i>x</i></xmp>',
  '<style>b { color: red }</style>',
  '<svg><script>alert(1)</script><title><b>s</b></title></svg>',
  '<!-- <b>comment</b> -->',
  '<a href="javascript:alert(1)">link</a>',
  'a < b > c',
  '  spaced\n\tout  ',
  'Élan',
  '',
];

/**
 * Characters with no '&' and no '<': the only markup in the input comes from
 * the fragments above. (A '<' that is text may legitimately meet the text after
 * a tag: "<<b>Bold</b>" is "<Bold" in a browser too, and so in the adapter.)
 */
const plainString = fc.string().map((text) => text.replace(/&/g, '+').replace(/</g, '‹'));
const markupText = fc
  .array(fc.oneof(plainString, fc.constantFrom(...fragments)), { maxLength: 4 })
  .map((parts) => parts.join(''));
/** content_text is plain text by definition: a '<' in it would be a character, not markup. */
const plainText = plainString;
const urlish = fc.oneof(
  fc.constantFrom(
    'https://site.test/a/b',
    'https://site.test/posts/story.html',
    '/root/relative.png',
    'relative/img.jpg',
    '../up.gif',
    '//cdn.test/proto-relative.jpg',
    'javascript:alert(1)',
    'data:image/png;base64,AAAA',
    'ftp://files.test/x',
    'http://[not a host',
    '',
  ),
  fc.webUrl(),
  plainString,
);
const dateish = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2999-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString()),
  fc.constantFrom(
    '2017-11-08T14:05:00+01:00',
    '2017-11-08T14:05:00',
    '2017-11-08',
    '2017-02-30T10:00:00Z',
    '2017-11-08 14:05:00-0430',
    'Wed, 08 Nov 2017 14:05:00 GMT',
  ),
  plainString,
);

/** Any JSON value but a string: strings come only from the arbitraries above. */
const wrongType = fc.jsonValue().filter((value) => typeof value !== 'string');

/** Usually the right type, sometimes any other JSON value. */
function field<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 4, arbitrary }, { weight: 1, arbitrary: wrongType });
}

const person = fc.record(
  { name: field(markupText), url: field(urlish), avatar: field(urlish) },
  { requiredKeys: [] },
);

const item = fc.record(
  {
    id: field(fc.oneof(plainString, fc.integer(), fc.webUrl())),
    url: field(urlish),
    external_url: field(urlish),
    title: field(markupText),
    summary: field(markupText),
    content_html: field(markupText),
    content_text: field(plainText),
    image: field(urlish),
    banner_image: field(urlish),
    date_published: field(dateish),
    date_modified: field(dateish),
    author: field(person),
    authors: field(fc.array(field(person), { maxLength: 3 })),
    tags: field(fc.array(field(markupText), { maxLength: 4 })),
    _broadsheet: field(fc.record({ priority: field(fc.integer({ min: -5, max: 5 })) })),
  },
  { requiredKeys: [] },
);

const almostFeed = fc.record(
  {
    version: field(
      fc.constantFrom('https://jsonfeed.org/version/1.1', 'https://jsonfeed.org/version/1'),
    ),
    title: field(markupText),
    home_page_url: field(urlish),
    description: field(markupText),
    language: field(fc.oneof(fc.constantFrom('en', 'en-GB', 'pt-br', 'xx-!!', ''), plainString)),
    next_url: field(urlish),
    author: field(person),
    authors: field(fc.array(field(person), { maxLength: 3 })),
    items: field(
      fc.array(fc.oneof({ weight: 5, arbitrary: item }, { weight: 1, arbitrary: wrongType }), {
        maxLength: 8,
      }),
    ),
  },
  { requiredKeys: ['version', 'items'] },
);

/** Serve `body` at every URL, so next_url (wherever it points) reads it too. */
function serveEverywhere(body: unknown) {
  server.use(
    http.get(
      '*',
      () =>
        new HttpResponse(JSON.stringify(body), {
          headers: { 'Content-Type': 'application/feed+json' },
        }),
    ),
  );
}

/** Resolve to the value, or to the SourceError; anything else thrown fails the property. */
async function settle<T>(promise: Promise<T>): Promise<T | SourceError> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw new Error(`threw something other than a SourceError: ${String(error)}`, { cause: error });
  }
}

function checkPlain(text: string | undefined, what: string) {
  if (text === undefined) return;
  expect(text, what).not.toMatch(MARKUP);
}

function checkRef(ref: Ref | undefined, what: string) {
  if (!ref) return;
  expect(ref.slug, `${what} slug`).toMatch(SLUG);
  expect(ref.name.trim(), `${what} name`).not.toBe('');
  checkPlain(ref.name, `${what} name`);
}

function checkSummary(summary: Summary) {
  expect(summary.slug).toMatch(SLUG);
  expect(summary.headline.trim()).not.toBe('');
  checkPlain(summary.headline, 'headline');
  checkPlain(summary.summary, 'summary');
  for (const date of [summary.publishedAt, summary.updatedAt]) {
    if (date !== undefined) expect(v.is(dateTimeSchema, date), date).toBe(true);
  }
  checkRef(summary.section, 'section');
  checkRef(summary.source, 'source');
  for (const author of summary.authors) checkRef(author, 'author');
  for (const tag of summary.tags) checkRef(tag, 'tag');
  if (summary.image) {
    expect(['http:', 'https:']).toContain(new URL(summary.image.src).protocol);
    checkPlain(summary.image.alt, 'alt');
  }
}

function checkListing(listing: Listing) {
  checkPlain(listing.title, 'listing title');
  expect(listing.items.length).toBeLessThanOrEqual(20);
  expect(listing.pageCount).toBe(Math.ceil(listing.total / 20));
  for (const summary of listing.items) checkSummary(summary);
}

function checkArticle(article: Article) {
  checkSummary(article);
  expect(typeof article.body).toBe('string');
  expect(['http:', 'https:']).toContain(new URL(article.baseUrl).protocol);
  expect(article.related.length).toBeLessThanOrEqual(3);
  for (const summary of article.related) checkSummary(summary);
}

function checkSite(site: Site) {
  expect(site.name.trim()).not.toBe('');
  checkPlain(site.name, 'site name');
  checkPlain(site.description, 'description');
  if (site.language !== undefined)
    expect(() => Intl.getCanonicalLocales(site.language)).not.toThrow();
  expect(site.pageSize).toBe(20);
  for (const section of site.sections) checkRef(section, 'section');
}

/** Every method, on everything the feed offers and a few things it does not. */
async function exercise(source: NewsSource, strangeSlug: string, page: number) {
  const site = await settle(source.site());
  if (!(site instanceof SourceError)) checkSite(site);

  const refs: ListingRef[] = [
    { kind: 'latest' },
    { kind: 'top' },
    { kind: 'tag', slug: strangeSlug },
    { kind: 'author', slug: strangeSlug },
  ];
  const latest = await settle(source.listing({ kind: 'latest' }, 1));
  const slugs = new Set<string>([strangeSlug]);
  if (!(latest instanceof SourceError)) {
    for (const story of latest.items) {
      slugs.add(story.slug);
      if (story.source) refs.push({ kind: 'source', slug: story.source.slug });
      if (story.section) refs.push({ kind: 'section', slug: story.section.slug });
      for (const tag of story.tags) refs.push({ kind: 'tag', slug: tag.slug });
      for (const author of story.authors) refs.push({ kind: 'author', slug: author.slug });
    }
  }
  for (const ref of refs) {
    for (const number of [1, page]) {
      const listing = await settle(source.listing(ref, number));
      if (!(listing instanceof SourceError)) checkListing(listing);
    }
  }
  for (const slug of slugs) {
    const article = await settle(source.article(slug));
    if (!(article instanceof SourceError)) checkArticle(article);
  }
  for (const url of ['https://site.test/a/b', strangeSlug, 'not a url']) {
    const slug = source.articleSlugFromUrl(url);
    if (slug !== undefined) expect(slug).toMatch(SLUG);
  }
}

const strangeSlug = fc.oneof(fc.string(), fc.constantFrom('a', '../../x', 'UPPER', ''));
const pageNumber = fc.oneof(fc.integer({ min: -2, max: 4 }), fc.constant(1.5));

describe('the JSON Feed adapter, for any input', () => {
  it('turns any JSON value into domain values or a SourceError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), strangeSlug, pageNumber, async (body, slug, page) => {
        serveEverywhere(body);
        await exercise(createJsonFeedSource(FEED), slug, page);
      }),
      { numRuns: 100 },
    );
  }, 30_000);

  it('turns documents shaped almost like feeds into plain text, valid slugs and http(s) images', async () => {
    await fc.assert(
      fc.asyncProperty(almostFeed, strangeSlug, pageNumber, async (body, slug, page) => {
        serveEverywhere(body);
        await exercise(createJsonFeedSource(FEED), slug, page);
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
