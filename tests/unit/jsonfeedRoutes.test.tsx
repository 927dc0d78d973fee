import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/news/types.ts';
import { createJsonFeedSource } from '../../src/sources/jsonfeed.ts';
import type { NewsSource } from '../../src/sources/NewsSource.ts';
import gazette from '../fixtures/jsonfeed/harbour-gazette.json';
import { renderApp } from './renderApp.tsx';
import { server } from './server.ts';

const FEED = 'https://feeds.test/gazette/feed.json';

function serveFeed(body: unknown, url = FEED) {
  server.use(
    http.get(
      url,
      () =>
        new HttpResponse(JSON.stringify(body), {
          headers: { 'Content-Type': 'application/feed+json' },
        }),
    ),
  );
}

/** The summary the adapter makes of a story, to know its slug. */
async function story(source: NewsSource, headline: string): Promise<Summary> {
  const found = (await source.listing({ kind: 'latest' }, 1)).items.find(
    (item) => item.headline === headline,
  );
  if (!found) throw new Error(`no story “${headline}”`);
  return found;
}

function numbered(count: number) {
  return Array.from({ length: count }, (_, index) => ({
    id: `n${index}`,
    url: `https://site.test/n${index}`,
    title: `Numbered story ${index + 1}`,
    content_html: `<p>Story ${index + 1}.</p>`,
    date_published: new Date(Date.UTC(2026, 0, 1) - index * 3_600_000).toISOString(),
  }));
}

