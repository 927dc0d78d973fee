import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createWordPressSource } from '../../src/sources/wordpress.ts';
import { renderApp } from './renderApp.tsx';
import { server } from './server.ts';

// Real WordPress responses from frontity/frontity's tests (see ../shared/fixtures/README.md),
// served as the demo site they came from. The files cannot carry WordPress's paging
// headers, so the handler adds them; the root document is ours (the files have none).
const dir = path.resolve('..', 'shared', 'fixtures', 'wordpress');
const ROOT = 'https://demo.worona.org/wp-json/';

interface RealTerm {
  id: number;
  slug: string;
  name: string;
  taxonomy: string;
}

interface RealPost {
  id: number;
  slug: string;
  date_gmt: string;
  modified_gmt: string;
  title: { rendered: string };
  author: number;
  categories: number[];
  tags: number[];
  content: { rendered: string };
  _embedded: {
    author: RealTerm[];
    'wp:featuredmedia': { source_url: string; media_details: { width: number; height: number } }[];
    'wp:term': RealTerm[][];
  };
}

function read(file: string): unknown {
  return JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
}

function realSite() {
  const pages = [
    read('posts-from-category-7.json') as RealPost[],
    read('posts-from-category-7-page-2.json') as RealPost[],
  ];
  const posts = pages.flat();
  const categories = read('categories-list.json') as RealTerm[];
  const tags = read('tags-list.json') as RealTerm[];
  const embeddedTerms = posts.flatMap((post) => post._embedded['wp:term'].flat());
  const embeddedUsers = posts.flatMap((post) => post._embedded.author);
  return { pages, posts, categories, tags, embeddedTerms, embeddedUsers };
}

type RealSite = ReturnType<typeof realSite>;

function serveRealSite(site: RealSite) {
  const bySlug = (items: { slug: string }[], slug: string | null) =>
    slug === null ? items : items.filter((item) => item.slug === slug).slice(0, 1);
  const list = (items: unknown[], total = items.length, totalPages = 1) =>
    HttpResponse.json(items as Record<string, unknown>[], {
      headers: { 'X-WP-Total': String(total), 'X-WP-TotalPages': String(totalPages) },
    });

  server.use(
    http.get(ROOT, () =>
      HttpResponse.json({
        name: 'Demo Worona',
        description: 'Just another WordPress site',
        url: 'https://demo.worona.org',
        home: 'https://demo.worona.org',
        gmt_offset: '0',
      }),
    ),
    http.get(`${ROOT}wp/v2/categories`, ({ request }) => {
      const slug = new URL(request.url).searchParams.get('slug');
      if (slug === null) return list(site.categories);
      const known = [
        ...site.categories,
        ...site.embeddedTerms.filter((t) => t.taxonomy === 'category'),
      ];
      return list(bySlug(known, slug));
    }),
    http.get(`${ROOT}wp/v2/tags`, ({ request }) => {
      const slug = new URL(request.url).searchParams.get('slug');
      const known = [...site.tags, ...site.embeddedTerms.filter((t) => t.taxonomy === 'post_tag')];
      return list(bySlug(known, slug));
    }),
    http.get(`${ROOT}wp/v2/users`, ({ request }) =>
      list(bySlug(site.embeddedUsers, new URL(request.url).searchParams.get('slug'))),
    ),
    http.get(`${ROOT}wp/v2/posts`, ({ request }) => {
      const params = new URL(request.url).searchParams;
      const slug = params.get('slug');
      if (slug !== null) return list(bySlug(site.posts, slug));
      if (params.get('sticky') === 'true') return list([]);
      const tag = params.get('tags');
      if (tag !== null) return list(site.posts.filter((post) => post.tags.includes(Number(tag))));
      const author = params.get('author');
      if (author !== null) return list(site.posts.filter((post) => post.author === Number(author)));
      const category = params.get('categories');
      if (category !== null && category !== '7') return list([]);
      // Category 7 holds every post of the files: the two pages of the real query.
      const page = site.pages[Number(params.get('page') ?? '1') - 1];
      if (!page)
        return HttpResponse.json(
          { code: 'rest_post_invalid_page_number', data: { status: 400 } },
          { status: 400 },
        );
      return list(page, site.posts.length, site.pages.length);
    }),
  );
}

