import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Listing, Site } from '../../src/news/types.ts';
import { renderApp } from './renderApp.tsx';
import { sampleDocument } from './server.ts';

describe('the front page', () => {
  it('shows the top story large, more Top News, Latest News and a block per section', async () => {
    const top = await sampleDocument<Listing>('top/1.json');
    const latest = await sampleDocument<Listing>('latest/1.json');
    const site = await sampleDocument<Site>('site.json');
    renderApp('/');

    const lead = await screen.findByRole('region', { name: 'Top story' });
    const [leadStory, secondStory] = top.items;
    if (!leadStory || !secondStory) throw new Error('the sample needs two Top News stories');
    expect(within(lead).getByRole('link', { name: leadStory.headline })).toHaveAttribute(
      'href',
      `/article/${leadStory.slug}`,
    );

    const topNews = screen.getByRole('region', { name: 'Top News' });
    expect(within(topNews).getByRole('link', { name: secondStory.headline })).toBeInTheDocument();

    const latestNews = screen.getByRole('region', { name: 'Latest News' });
    expect(within(latestNews).getAllByRole('heading', { level: 3 })).toHaveLength(8);
    expect(within(latestNews).getAllByRole('heading', { level: 3 })[0]).toHaveTextContent(
      latest.items[0]?.headline ?? '',
    );

    for (const section of site.sections) {
      const block = screen.getByRole('region', { name: section.name });
      const sectionListing = await sampleDocument<Listing>(`sections/${section.slug}/1.json`);
      expect(
        await within(block).findByRole('link', {
          name: sectionListing.items[0]?.headline ?? '(missing)',
        }),
      ).toBeInTheDocument();
    }
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
});