describe('the reader on a JSON Feed', () => {
  it('front page: Top News from the priority extension, Latest News, and a block per section', async () => {
    serveFeed(gazette);
    renderApp('/', { source: createJsonFeedSource(FEED) });

    const lead = await screen.findByRole('region', { name: 'Top story' });
    expect(
      within(lead).getByRole('link', { name: 'Council approves the hill park' }),
    ).toBeVisible();
    const top = screen.getByRole('region', { name: 'Top News' });
    expect(
      within(top).getByRole('link', { name: 'Ferry service returns to the harbour' }),
    ).toBeInTheDocument();
    // The newest story is in Top News already: Latest News goes on from the next.
    const latest = screen.getByRole('region', { name: 'Latest News' });
    const latestHeadlines = within(latest)
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent);
    expect(latestHeadlines.length).toBeGreaterThan(0);
    expect(latestHeadlines).not.toContain('Ferry service returns to the harbour');
    expect(latestHeadlines).not.toContain('Council approves the hill park');

    const nav = within(screen.getByRole('banner')).getByRole('navigation', { name: 'Sections' });
    for (const [name, slug] of [
      ['Harbour', 'harbour'],
      ['Hill', 'hill'],
      ['Transport', 'transport'],
    ] as const) {
      expect(within(nav).getByRole('link', { name })).toHaveAttribute('href', `/section/${slug}`);
      const block = screen.getByRole('region', { name });
      expect(await within(block).findAllByRole('link')).not.toHaveLength(0);
    }
    expect(
      within(screen.getByRole('banner')).getByRole('link', { name: 'The Harbour & Hill Gazette' }),
    ).toHaveAttribute('href', '/');
    await waitFor(() => {
      expect(document.title).toBe('The Harbour & Hill Gazette');
    });
  });

  it('article page: headline, byline with author and feed, body text, tag links and related stories', async () => {
    serveFeed(gazette);
    const source = createJsonFeedSource(FEED);
    const ferry = await story(source, 'Ferry service returns to the harbour');
    const festival = await story(source, 'Harbour festival dates announced');
    renderApp(`/article/${ferry.slug}`, { source });

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Ferry service returns to the harbour',
      }),
    ).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(within(main).getByText('The first crossing in two years left at dawn.')).toBeVisible();

    const byline = within(main).getByText(/^By /, { selector: '.byline' });
    expect(within(byline).getByRole('link', { name: 'Mara Lind' })).toHaveAttribute(
      'href',
      '/author/mara-lind',
    );
    expect(
      within(byline).getByRole('link', { name: 'The Harbour & Hill Gazette' }),
    ).toHaveAttribute('href', '/source/the-harbour-hill-gazette');
    expect(main.querySelector('time')).toHaveAttribute('datetime', '2026-05-04T09:30:00+01:00');

    const body = await waitFor(() => {
      const found = main.querySelector('.article-body');
      if (!found) throw new Error('no body yet');
      return found;
    });
    expect(body).toHaveTextContent('The ferry left the quay at 6 o’clock, carrying 40 passengers.');
    // Relative links resolve against the item's URL; one to another item stays in the reader.
    expect(
      within(body as HTMLElement).getByRole('link', { name: 'harbour festival' }),
    ).toHaveAttribute('href', `/article/${festival.slug}`);
    expect(within(body as HTMLElement).getByRole('link', { name: 'timetable' })).toHaveAttribute(
      'href',
      'https://gazette.test/timetable',
    );
    expect(body.querySelector('img')).toHaveAttribute(
      'src',
      'https://gazette.test/images/ferry-deck.jpg',
    );

    const tags = within(main).getByRole('region', { name: 'More about' });
    expect(within(tags).getByRole('link', { name: 'Harbour' })).toHaveAttribute(
      'href',
      '/tag/harbour',
    );
    expect(within(tags).getByRole('link', { name: 'Transport' })).toHaveAttribute(
      'href',
      '/tag/transport',
    );

    const related = await within(main).findByRole('region', { name: 'Related stories' });
    expect(
      await within(related).findByRole('link', { name: 'Harbour festival dates announced' }),
    ).toBeInTheDocument();
  });

  it('a tag listing shows the stories with that tag', async () => {
    serveFeed(gazette);
    renderApp('/tag/harbour', { source: createJsonFeedSource(FEED) });
    expect(await screen.findByRole('heading', { level: 1, name: 'Harbour' })).toBeInTheDocument();
    expect(screen.getByText('3 stories')).toBeInTheDocument();
    const main = screen.getByRole('main');
    expect(
      within(main)
        .getAllByRole('heading', { level: 2 })
        .map((h) => h.textContent),
    ).toEqual([
      'Ferry service returns to the harbour',
      'Harbour festival dates announced',
      'Fish & chips shop wins national award',
    ]);
  });

  it('pages through a long feed, and a page past the last is Not Found', async () => {
    serveFeed({ version: 'https://jsonfeed.org/version/1.1', title: 'Long', items: numbered(45) });
    const source = createJsonFeedSource(FEED);
    const { user, unmount } = renderApp('/latest?page=2', { source });

    expect(await screen.findByText('45 stories, page 2 of 3')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Numbered story 21' })).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'Older →' }));
    expect(await screen.findByText('45 stories, page 3 of 3')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(5);

    unmount();
    renderApp('/latest?page=4', { source });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
  });

  it('an unknown article slug is Not Found', async () => {
    serveFeed(gazette);
    renderApp('/article/no-such-story-1x2y3z', { source: createJsonFeedSource(FEED) });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
  });

  it('a feed server error says so, and Retry loads the feed', async () => {
    let failures = 1;
    server.use(
      http.get(FEED, () => {
        if (failures-- > 0) return HttpResponse.json({}, { status: 503 });
        return HttpResponse.json(gazette);
      }),
    );
    const { user } = renderApp('/', { source: createJsonFeedSource(FEED) });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'The news server ran into a problem' }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('region', { name: 'Top story' })).toBeInTheDocument();
  });

  it('a feed whose next page fails still shows the stories that loaded', async () => {
    serveFeed({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Paged',
      next_url: 'feed-2.json',
      items: numbered(3),
    });
    server.use(http.get('https://feeds.test/gazette/feed-2.json', () => HttpResponse.error()));
    renderApp('/latest', { source: createJsonFeedSource(FEED) });
    expect(await screen.findByText('3 stories')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Numbered story 1' })).toBeInTheDocument();
  });
});
