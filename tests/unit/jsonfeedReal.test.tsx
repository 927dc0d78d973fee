import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Listing, Summary } from '../../src/news/types.ts';
import { createJsonFeedSource } from '../../src/sources/jsonfeed.ts';
import type { NewsSource } from '../../src/sources/NewsSource.ts';
import { renderApp } from './renderApp.tsx';
import { server } from './server.ts';

// Real feeds from public repositories (see ../shared/fixtures/README.md), read in place.
const dir = path.resolve('..', 'shared', 'fixtures', 'jsonfeed');
const FEED = 'https://feeds.test/real/feed.json';

function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as unknown;
}

function sourceFor(body: unknown): NewsSource {
  server.use(
    http.get(
      FEED,
      () =>
        new HttpResponse(JSON.stringify(body), {
          headers: { 'Content-Type': 'application/feed+json' },
        }),
    ),
  );
  return createJsonFeedSource(FEED);
}

async function everyStory(source: NewsSource): Promise<Summary[]> {
  const stories: Summary[] = [];
  let listing: Listing;
  let page = 1;
  do {
    listing = await source.listing({ kind: 'latest' }, page++);
    stories.push(...listing.items);
  } while (page <= listing.pageCount);
  return stories;
}

/** The fixture's items with a title added, keeping everything else as it is. */
function withTitles(feed: unknown): unknown {
  if (typeof feed !== 'object' || feed === null || !('items' in feed)) return feed;
  const items: unknown = feed.items;
  if (!Array.isArray(items)) return feed;
  return {
    ...feed,
    items: items.map((item: unknown, index) =>
      typeof item === 'object' && item !== null ? { ...item, title: `Item ${index + 1}` } : item,
    ),
  };
}

