import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createWordPressSource } from '../../src/sources/wordpress.ts';
import { fakeSite, wordPressHandlers, WP_ROOT } from '../fixtures/wordpress/fakeWordPress.ts';
import { renderApp } from './renderApp.tsx';
import { server } from './server.ts';

/** The reader at `path`, reading the fake WordPress site. */
function renderWordPress(path: string, store = fakeSite()) {
  server.use(...wordPressHandlers(store));
  return renderApp(path, { source: createWordPressSource(WP_ROOT) });
}

describe('the reader on a WordPress site', () => {
  it('the front page shows the sticky post as top story, Latest News and the category sections', async () => {
    renderWordPress('/');

    const lead = await screen.findByRole('region', { name: 'Top story' });
    expect(
      within(lead).getByRole('link', { name: 'Harbour reopens after the storm’s damage' }),
    ).toHaveAttribute('href', '/article/harbour-reopens');

    const latest = screen.getByRole('region', { name: 'Latest News' });
    const headlines = within(latest).getAllByRole('heading', { level: 3 });
    expect(headlines).toHaveLength(8);
    // The top story is not repeated below it.
    expect(headlines[0]).toHaveTextContent('Council votes on the new budget');
    expect(headlines[1]).toHaveTextContent('Новости дня');

    const nav = within(screen.getByRole('banner')).getByRole('navigation', { name: 'Sections' });
    const sectionLinks = within(nav)
      .getAllByRole('link')
      .filter((link) => link.getAttribute('href')?.startsWith('/section/'));
    expect(sectionLinks.map((link) => link.textContent)).toEqual([
      'Sport & Leisure',
      'World',
      'Uncategorized',
      'Politics',
    ]);
    // The category's newest posts, less those already above it.
    const sport = screen.getByRole('region', { name: 'Sport & Leisure' });
    expect(within(latest).getByRole('link', { name: 'Filler story 1' })).toHaveAttribute(
      'href',
      '/article/filler-story-1',
    );
    const inSport = await within(sport).findAllByRole('heading', { level: 3 });
    const above = headlines.map((heading) => heading.textContent);
    for (const heading of inSport) expect(above).not.toContain(heading.textContent);
    await waitFor(() => {
      expect(document.title).toBe('The Daily Fixture & Co');
    });
  });

  it('the article page shows headline, byline, image, body and tag links', async () => {
    renderWordPress('/article/harbour-reopens');

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Harbour reopens after the storm’s damage',
      }),
    ).toBeInTheDocument();
    const main = screen.getByRole('main');
    const byline = within(main).getByText(/^By /, { selector: '.byline' });
    expect(byline).toHaveTextContent('By Jane Doe, The Daily Fixture & Co');
    expect(within(byline).getByRole('link', { name: 'Jane Doe' })).toHaveAttribute(
      'href',
      '/author/jane-doe',
    );
    expect(within(byline).getByRole('link', { name: 'The Daily Fixture & Co' })).toHaveAttribute(
      'href',
      '/source/the-daily-fixture-co',
    );

    const image = within(main).getByRole('img', { name: 'Boats in the harbour at dawn' });
    expect(image).toHaveAttribute('src', 'https://wp.test/wp-content/uploads/2024/05/harbour.jpg');
    expect(image.closest('figure')).toHaveTextContent('The harbour & its boats');
    expect(main.querySelector('time')).toHaveAttribute('datetime', '2024-05-02T08:00:00Z');

    const body = await waitFor(() => {
      const found = main.querySelector('.article-body');
      expect(found).toHaveTextContent('The harbour reopened on Thursday');
      return found;
    });
    if (!(body instanceof HTMLElement)) throw new Error('no article body');
    // A link to another post of the site opens it in the reader; others stay absolute.
    expect(within(body).getByRole('link', { name: 'voted the money' })).toHaveAttribute(
      'href',
      '/article/council-votes',
    );
    expect(within(body).getByRole('link', { name: 'the plan' })).toHaveAttribute(
      'href',
      'https://wp.test/wp-content/uploads/plan.pdf',
    );

    const moreAbout = within(main).getByRole('region', { name: 'More about' });
    expect(within(moreAbout).getByRole('link', { name: 'Climate' })).toHaveAttribute(
      'href',
      '/tag/climate',
    );
    expect(within(moreAbout).getByRole('link', { name: 'Rock & Roll' })).toHaveAttribute(
      'href',
      '/tag/rock-and-roll',
    );
    // The lists below the story have code of their own: they come a moment after it.
    const fromSource = await within(main).findByRole('region', {
      name: 'More news from The Daily Fixture & Co',
    });
    // The site's other posts, less those the feeds beside the article already show.
    const aside = within(main).getByRole('complementary', { name: 'More news' });
    await within(within(aside).getByRole('region', { name: 'Latest News' })).findByRole('link', {
      name: 'Council votes on the new budget',
    });
    const more = await within(fromSource).findAllByRole('heading', { level: 3 });
    expect(more.length).toBeGreaterThan(0);
    const besides = within(aside)
      .getAllByRole('heading', { level: 3 })
      .map((heading) => heading.textContent);
    for (const heading of more) expect(besides).not.toContain(heading.textContent);
  });

  it('a tag listing shows the tag’s posts, newest first', async () => {
    renderWordPress('/tag/climate');
    expect(await screen.findByRole('heading', { level: 1, name: 'Climate' })).toBeInTheDocument();
    const headlines = within(screen.getByRole('main'))
      .getAllByRole('heading', { level: 2 })
      .map((heading) => heading.textContent);
    expect(headlines).toEqual([
      'Harbour reopens after the storm’s damage',
      'Council votes on the new budget',
      'Filler story 1',
      'Filler story 3',
      'Filler story 5',
      'Filler story 7',
    ]);
    expect(screen.getByText('6 stories')).toBeInTheDocument();
  });

  it('pages through Latest News with the X-WP-TotalPages header', async () => {
    const { user, router } = renderWordPress('/latest');
    await screen.findByRole('heading', { level: 1, name: 'Latest News' });
    const pages = screen.getByRole('navigation', { name: 'Pages' });
    await user.click(within(pages).getByRole('link', { name: 'Older →' }));

    expect(await screen.findByRole('link', { name: 'Filler story 7' })).toBeInTheDocument();
    expect(router.state.location.search).toBe('?page=2');
    expect(screen.getByText('12 stories, page 2 of 2')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Filler story 1' })).toBeNull();
  });

  it('opens posts, tags and authors whose WordPress slugs are not usable by their id', async () => {
    renderWordPress('/article/id-19');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Новости дня' }),
    ).toBeInTheDocument();
    expect(
      within(screen.getByRole('region', { name: 'More about' })).getByRole('link', {
        name: '日本',
      }),
    ).toHaveAttribute('href', '/tag/id-12');
  });

  it('an author with an underscore in the slug has a listing', async () => {
    renderWordPress('/author/id-2');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Seán O’Brien' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Council votes on the new budget' }),
    ).toBeInTheDocument();
  });

  it('a password-protected post says it can only be read on the site', async () => {
    renderWordPress('/article/members-only');
    await screen.findByRole('heading', { level: 1, name: 'Members only' });
    expect(await screen.findByText(/This story is protected by a password/)).toHaveTextContent(
      'it can only be read on The Daily Fixture & Co.',
    );
  });

  it.each(['/article/no-such-story', '/tag/no-such-tag', '/author/nobody', '/latest?page=3'])(
    '%s is Not Found',
    async (path) => {
      renderWordPress(path);
      expect(
        await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
      ).toBeInTheDocument();
    },
  );

  it('a server error says so, and Retry loads the page', async () => {
    let failures = 1;
    server.use(...wordPressHandlers(fakeSite()));
    server.use(
      http.get(`${WP_ROOT}wp/v2/posts`, () => {
        if (failures-- <= 0) return undefined;
        return HttpResponse.json(
          { code: 'internal_server_error', message: 'There has been a critical error.' },
          { status: 500 },
        );
      }),
    );
    const { user } = renderApp('/tag/climate', { source: createWordPressSource(WP_ROOT) });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'The news server ran into a problem' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/HTTP 500/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Climate' })).toBeInTheDocument();
  });

  it('a root URL that is not a WordPress API says which document is wrong', async () => {
    const store = fakeSite();
    store.root = { message: 'This is not WordPress' };
    renderWordPress('/', store);
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'The news server sent a document we can’t read',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText(/at “name”/)).toBeInTheDocument();
  });
});
