import fc from 'fast-check';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createNativeSource } from '../../src/sources/native.ts';
import { SourceError } from '../../src/sources/SourceError.ts';
import { server } from './server.ts';

const BASE = 'https://native.test/api/';
const SLUG = /^[a-z0-9-]{1,120}$/;

/** Serve `body` as every document of the source. */
function serveEverything(body: string) {
  server.use(
    http.get(
      `${BASE}*`,
      () => new HttpResponse(body, { headers: { 'Content-Type': 'application/json' } }),
    ),
  );
}

async function outcome(run: () => Promise<unknown>): Promise<'value' | 'source-error'> {
  try {
    await run();
    return 'value';
  } catch (error) {
    if (error instanceof SourceError) return 'source-error';
    throw error;
  }
}

const urlish = fc.constantFrom(
  '../images/a.svg',
  'https://cdn.test/b.jpg',
  'javascript:alert(1)',
  'data:image/png;base64,AA',
  '',
  '::',
);
const dateish = fc.oneof(
  fc.constantFrom(
    '2017-11-08T14:05:00+01:00',
    '2017-11-08T14:05:00Z',
    '2017-11-08 14:05',
    'yesterday',
    '',
  ),
  fc.string(),
);
const summaryish = fc.record(
  {
    slug: fc.oneof(fc.constantFrom('a-story', 'Bad Slug', ''), fc.string()),
    headline: fc.oneof(fc.constantFrom('Headline', '<b>x</b>', '  '), fc.string()),
    publishedAt: dateish,
    updatedAt: dateish,
    image: fc.record(
      {
        src: urlish,
        alt: fc.string(),
        width: fc.oneof(fc.integer(), fc.double()),
        height: fc.integer(),
      },
      { requiredKeys: [] },
    ),
    tags: fc.array(fc.record({ slug: fc.string(), name: fc.string() }), { maxLength: 3 }),
    extra: fc.jsonValue(),
  },
  { requiredKeys: [] },
);
const listingish = fc.record(
  {
    title: fc.oneof(fc.constant('News'), fc.string()),
    page: fc.oneof(fc.constant(1), fc.integer(), fc.double()),
    pageCount: fc.oneof(fc.constant(1), fc.integer()),
    total: fc.oneof(fc.constant(1), fc.integer()),
    items: fc.array(summaryish, { maxLength: 4 }),
  },
  { requiredKeys: [] },
);

describe('the native decoder, on any input', () => {
  it('turns any JSON value into a domain value or a SourceError, never another exception', async () => {
    const source = createNativeSource(BASE);
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        serveEverything(JSON.stringify(value));
        for (const run of [
          () => source.site(),
          () => source.article('a-story'),
          () => source.listing({ kind: 'tag', slug: 'climate' }, 1),
          () => source.listing({ kind: 'latest' }, 2),
        ]) {
          expect(['value', 'source-error']).toContain(await outcome(run));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('turns documents shaped almost like listings into valid slugs and http(s) images, or a SourceError', async () => {
    const source = createNativeSource(BASE);
    await fc.assert(
      fc.asyncProperty(listingish, async (listing) => {
        serveEverything(JSON.stringify(listing));
        try {
          const result = await source.listing({ kind: 'latest' }, 1);
          for (const item of result.items) {
            expect(item.slug).toMatch(SLUG);
            if (item.image) expect(item.image.src).toMatch(/^https?:\/\//);
            if (item.publishedAt) expect(Number.isNaN(Date.parse(item.publishedAt))).toBe(false);
          }
        } catch (error) {
          expect(error).toBeInstanceOf(SourceError);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('says which document is broken when the JSON itself is broken', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string().filter((text) => {
          try {
            JSON.parse(text);
            return false;
          } catch {
            return true;
          }
        }),
        async (text) => {
          serveEverything(text);
          await expect(createNativeSource(BASE).site()).rejects.toMatchObject({
            kind: 'invalid-json',
            url: `${BASE}site.json`,
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
