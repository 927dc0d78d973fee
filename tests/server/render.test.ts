import { PREPAINT_SCRIPT } from '../../src/settings/prepaint.ts';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Listing, Site } from '../../src/news/types.ts';
import { STATE_ELEMENT_ID, type PageState } from '../../src/pageState.ts';
import { SHARE_TAGS } from '../../src/routes/Layout.tsx';
import { API, sampleDocument, server } from '../unit/server.ts';
import { READER, renderPage } from './renderPage.ts';

interface WireArticle {
  slug: string;
  headline: string;
  summary: string;
  publishedAt: string;
  updatedAt?: string;
  section: { slug: string; name: string };
  source: { slug: string; name: string };
  tags: { slug: string; name: string }[];
  image?: { src: string; alt: string; width: number; height: number };
  related: { slug: string; headline: string }[];
  body: string;
}

const text = (element: Element | null | undefined) =>
  (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
const meta = (document: Document, key: string) =>
  [...document.head.querySelectorAll(`meta[property="${key}"], meta[name="${key}"]`)].map((tag) =>
    tag.getAttribute('content'),
  );
const state = (document: Document): PageState =>
  JSON.parse(document.getElementById(STATE_ELEMENT_ID)?.textContent ?? 'null') as PageState;

/** Every script in the page is a file or a data block: nothing inline that could run. */
/** No inline script runs but the head's one for the reader's settings (the policy allows it by its hash). */
function expectNoInlineScript(document: Document) {
  const inline: string[] = [];
  for (const script of document.querySelectorAll('script')) {
    const type = script.getAttribute('type');
    if (script.hasAttribute('src')) expect(type).toBe('module');
    else if (type === null) inline.push(script.textContent);
    else expect(['application/json', 'application/ld+json']).toContain(type);
  }
  expect(inline).toEqual([PREPAINT_SCRIPT]);
}

async function firstArticle(): Promise<WireArticle> {
  const latest = await sampleDocument<Listing>('latest/1.json');
  const slug = latest.items.find((item) => item.image && item.tags.length > 0)?.slug ?? '';
  return sampleDocument<WireArticle>(`articles/${slug}.json`);
}

describe('the server render', () => {
  it('renders the front page with its stories, sections and state, and no inline script', async () => {
    const site = await sampleDocument<Site>('site.json');
    const top = await sampleDocument<Listing>('top/1.json');
    const { response, document } = await renderPage('/');

    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(document.title).toBe(site.name);
    expect(document.documentElement.lang).toBe(site.language);
    const main = document.querySelector('main');
    expect(
      text(main?.querySelector('[aria-label="Top story"] h2, [aria-label="Top story"] h3')),
    ).toBe(top.items[0]?.headline);
    for (const section of site.sections) {
      expect(text(main), `the ${section.name} block`).toContain(section.name);
    }
    expect(main?.querySelector('[role="status"]'), 'a placeholder left in the page').toBeNull();
    expectNoInlineScript(document);
    const page = state(document);
    expect(page.path).toBe('/');
    expect(page.clock.timeZone).toBe('UTC');
    const keys = page.queries.queries.map((query) => JSON.stringify(query.queryKey));
    expect(keys).toContainEqual(JSON.stringify(['listing', `native:${API}`, { kind: 'top' }, 1]));
  });

  it('renders an article with everything a crawler reads in its head, within the first 32 KB', async () => {
    const article = await firstArticle();
    const { response, html, document } = await renderPage(`/article/${article.slug}`);

    expect(response.status).toBe(200);
    const headEnd = new TextEncoder().encode(html.slice(0, html.indexOf('</head>'))).length;
    expect(headEnd).toBeLessThan(32 * 1024);
    expect(document.title).toContain(article.headline);
    expect(meta(document, 'description')).toEqual([article.summary]);
    const canonical = `${READER}/article/${article.slug}`;
    expect(document.head.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
      canonical,
    );
    expect(meta(document, 'og:type')).toEqual(['article']);
    expect(meta(document, 'og:title')).toEqual([article.headline]);
    expect(meta(document, 'og:url')).toEqual([canonical]);
    expect(meta(document, 'og:image')).toEqual([
      new URL(article.image?.src ?? '', `${API}articles/${article.slug}.json`).href,
    ]);
    expect(meta(document, 'og:image:width')).toEqual([String(article.image?.width)]);
    expect(meta(document, 'og:image:height')).toEqual([String(article.image?.height)]);
    expect(meta(document, 'article:published_time')).toEqual([article.publishedAt]);
    expect(meta(document, 'article:section')).toEqual([article.section.name]);
    expect(meta(document, 'article:tag')).toEqual(article.tags.map((tag) => tag.name));
    expect(meta(document, 'twitter:card')).toEqual(['summary_large_image']);
    expect(meta(document, 'twitter:title')).toEqual([article.headline]);
    // Only the server writes these, all in the head, where the reader finds them to take out when it moves on.
    expect(document.head.querySelectorAll(SHARE_TAGS).length).toBe(
      document.querySelectorAll(
        'meta[property], meta[name^="twitter:"], script[type="application/ld+json"]',
      ).length,
    );
    expect(document.querySelectorAll('script[type="application/ld+json"]')).toHaveLength(1);
    const ld = JSON.parse(
      document.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}',
    ) as Record<string, unknown>;
    expect(ld).toMatchObject({
      '@type': 'NewsArticle',
      headline: article.headline,
      url: canonical,
      datePublished: article.publishedAt,
      dateModified: article.updatedAt ?? article.publishedAt,
    });

    const main = document.querySelector('main');
    expect(text(main?.querySelector('h1'))).toBe(article.headline);
    expect(main?.querySelector('.article-body p')).not.toBeNull();
    expect(main?.querySelector('time')?.getAttribute('datetime')).toBe(article.publishedAt);
    expect(text(main)).toContain(`More news from ${article.source.name}`);
    for (const tag of article.tags)
      expect(main?.querySelector(`a[href="/tag/${tag.slug}"]`)).not.toBeNull();
    const aside = main?.querySelector('aside[aria-label="More news"]');
    expect(text(aside)).toContain('Latest News');
    expect(text(aside)).toContain('Top News');
    expect(aside?.querySelectorAll('a[href^="/article/"]').length).toBeGreaterThan(4);
    expect(main?.querySelector('[role="status"]'), 'a placeholder left in the page').toBeNull();
    expectNoInlineScript(document);
  });

  it('renders listings with real paging links', async () => {
    const page2 = await sampleDocument<Listing>('latest/2.json');
    const { response, document } = await renderPage('/latest?page=2');
    expect(response.status).toBe(200);
    const pages = document.querySelector('nav[aria-label="Pages"]');
    expect(pages?.querySelector('a[href="/latest"]')).not.toBeNull();
    expect(text(document.querySelector('main'))).toContain(page2.items[0]?.headline);
  });

  it.each([
    ['/', '/about', ''],
    ['/news/', '/news/about', '/news'],
  ])(
    'renders the About page with its heading and canonical link, under base %s',
    async (base, path, root) => {
      const site = await sampleDocument<Site>('site.json');
      const { response, document } = await renderPage(path, { base });
      expect(response.status).toBe(200);
      expect(text(document.querySelector('main h1'))).toBe(`About ${site.name}`);
      expect(document.title).toBe(`About ${site.name}`);
      expect(document.head.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(
        `${READER}${root}/about`,
      );
      const footer = document.querySelector('footer nav[aria-label="Footer"]');
      expect(footer?.querySelector(`a[href="${root}/about"]`)).not.toBeNull();
      for (const section of site.sections)
        expect(
          document.querySelector(`main a[href="${root}/section/${section.slug}"]`),
          section.name,
        ).not.toBeNull();
      expectNoInlineScript(document);
    },
  );

  it.each([
    ['an unknown address', '/no/such/page'],
    ['an unknown article', '/article/no-such-story'],
    ['a page past the last', '/latest?page=999'],
  ])('answers 404 with the Not Found page for %s', async (_, path) => {
    const { response, document } = await renderPage(path);
    expect(response.status).toBe(404);
    expect(text(document.querySelector('h1'))).toMatch(/not found/i);
  });

  it.each([
    ['/latest?page=1', '/latest'],
    ['/article/some-story/', '/article/some-story'],
    ['/tag/port-avel/?page=1', '/tag/port-avel'],
  ])('redirects %s to its one address, %s', async (path, location) => {
    const { response } = await renderPage(path);
    expect(response.status).toBe(301);
    expect(response.headers.get('Location')).toBe(location);
  });

  it('answers 502 with the error page and a Retry when the source fails', async () => {
    server.use(http.get(`${API}site.json`, () => new HttpResponse('oops', { status: 500 })));
    const { response, document } = await renderPage('/');
    expect(response.status).toBe(502);
    expect(text(document.querySelector('main'))).toMatch(/news server ran into a problem/i);
    expect([...document.querySelectorAll('button')].map(text)).toContain('Retry');
  });

  it('answers 503 when the source says it is unavailable, 504 when it does not answer in time', async () => {
    server.use(http.get(`${API}site.json`, () => new HttpResponse('busy', { status: 503 })));
    expect((await renderPage('/')).response.status).toBe(503);
    server.use(
      http.get(`${API}site.json`, async () => {
        await delay('infinite');
        return HttpResponse.json({});
      }),
    );
    const late = await renderPage('/', { timeoutMs: 200 });
    expect(late.response.status).toBe(504);
    expect(text(late.document.querySelector('main'))).toMatch(/didn’t answer in time/);
  });

  it('keeps breakout strings from the source as data in the head, the state and the page', async () => {
    const breakout = '</script><!--</ScRiPt >\u2028\u2029"\'&<b>x</b>';
    const article = await firstArticle();
    const hostile = {
      ...article,
      headline: `Headline ${breakout}`,
      summary: `Summary ${breakout}`,
      authors: [{ slug: 'someone', name: `Author ${breakout}` }],
      tags: [{ slug: 'hostile', name: `Tag ${breakout}` }],
      ...(article.image ? { image: { ...article.image, caption: `Caption ${breakout}` } } : {}),
    };
    server.use(http.get(`${API}articles/${article.slug}.json`, () => HttpResponse.json(hostile)));
    const { html, document } = await renderPage(`/article/${article.slug}`);

    // Four scripts (the settings', the entry, the JSON-LD, the state), and only four ends of one.
    expect(document.querySelectorAll('script')).toHaveLength(4);
    expect(html.match(/<\/script/gi)).toHaveLength(4);
    expect(html).not.toContain('<!--</');
    expectNoInlineScript(document);
    expect(document.querySelector('main b'), 'markup from a headline').toBeNull();

    // The adapter collapses white space (U+2028 and U+2029 among it); everything else arrives intact.
    const norm = (value: string | null | undefined) => (value ?? '').replace(/\s+/g, ' ').trim();
    expect(norm(document.title)).toBe(norm(`${hostile.headline} – The Broadsheet Sample`));
    expect(meta(document, 'og:title').map(norm)).toEqual([norm(hostile.headline)]);
    expect(meta(document, 'description').map(norm)).toEqual([norm(hostile.summary)]);
    expect(meta(document, 'article:tag').map(norm)).toEqual([norm(hostile.tags[0]?.name)]);
    const ld = JSON.parse(
      document.querySelector('script[type="application/ld+json"]')?.textContent ?? '{}',
    ) as { headline: string; author: { name: string }[] };
    expect(norm(ld.headline)).toBe(norm(hostile.headline));
    expect(norm(ld.author[0]?.name)).toBe(norm(hostile.authors[0]?.name));

    const cached = state(document).queries.queries.find((query) => query.queryKey[0] === 'article');
    const data = cached?.state.data as
      | { headline: string; summary: string; authors: { name: string }[]; tags: { name: string }[] }
      | undefined;
    expect(norm(data?.headline)).toBe(norm(hostile.headline));
    expect(norm(data?.summary)).toBe(norm(hostile.summary));
    expect(norm(data?.authors[0]?.name)).toBe(norm(hostile.authors[0]?.name));
    expect(norm(data?.tags[0]?.name)).toBe(norm(hostile.tags[0]?.name));
    const main = document.querySelector('main');
    expect(text(main?.querySelector('h1'))).toBe(norm(hostile.headline));
    expect(text(main)).toContain(norm(`Author ${breakout}`));
    expect(text(main)).toContain(norm(`Caption ${breakout}`));
  });
});