describe.skipIf(!existsSync(dir))('real JSON Feeds', () => {
  describe('Daring Fireball (1.0, 48 items)', () => {
    const feed = () => readFixture('DaringFireball.json');

    it('renders all 48 items over three pages, each with its author, from the feed as source', async () => {
      const source = sourceFor(feed());
      const site = await source.site();
      expect(site).toEqual({ name: 'Daring Fireball', sections: [], pageSize: 20 });
      const stories = await everyStory(source);
      expect(stories).toHaveLength(48);
      expect(new Set(stories.map((story) => story.slug)).size).toBe(48);
      for (const story of stories) {
        expect(story.slug).toMatch(/^[a-z0-9-]{1,120}$/);
        expect(story.authors).toEqual([
          story.headline.startsWith('[Sponsor]')
            ? {
                slug: 'daring-fireball-department-of-commerce',
                name: 'Daring Fireball Department of Commerce',
              }
            : { slug: 'john-gruber', name: 'John Gruber' },
        ]);
        expect(story.source).toEqual({ slug: 'daring-fireball', name: 'Daring Fireball' });
        expect(story.publishedAt).toMatch(/(Z|[+-]\d\d:\d\d)$/);
      }
      expect(stories[0]).toMatchObject({
        slug: expect.stringMatching(/^the-talk-show-195-[a-z0-9]+$/) as unknown,
        headline: 'The Talk Show: ‘I Do Like Throwing a Baby’',
        publishedAt: '2017-06-27T00:54:17Z',
        updatedAt: '2017-06-27T00:54:20Z',
      });
    });

    it('orders by the instant: a -04:00 sponsor post sorts among the Z times by when it happened', async () => {
      const headlines = (await everyStory(sourceFor(feed()))).map((story) => story.headline);
      expect(headlines.slice(0, 4)).toEqual([
        'The Talk Show: ‘I Do Like Throwing a Baby’',
        'Virgin Mobile Partners With Apple to Go iPhone-Only With $1 Service',
        '[Sponsor] Timing — Automatic Time Tracking for Mac',
        'The Verge: ‘Apple’s AR Is Closer to Reality Than Google’s’',
      ]);
      const sponsor = (await everyStory(sourceFor(feed()))).find((story) =>
        story.headline.startsWith('[Sponsor] Timing'),
      );
      expect(sponsor?.publishedAt).toBe('2017-06-26T19:22:44-04:00');
    });

    it('has no images, so Top News is the 20 newest items', async () => {
      const top = await sourceFor(feed()).listing({ kind: 'top' }, 1);
      expect(top).toMatchObject({ total: 20, pageCount: 1 });
      expect(top.items[0]?.headline).toBe('The Talk Show: ‘I Do Like Throwing a Baby’');
    });

    it('keeps the body as sent, with the item URL (not external_url) as its base', async () => {
      const source = sourceFor(feed());
      const stories = await everyStory(source);
      const dickbars = stories.find((story) => story.headline.includes('Dickbars'));
      const article = await source.article(dickbars?.slug ?? '');
      expect(article.baseUrl).toBe('https://daringfireball.net/2017/06/medium_dickbars');
      expect(article.body).toContain(
        '<a href="/misc/2017/06/dickbar-techcrunch.png">TechCrunch</a>',
      );
      const talkShow = await source.article(stories[0]?.slug ?? '');
      expect(talkShow.baseUrl).toBe(
        'https://daringfireball.net/linked/2017/06/26/the-talk-show-195',
      );
    });

    it('article page: root-relative links resolve on daringfireball.net, the permalink stays in the reader', async () => {
      const source = sourceFor(feed());
      const stories = await everyStory(source);
      const dickbars = stories.find((story) => story.headline.includes('Dickbars'));
      const talkShow = stories[0];
      if (!dickbars || !talkShow) throw new Error('fixture changed');

      const first = renderApp(`/article/${dickbars.slug}`, { source });
      expect(
        await screen.findByRole('heading', { level: 1, name: dickbars.headline }),
      ).toBeInTheDocument();
      const body = await waitFor(() => {
        const found = document.querySelector<HTMLElement>('.article-body');
        if (!found) throw new Error('no body yet');
        return found;
      });
      expect(body).toHaveTextContent('Medium seems to continue to grow in popularity');
      expect(within(body).getByRole('link', { name: 'TechCrunch' })).toHaveAttribute(
        'href',
        'https://daringfireball.net/misc/2017/06/dickbar-techcrunch.png',
      );
      first.unmount();

      renderApp(`/article/${talkShow.slug}`, { source });
      await screen.findByRole('heading', { level: 1, name: talkShow.headline });
      const permalink = await waitFor(() => {
        const found = document.querySelector('.article-body a[data-article]');
        if (!found) throw new Error('no permalink yet');
        return found;
      });
      expect(permalink).toHaveAttribute('href', `/article/${talkShow.slug}`);
      expect(
        within(screen.getByRole('main')).getByText(/^By /, { selector: '.byline' }),
      ).toHaveTextContent('By John Gruber, Daring Fireball');
    });
  });

  describe('inessential (1.0, 20 items)', () => {
    it('renders all 20 items with their -07:00 dates and the feed’s description', async () => {
      const source = sourceFor(readFixture('inessential.json'));
      expect(await source.site()).toMatchObject({
        name: 'inessential.com',
        description: 'Brent Simmons’s weblog.',
      });
      const stories = await everyStory(source);
      expect(stories).toHaveLength(20);
      expect(stories[0]).toMatchObject({
        headline: 'James Dempsey and the Breakpoints Benefit App Camp for Girls',
        publishedAt: '2017-06-02T22:05:47-07:00',
        authors: [{ slug: 'brent-simmons', name: 'Brent Simmons' }],
      });
      expect(stories.every((story) => story.publishedAt?.endsWith('-07:00'))).toBe(true);
    });
  });

  describe('authors (1.1)', () => {
    it('skips every item, as none has a title or any content, and still loads the site', async () => {
      const source = sourceFor(readFixture('authors.json'));
      expect((await source.site()).name).toBe('Author test feed');
      expect(await source.listing({ kind: 'latest' }, 1)).toMatchObject({
        items: [],
        pageCount: 0,
        total: 0,
      });
    });

    it('with titles added, resolves item authors, legacy author and the feed’s authors', async () => {
      const stories = await everyStory(sourceFor(withTitles(readFixture('authors.json'))));
      const names = (headline: string) =>
        stories.find((story) => story.headline === headline)?.authors.map((a) => a.name);
      expect(names('Item 1')).toEqual(['Root Author 1', 'Root Author 2']);
      expect(names('Item 2')).toEqual(['Legacy Item Author']);
      expect(names('Item 3')).toEqual(['Item Author 1', 'Item Author 2']);
      expect(names('Item 4')).toEqual(['Item Author 1', 'Item Author 2']);
    });
  });

  describe('jsonfeed-extension (1.1)', () => {
    it('ignores the _contoso extension and attachments, and makes headlines from content', async () => {
      const source = sourceFor(readFixture('jsonfeed-extension.json'));
      expect((await source.site()).name).toBe('JSON Extension test feed');
      const stories = await everyStory(source);
      expect(stories.map((story) => [story.headline, story.publishedAt])).toEqual([
        ['Second item.', '2021-03-05T13:04:04+02:00'],
        ['First item.', '2021-02-26T15:04:04+02:00'],
        ['Third item. Without an extension.', '2021-02-25T15:04:04+02:00'],
      ]);
      const article = await source.article(stories[0]?.slug ?? '');
      expect(article.body).toBe('<p>Second item.</p>');
      expect(article.baseUrl).toBe(FEED);
    });
  });
});
