import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Listing, Site } from '../../src/news/types.ts';
import { renderApp } from './renderApp.tsx';
import { API, sampleDocument, server } from './server.ts';

describe('the front page', () => {
  it('shows the top story large, more Top News, Latest News and a block per section, each story once', async () => {
    const top = await sampleDocument<Listing>('top/1.json');
    const latest = await sampleDocument<Listing>('latest/1.json');
    const site = await sampleDocument<Site>('site.json');
    renderApp('/');

    const lead = await screen.findByRole('region', { name: 'Top story' });
    const [leadStory, ...moreTop] = top.items;
    if (!leadStory || moreTop.length < 5) throw new Error('the sample needs six Top News stories');
    expect(within(lead).getByRole('link', { name: leadStory.headline })).toHaveAttribute(
      'href',
      `/article/${leadStory.slug}`,
    );
    const headlines = (region: HTMLElement) =>
      within(region)
        .queryAllByRole('heading', { level: 3 })
        .map((heading) => heading.textContent);

    const topNews = screen.getByRole('region', { name: 'Top News' });
    expect(headlines(topNews)).toEqual(moreTop.slice(0, 5).map((story) => story.headline));

    // Latest News leaves out what Top News shows.
    const shown = new Set([leadStory, ...moreTop.slice(0, 5)].map((story) => story.slug));
    const latestExpected = latest.items.filter((story) => !shown.has(story.slug)).slice(0, 8);
    expect(latestExpected.length).toBeLessThan(latest.items.length);
    const latestNews = screen.getByRole('region', { name: 'Latest News' });
    expect(headlines(latestNews)).toEqual(latestExpected.map((story) => story.headline));
    for (const story of latestExpected) shown.add(story.slug);

    // Each section block: its newest stories that are not already above.
    for (const section of site.sections) {
      const block = screen.getByRole('region', { name: section.name });
      const sectionListing = await sampleDocument<Listing>(`sections/${section.slug}/1.json`);
      const expected = sectionListing.items.filter((story) => !shown.has(story.slug)).slice(0, 4);
      if (expected.length === 0) {
        expect(
          await within(block).findByText(`The latest ${section.name} stories are above.`),
        ).toBeInTheDocument();
        continue;
      }
      await within(block).findByRole('link', { name: expected[0]?.headline ?? '' });
      expect(headlines(block)).toEqual(expected.map((story) => story.headline));
    }

    // No story's headline twice on the page.
    const links = within(screen.getByRole('main'))
      .getAllByRole('link')
      .map((link) => link.getAttribute('href') ?? '')
      .filter((href) => href.startsWith('/article/'));
    expect(links.length).toBeGreaterThan(20);
    expect(new Set(links).size).toBe(links.length);
  });

  it('has the site header with section navigation, a footer, one h1 and its own title', async () => {
    const site = await sampleDocument<Site>('site.json');
    renderApp('/');
    await screen.findByRole('region', { name: 'Top story' });

    const header = screen.getByRole('banner');
    expect(within(header).getByRole('link', { name: site.name })).toHaveAttribute('href', '/');
    const nav = within(header).getByRole('navigation', { name: 'Sections' });
    for (const section of site.sections) {
      expect(within(nav).getByRole('link', { name: section.name })).toHaveAttribute(
        'href',
        `/section/${section.slug}`,
      );
    }
    expect(screen.getByRole('contentinfo')).toHaveTextContent(site.name);
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
    await waitFor(() => {
      expect(document.title).toBe(site.name);
    });
    expect(document.querySelector('meta[name="description"]')).toHaveAttribute(
      'content',
      site.description,
    );
    expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
  });

  it('asks for Top and Latest before any section block, without waiting for site.json', async () => {
    const asked: string[] = [];
    const record = ({ request }: { request: Request }) => {
      asked.push(request.url.slice(API.length));
    };
    server.events.on('request:start', record);
    try {
      renderApp('/');
      await screen.findByRole('region', { name: 'Top story' });
      await waitFor(() => {
        expect(asked.filter((url) => url.startsWith('sections/')).length).toBeGreaterThan(0);
      });
    } finally {
      server.events.removeListener('request:start', record);
    }
    // The page's first documents go out together: Top and Latest do not queue behind
    // site.json, nor behind the section blocks, which wait for site.json to name them.
    const firstSection = asked.findIndex((url) => url.startsWith('sections/'));
    expect(asked.slice(0, 3).sort()).toEqual(['latest/1.json', 'site.json', 'top/1.json']);
    expect(firstSection).toBeGreaterThanOrEqual(3);
  });
});
