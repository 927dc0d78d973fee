import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Site } from '../../src/news/types.ts';
import { renderApp } from './renderApp.tsx';
import { API, sampleDocument, server } from './server.ts';

/** The footer's navigation, once the page above it has rendered. */
async function footerNav(path: string) {
  const view = renderApp(path);
  await screen.findByRole('heading', { level: 1 });
  const footer = screen.getByRole('contentinfo');
  return { ...view, footer, nav: within(footer).getByRole('navigation', { name: 'Footer' }) };
}

describe('the site footer', () => {
  it.each(['/', '/latest', '/no/such/page'])(
    'on %s leads to every section, the feeds, About and the embed builder',
    async (path) => {
      const site = await sampleDocument<Site>('site.json');
      const { footer, nav } = await footerNav(path);

      const links = within(nav)
        .getAllByRole('link')
        .map((link) => [link.textContent, link.getAttribute('href')]);
      expect(links).toEqual([
        ...site.sections.map((section) => [section.name, `/section/${section.slug}`]),
        ['Latest News', '/latest'],
        ['Top News', '/top'],
        ['About', '/about'],
        ['Embed these headlines', '/embed'],
      ]);
      expect(footer).toHaveTextContent(site.name);
      expect(footer).toHaveTextContent(site.description ?? '(no description)');
      expect(footer).toHaveTextContent('Read with Broadsheet, an open-source news reader.');
    },
  );

  it('takes a reader from the keyboard to the About page', async () => {
    const site = await sampleDocument<Site>('site.json');
    const { nav, user, router } = await footerNav('/');
    const about = within(nav).getByRole('link', { name: 'About' });

    // A link is in the tab order unless something takes it out.
    expect(about).not.toHaveAttribute('tabindex');
    about.focus();
    expect(about).toHaveFocus();
    await user.keyboard('{Enter}');

    expect(
      await screen.findByRole('heading', { level: 1, name: `About ${site.name}` }),
    ).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/about');
  });

  it('lists no sections when the site has none', async () => {
    const site = await sampleDocument<Site>('site.json');
    server.use(http.get(`${API}site.json`, () => HttpResponse.json({ ...site, sections: [] })));
    const { nav } = await footerNav('/latest');
    expect(within(nav).getAllByRole('list')).toHaveLength(1);
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual(['Latest News', 'Top News', 'About', 'Embed these headlines']);
  });
});

describe('the About page', () => {
  it('says what the site is, where it leads, and that it is read with Broadsheet', async () => {
    const site = await sampleDocument<Site>('site.json');
    renderApp('/about');

    expect(
      await screen.findByRole('heading', { level: 1, name: `About ${site.name}` }),
    ).toBeInTheDocument();
    const main = within(screen.getByRole('main'));
    expect(main.getByText(site.description ?? '(no description)')).toBeInTheDocument();

    const sections = within(main.getByRole('region', { name: 'Sections' }));
    expect(
      sections.getAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]),
    ).toEqual(site.sections.map((section) => [section.name, `/section/${section.slug}`]));

    const feeds = within(main.getByRole('region', { name: 'Latest and Top News' }));
    expect(feeds.getByRole('link', { name: 'Latest News' })).toHaveAttribute('href', '/latest');
    expect(feeds.getByRole('link', { name: 'Top News' })).toHaveAttribute('href', '/top');
    expect(
      within(main.getByRole('region', { name: 'Headlines on your site' })).getByRole('link', {
        name: 'embed builder',
      }),
    ).toHaveAttribute('href', '/embed');
    expect(main.getByRole('region', { name: 'This reader' })).toHaveTextContent(
      'Broadsheet, an open-source news reader',
    );

    await waitFor(() => {
      expect(document.title).toBe(`About ${site.name}`);
    });
    expect(document.querySelector('meta[name="description"]')).toHaveAttribute(
      'content',
      site.description,
    );
    expect(document.querySelector('link[rel="canonical"]')).toHaveAttribute(
      'href',
      `${window.location.origin}/about`,
    );
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('is reached from a listing through the footer, and its sections lead on', async () => {
    const site = await sampleDocument<Site>('site.json');
    const section = site.sections[1];
    if (!section) throw new Error('The sample site needs two sections');
    const { nav, user } = await footerNav('/latest');
    await user.click(within(nav).getByRole('link', { name: 'About' }));
    await screen.findByRole('heading', { level: 1, name: `About ${site.name}` });

    await user.click(
      within(screen.getByRole('region', { name: 'Sections' })).getByRole('link', {
        name: section.name,
      }),
    );
    expect(
      await screen.findByRole('heading', { level: 1, name: section.name }),
    ).toBeInTheDocument();
  });
});
