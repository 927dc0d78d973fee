import { screen, waitFor, within } from '@testing-library/react';
import { delay, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Listing } from '../../src/news/types.ts';
import { renderApp } from './renderApp.tsx';
import { API, sampleApi, sampleDocument, server } from './server.ts';

interface WireArticle {
  slug: string;
  headline: string;
  summary?: string;
  publishedAt: string;
  updatedAt?: string;
  section: { slug: string; name: string };
  source: { slug: string; name: string };
  authors?: { slug: string; name: string }[];
  tags: { slug: string; name: string }[];
  image?: {
    src: string;
    alt: string;
    caption?: string;
    credit?: string;
    width: number;
    height: number;
  };
  related: { slug: string; headline: string }[];
  body: string;
}

/** The first sample article that has everything a full article page shows. */
async function fullArticle(): Promise<WireArticle> {
  const api = await sampleApi();
  for (const docPath of api.keys()) {
    if (!docPath.startsWith('articles/')) continue;
    const article = await sampleDocument<WireArticle>(docPath);
    if (
      article.image?.caption &&
      article.authors?.length &&
      article.updatedAt &&
      article.related.length
    ) {
      return article;
    }
  }
  throw new Error('the sample needs an article with image, authors, update and related stories');
}

describe('the article page', () => {
  it('shows everything a news article page has', async () => {
    const article = await fullArticle();
    renderApp(`/article/${article.slug}`);

    const heading = await screen.findByRole('heading', { level: 1, name: article.headline });
    expect(heading).toBeInTheDocument();
    const main = screen.getByRole('main');
    if (article.summary) expect(within(main).getByText(article.summary)).toBeInTheDocument();

    const image = within(main).getByRole('img', { name: article.image?.alt ?? '(missing)' });
    expect(image).toHaveAttribute('width', String(article.image?.width));
    expect(image).toHaveAttribute('height', String(article.image?.height));
    const figure = image.closest('figure');
    expect(figure).toHaveTextContent(article.image?.caption ?? '');
    expect(figure).toHaveTextContent(article.image?.credit ?? '');

    // Byline: "By Jane Doe and Ali Karim, Source", every name a link.
    const authors = article.authors ?? [];
    const byline = within(main).getByText(/^By /, { selector: '.byline' });
    for (const author of authors) {
      expect(within(byline).getByRole('link', { name: author.name })).toHaveAttribute(
        'href',
        `/author/${author.slug}`,
      );
    }
    expect(within(byline).getByRole('link', { name: article.source.name })).toHaveAttribute(
      'href',
      `/source/${article.source.slug}`,
    );

    const times = main.querySelectorAll('time');
    expect(times[0]).toHaveAttribute('datetime', article.publishedAt);
    expect(within(main).getByText(/^Updated/, { selector: '.article__updated' })).toContainElement(
      main.querySelector(`time[datetime="${article.updatedAt ?? ''}"]`),
    );
    // Updated the day it was published: both show their time, so they can be told apart.
    if (article.updatedAt && article.updatedAt.slice(0, 10) === article.publishedAt.slice(0, 10)) {
      const clock = /\d{2}:\d{2}/;
      expect(times[0]?.textContent).toMatch(clock);
      expect(times[1]?.textContent).toMatch(clock);
    }
    expect(within(main).getByText(/\d+ min read/)).toBeInTheDocument();
    expect(within(main).getAllByRole('link', { name: article.section.name })[0]).toHaveAttribute(
      'href',
      `/section/${article.section.slug}`,
    );

    // Body, rendered (sanitized) from the document's HTML.
    const firstParagraph = /<p>(.*?)<\/p>/.exec(article.body)?.[1]?.replace(/<[^>]+>/g, '') ?? '';
    expect(main.querySelector('.article-body')).toHaveTextContent(firstParagraph.slice(0, 40));

    const moreAbout = within(main).getByRole('region', { name: 'More about' });
    for (const tag of article.tags) {
      expect(within(moreAbout).getByRole('link', { name: tag.name })).toHaveAttribute(
        'href',
        `/tag/${tag.slug}`,
      );
    }

    // Each story once on the page: related stories first, then Top News, Latest
    // News, and more from the source, each leaving out what came before.
    const headlines = (region: HTMLElement) =>
      within(region)
        .queryAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent);
    const shown = new Set([article.slug]);
    const expectBlock = (stories: { slug: string; headline: string }[], limit: number) => {
      const picked = stories.filter((story) => !shown.has(story.slug)).slice(0, limit);
      for (const story of picked) shown.add(story.slug);
      return picked.map((story) => story.headline);
    };
    // The lists beside the story have code of their own: they come a moment after it.
    const related = await within(main).findByRole('region', { name: 'Related stories' });
    const expectedRelated = expectBlock(article.related, 4);
    await within(related).findByRole('link', { name: expectedRelated[0] ?? '' });
    expect(headlines(related)).toEqual(expectedRelated);

    const aside = within(main).getByRole('complementary', { name: 'More news' });
    const top = await sampleDocument<Listing>('top/1.json');
    const latest = await sampleDocument<Listing>('latest/1.json');
    const topNews = within(aside).getByRole('region', { name: 'Top News' });
    const expectedTop = expectBlock(top.items, 5);
    await within(topNews).findByRole('link', { name: expectedTop[0] ?? '' });
    expect(headlines(topNews)).toEqual(expectedTop);
    const latestNews = within(aside).getByRole('region', { name: 'Latest News' });
    expect(headlines(latestNews)).toEqual(expectBlock(latest.items, 5));

    const fromSource = within(main).getByRole('region', {
      name: `More news from ${article.source.name}`,
    });
    const sourceListing = await sampleDocument<Listing>(`sources/${article.source.slug}/1.json`);
    const expectedFromSource = expectBlock(sourceListing.items, 4);
    const withPictures = sourceListing.items.filter(
      (item) => item.image && expectedFromSource.includes(item.headline),
    );
    expect(expectedFromSource.length).toBeGreaterThan(0);
    await within(fromSource).findByRole('link', { name: expectedFromSource[0] ?? '' });
    expect(headlines(fromSource)).toEqual(expectedFromSource);
    // Below the story, the lists show their stories' pictures.
    expect(fromSource.querySelectorAll('img')).toHaveLength(withPictures.length);
    expect(withPictures.length).toBeGreaterThan(0);

    const listed = within(main)
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent);
    expect(new Set(listed).size).toBe(listed.length);
  });

  it('sets its title, description and canonical URL (link previews’ tags come from the server)', async () => {
    const article = await fullArticle();
    renderApp(`/article/${article.slug}`);
    await screen.findByRole('heading', { level: 1, name: article.headline });

    await waitFor(() => {
      expect(document.title).toBe(`${article.headline} – The Broadsheet Sample`);
    });
    expect(document.querySelector('meta[name="description"]')).toHaveAttribute(
      'content',
      article.summary,
    );
    expect(document.querySelector('link[rel="canonical"]')).toHaveAttribute(
      'href',
      `${window.location.origin}/article/${article.slug}`,
    );
    // Open Graph and JSON-LD are read by crawlers from the page the server sends
    // (tests/server/render.test.ts); a page drawn in the browser has none.
    expect(
      document.querySelector('meta[property^="og:"], script[type="application/ld+json"]'),
    ).toBeNull();
  });

  it('opened from a listing, shows headline and byline at once while the body loads', async () => {
    const latest = await sampleDocument<Listing>('latest/1.json');
    const story = latest.items[0];
    if (!story) throw new Error('no stories');
    let releaseBody: () => void = () => undefined;
    const bodyHeld = new Promise<void>((resolve) => {
      releaseBody = resolve;
    });
    const { user } = renderApp('/latest');
    server.use(
      http.get(`${API}articles/${story.slug}.json`, async () => {
        await bodyHeld;
        await delay(1);
        return undefined; // fall through to the sample API
      }),
    );
    await user.click(await screen.findByRole('link', { name: story.headline }));

    expect(
      await screen.findByRole('heading', { level: 1, name: story.headline }),
    ).toBeInTheDocument();
    expect(screen.getByRole('status', { name: 'Loading the story' })).toBeInTheDocument();
    expect(screen.getByText(/^By /, { selector: '.byline' })).toBeInTheDocument();

    releaseBody();
    expect(await screen.findByText(/\d+ min read/)).toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'Loading the story' })).toBeNull();
  });

  it('follows a link in the body to another article without leaving the app', async () => {
    const api = await sampleApi();
    let withLink: WireArticle | undefined;
    for (const docPath of api.keys()) {
      if (!docPath.startsWith('articles/')) continue;
      const article = await sampleDocument<WireArticle>(docPath);
      if (/href="[a-z0-9-]+\.json"/.test(article.body)) {
        withLink = article;
        break;
      }
    }
    if (!withLink) throw new Error('the sample needs an article linking to another');
    const target = /href="([a-z0-9-]+)\.json"/.exec(withLink.body)?.[1] ?? '';
    const targetArticle = await sampleDocument<WireArticle>(`articles/${target}.json`);

    const { user, router } = renderApp(`/article/${withLink.slug}`);
    await screen.findByRole('heading', { level: 1, name: withLink.headline });
    const link = document.querySelector<HTMLAnchorElement>(
      `.article-body a[href="/article/${target}"]`,
    );
    if (!link) throw new Error('link not rewritten to the reader’s article page');
    await user.click(link);

    const heading = await screen.findByRole('heading', { level: 1, name: targetArticle.headline });
    expect(router.state.location.pathname).toBe(`/article/${target}`);
    // Focus moves in an effect, after the new page is on screen.
    await waitFor(() => {
      expect(heading).toHaveFocus();
    });
  });

  it('keeps each hyphenated word of its headline whole, and its name as written', async () => {
    const latest = await sampleDocument<Listing>('latest/1.json');
    const story = latest.items.find((item) => /\S-\S/.test(item.headline));
    if (!story) throw new Error('the sample needs a hyphenated headline');
    renderApp(`/article/${story.slug}`);
    const heading = await screen.findByRole('heading', { level: 1, name: story.headline });
    const words = [...heading.querySelectorAll('.nowrap')].map((word) => word.textContent);
    expect(words).toEqual(story.headline.match(/[^\s-]+(?:-[^\s-]+)+/g));
  });
});
