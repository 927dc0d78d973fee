import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Listing } from '../../src/news/types.ts';
import { renderApp } from './renderApp.tsx';
import { sampleDocument } from './server.ts';

describe('listing pages', () => {
  it.each([
    ['tag', 'port-avel', 'Tag'],
    ['section', 'science', 'Section'],
    ['source', 'meridian-wire', 'Source'],
    ['author', 'kofi-mensah', 'Author'],
  ])('/%s/%s shows a titled listing, newest first', async (kind, slug, kicker) => {
    const folder = { tag: 'tags', section: 'sections', source: 'sources', author: 'authors' }[kind];
    const listing = await sampleDocument<Listing>(`${folder ?? ''}/${slug}/1.json`);
    renderApp(`/${kind}/${slug}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: listing.title }),
    ).toBeInTheDocument();
    expect(screen.getByText(kicker, { selector: '.kicker' })).toBeInTheDocument();
    const headlines = within(screen.getByRole('main'))
      .getAllByRole('heading', { level: 2 })
      .map((heading) => heading.textContent);
    expect(headlines).toEqual(listing.items.map((item) => item.headline));
    const dates = listing.items.map((item) => Date.parse(item.publishedAt ?? ''));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
    await waitFor(() => {
      expect(document.title).toContain(listing.title);
    });
  });

  it('pages with ?page=N through real links', async () => {
    const page1 = await sampleDocument<Listing>('latest/1.json');
    const page2 = await sampleDocument<Listing>('latest/2.json');
    const { user, router } = renderApp('/latest');
    await screen.findByRole('heading', { level: 1, name: 'Latest News' });

    const pages = screen.getByRole('navigation', { name: 'Pages' });
    expect(within(pages).getByRole('link', { name: 'Page 2' })).toHaveAttribute(
      'href',
      '/latest?page=2',
    );
    expect(within(pages).getByRole('link', { name: 'Page 1, current page' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await user.click(within(pages).getByRole('link', { name: 'Older →' }));

    expect(
      await screen.findByRole('link', { name: page2.items[0]?.headline ?? '(missing)' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('link', { name: page1.items[0]?.headline ?? '(missing)' }),
    ).toBeNull();
    expect(router.state.location.search).toBe('?page=2');
    expect(
      screen.getByText(`${page1.total} stories, page 2 of ${page1.pageCount}`),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('navigation', { name: 'Pages' })).getByRole('link', {
        name: '← Newer',
      }),
    ).toHaveAttribute('href', '/latest');
  });

  it('never hides a single page behind "…"', async () => {
    const page1 = await sampleDocument<Listing>('latest/1.json');
    expect(page1.pageCount).toBe(5);
    renderApp('/latest?page=4');
    await screen.findByText(`${page1.total} stories, page 4 of 5`);
    const pages = screen.getByRole('navigation', { name: 'Pages' });
    // 1 2 3 4 5, not 1 … 3 4 5: the gap would hide page 2 alone.
    expect(
      within(pages)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['1', '2', '3', '4', '5']);
  });

  it('lists Top News in the order the content gives', async () => {
    const top = await sampleDocument<Listing>('top/1.json');
    renderApp('/top');
    await screen.findByRole('heading', { level: 1, name: 'Top News' });
    const headlines = within(screen.getByRole('main'))
      .getAllByRole('heading', { level: 2 })
      .map((heading) => heading.textContent);
    expect(headlines).toEqual(top.items.map((item) => item.headline));
  });

  it.each([
    ['/latest?page=abc', '/latest', 'latest/1.json'],
    ['/latest?page=1', '/latest', 'latest/1.json'],
    ['/latest?page=&from=home', '/latest?from=home', 'latest/1.json'],
    ['/tag/port-avel?page=0', '/tag/port-avel', 'tags/port-avel/1.json'],
    ['/tag/port-avel?page=-1', '/tag/port-avel', 'tags/port-avel/1.json'],
    ['/tag/port-avel?page=1.5', '/tag/port-avel', 'tags/port-avel/1.json'],
  ])('%s shows the first page at %s, and Back skips it', async (path, address, docPath) => {
    const page1 = await sampleDocument<Listing>(docPath);
    const { router } = renderApp(path, { before: ['/'] });

    await screen.findByRole('heading', { level: 1, name: page1.title });
    const lead = screen.getByRole('region', { name: 'Lead story' });
    expect(
      within(lead).getByRole('link', { name: page1.items[0]?.headline ?? '(missing)' }),
    ).toBeInTheDocument();
    await waitFor(() => {
      expect(router.state.location.pathname + router.state.location.search).toBe(address);
    });
    // In place of the address asked for: Back goes to the page before it.
    await act(() => router.navigate(-1));
    expect(await screen.findByRole('region', { name: 'Top story' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('goes to the first page from a link to a page that is no page, and Back comes back', async () => {
    const page1 = await sampleDocument<Listing>('tags/port-avel/1.json');
    const { router } = renderApp('/');
    await screen.findByRole('region', { name: 'Top story' });

    await act(() => router.navigate('/tag/port-avel?page=0'));
    expect(await screen.findByRole('heading', { level: 1, name: page1.title })).toBeInTheDocument();
    await waitFor(() => {
      expect(router.state.location.pathname + router.state.location.search).toBe('/tag/port-avel');
    });
    await act(() => router.navigate(-1));
    expect(await screen.findByRole('region', { name: 'Top story' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it.each(['/latest?page=999', '/tag/no-such-tag', '/tag/Bad_Slug'])(
    '%s is Not Found',
    async (path) => {
      renderApp(path);
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
      ).toBeInTheDocument();
    },
  );
});