describe.skipIf(!existsSync(dir))('the WordPress adapter on real WordPress responses', () => {
  it('maps every post of both pages of a category, with author, image, terms and dates', async () => {
    const site = realSite();
    serveRealSite(site);
    const source = createWordPressSource(ROOT);
    const first = await source.listing({ kind: 'section', slug: 'nature' }, 1);
    const second = await source.listing({ kind: 'section', slug: 'nature' }, 2);
    expect(first).toMatchObject({ title: 'Nature', page: 1, pageCount: 2, total: 10 });
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: 10 });

    const items = [...first.items, ...second.items];
    expect(items.map((item) => item.slug)).toEqual(site.posts.map((post) => post.slug));
    for (const [index, item] of items.entries()) {
      const post = site.posts[index];
      if (!post) throw new Error('fewer posts than items');
      expect(item.publishedAt).toBe(`${post.date_gmt}Z`);
      expect(item.updatedAt).toBe(`${post.modified_gmt}Z`);
      expect(item.authors).toEqual([
        { slug: post._embedded.author[0]?.slug, name: post._embedded.author[0]?.name },
      ]);
      expect(item.source).toEqual({ slug: 'demo-worona', name: 'Demo Worona' });
      expect(item.section?.slug).toBe(post._embedded['wp:term'][0]?.[0]?.slug);
      expect(item.tags.map((tag) => tag.slug)).toEqual(
        post._embedded['wp:term']
          .flat()
          .filter((t) => t.taxonomy === 'post_tag')
          .map((t) => t.slug),
      );
      const media = post._embedded['wp:featuredmedia'][0];
      expect(item.image).toMatchObject({
        src: media?.source_url,
        width: media?.media_details.width,
        height: media?.media_details.height,
      });
      expect(item.summary?.length).toBeGreaterThan(20);
      expect(item.summary).not.toContain('Continue reading');
    }
    expect(items.map((item) => item.headline)).toContain('Switzerland’s Mountains');
    expect(items.map((item) => item.headline)).toContain('The Land of Fire & Ice');
    // The site's own taxonomy "latest" is neither a section nor a tag.
    expect(items.flatMap((item) => item.tags).map((tag) => tag.name)).not.toContain('Posts');

    await expect(source.listing({ kind: 'section', slug: 'nature' }, 3)).rejects.toMatchObject({
      kind: 'not-found',
    });
  });

  it('takes the sections from the real categories: top-level first, then the child', async () => {
    serveRealSite(realSite());
    const site = await createWordPressSource(ROOT).site();
    expect(site.sections).toEqual([
      { slug: 'cities', name: 'Cities' },
      { slug: 'culture', name: 'Culture' },
      { slug: 'architecture', name: 'Architecture' },
    ]);
    expect(site).toMatchObject({ name: 'Demo Worona', pageSize: 10 });
  });

  it('resolves a tag of the real tags list to its posts', async () => {
    serveRealSite(realSite());
    const listing = await createWordPressSource(ROOT).listing({ kind: 'tag', slug: 'alps' }, 1);
    expect(listing.title).toBe('Alps');
    expect(listing.items.map((item) => item.headline)).toEqual(['Switzerland’s Mountains']);
  });

  it('shows a real category listing and pages to its second page', async () => {
    const site = realSite();
    serveRealSite(site);
    const { user } = renderApp('/section/nature', { source: createWordPressSource(ROOT) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Nature' })).toBeInTheDocument();
    expect(screen.getByText('10 stories, page 1 of 2')).toBeInTheDocument();
    const headlines = within(screen.getByRole('main'))
      .getAllByRole('heading', { level: 2 })
      .map((heading) => heading.textContent);
    expect(headlines).toEqual([
      'Shinjuku Gyoen National Garden',
      'Antelope Canyon',
      'Kebumen City',
      'Banff National Park',
      'The Al Hajar Mountains',
    ]);
    await user.click(
      within(screen.getByRole('navigation', { name: 'Pages' })).getByRole('link', {
        name: 'Older →',
      }),
    );
    expect(await screen.findByRole('link', { name: 'The Land of Fire & Ice' })).toHaveAttribute(
      'href',
      '/article/iceland',
    );
  });

  it('shows a real post as an article page, its link to another post opening in the reader', async () => {
    serveRealSite(realSite());
    renderApp('/article/discovering-iceland', { source: createWordPressSource(ROOT) });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Discovering Iceland' }),
    ).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(within(main).getByText(/^By /, { selector: '.byline' })).toHaveTextContent(
      'By Alan Martin, Demo Worona',
    );
    // The lead image first; the body has pictures with the same alt text.
    expect(within(main).getAllByRole('img', { name: 'iceland' })[0]).toHaveAttribute(
      'src',
      'https://demo.worona.org/wp-content/uploads/2016/11/Iceland5.jpg',
    );
    const body = await waitFor(() => {
      const found = main.querySelector('.article-body');
      expect(found).toHaveTextContent('1,300 known species');
      return found;
    });
    if (!(body instanceof HTMLElement)) throw new Error('no article body');
    const [toPost, toWikipedia] = within(body).getAllByRole('link', { name: 'Iceland' });
    expect(toPost).toHaveAttribute('href', '/article/iceland');
    expect(toWikipedia).toHaveAttribute(
      'href',
      'https://en.wikipedia.org/wiki/Iceland#Biodiversity',
    );
    const moreAbout = within(main).getByRole('region', { name: 'More about' });
    expect(within(moreAbout).getByRole('link', { name: 'Animals' })).toHaveAttribute(
      'href',
      '/tag/animals',
    );
  });
});
