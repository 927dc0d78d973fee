import { screen, waitFor, within } from '@testing-library/react';
import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import type { Listing } from '../../src/news/types.ts';
import { renderApp } from './renderApp.tsx';
import { API, sampleDocument, server } from './server.ts';

/** Fail a document `times` times, then serve it normally again. */
function failFor(docPath: string, times: number, respond: () => Response | Promise<Response>) {
  let left = times;
  server.use(
    http.get(`${API}${docPath}`, () => {
      if (left <= 0) return undefined;
      left--;
      return respond();
    }),
  );
}

async function firstArticle() {
  const latest = await sampleDocument<Listing>('latest/1.json');
  const story = latest.items[0];
  if (!story) throw new Error('no stories');
  return story;
}

describe('when things go wrong', () => {
  it('an unknown URL is a real Not Found page with a way on', async () => {
    renderApp('/no/such/page');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the front page' })).toHaveAttribute('href', '/');
    expect(screen.getByRole('banner')).toBeInTheDocument();
    await waitFor(() => {
      expect(document.title).toMatch(/^Page not found/);
    });
  });

  it('an unknown article is Not Found', async () => {
    renderApp('/article/no-such-story');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Page not found' }),
    ).toBeInTheDocument();
  });

  it('a server error says so, and Retry loads the page', async () => {
    const story = await firstArticle();
    failFor(`articles/${story.slug}.json`, 1, () => HttpResponse.json({}, { status: 503 }));
    const { user } = renderApp(`/article/${story.slug}`);

    expect(
      await screen.findByRole('heading', { level: 1, name: 'The news server ran into a problem' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/HTTP 503/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to the front page' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));

    expect(
      await screen.findByRole('heading', { level: 1, name: story.headline }),
    ).toBeInTheDocument();
  });

  it('a failed request to another origin says it may be CORS and what the site must allow; Retry works', async () => {
    // The tests' API (https://news.test) is another origin than the page: a
    // browser reports a CORS refusal exactly like this dropped connection.
    failFor('latest/1.json', 1, () => HttpResponse.error());
    const { user } = renderApp('/latest');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'We couldn’t read the news source' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        new RegExp(
          `did not allow this site to read it \\(CORS\\).*Access-Control-Allow-Origin: ${window.location.origin}`,
        ),
      ),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Latest News' }),
    ).toBeInTheDocument();
  });

  it('a server that does not answer in time gives up and says so', async () => {
    failFor('top/1.json', 1, async () => {
      await delay('infinite');
      return HttpResponse.json({});
    });
    const { user } = renderApp('/top', { timeoutMs: 200 });

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'The news server didn’t answer in time',
      }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Top News' })).toBeInTheDocument();
  });

  it('a malformed document says which document and field are wrong', async () => {
    const listing = await sampleDocument<Listing>('tags/port-avel/1.json');
    const broken = { ...listing, items: { 0: listing.items[0] } };
    failFor('tags/port-avel/1.json', 1, () => HttpResponse.json(broken));
    renderApp('/tag/port-avel');

    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'The news server sent a document we can’t read',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText(`${API}tags/port-avel/1.json`)).toBeInTheDocument();
    expect(screen.getByText(/at “items”/)).toBeInTheDocument();
  });

  it('a listing with one malformed story shows the others', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const listing = await sampleDocument<Listing>('tags/port-avel/1.json');
    const [first, ...rest] = listing.items;
    const broken = { ...listing, items: [{ ...first, publishedAt: 'yesterday' }, ...rest] };
    failFor('tags/port-avel/1.json', 1, () => HttpResponse.json(broken));
    renderApp('/tag/port-avel');

    const second = rest[0];
    if (!first || !second) throw new Error('the sample tag needs two stories');
    expect(await screen.findByRole('link', { name: second.headline })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: first.headline })).not.toBeInTheDocument();
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/items\.0\.publishedAt/));
    warn.mockRestore();
  });

  it('a document that is not JSON says so', async () => {
    failFor(
      'site.json',
      1,
      () => new HttpResponse('<html>Oops</html>', { headers: { 'Content-Type': 'text/html' } }),
    );
    renderApp('/');
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'The news server sent something we can’t read',
      }),
    ).toBeInTheDocument();
    expect(screen.getByText(`${API}site.json`)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('a failed background refetch leaves the page on screen', async () => {
    const { queryClient } = renderApp('/latest');
    const latest = await sampleDocument<Listing>('latest/1.json');
    expect(
      await screen.findByRole('link', { name: latest.items[0]?.headline ?? '(missing)' }),
    ).toBeInTheDocument();

    let failed = false;
    server.use(
      http.get(`${API}latest/1.json`, () => {
        failed = true;
        return HttpResponse.json({}, { status: 500 });
      }),
    );
    await queryClient.refetchQueries({ queryKey: ['listing'] });
    await waitFor(() => {
      expect(failed).toBe(true);
    });

    expect(screen.getByRole('heading', { level: 1, name: 'Latest News' })).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: latest.items[0]?.headline ?? '(missing)' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('a failed side block offers its own Retry and leaves the article alone', async () => {
    const story = await firstArticle();
    failFor('top/1.json', Infinity, () => HttpResponse.json({}, { status: 500 }));
    const { user } = renderApp(`/article/${story.slug}`);
    await screen.findByRole('heading', { level: 1, name: story.headline });

    const topBox = await screen.findByRole('region', { name: 'Top News' });
    await within(topBox).findByText(/These stories could not be loaded/);
    expect(screen.getByRole('heading', { level: 1, name: story.headline })).toBeInTheDocument();
    server.resetHandlers();
    await user.click(within(topBox).getByRole('button', { name: 'Retry' }));
    const top = await sampleDocument<Listing>('top/1.json');
    // Related stories come first on the page, and Top News leaves them out.
    const { related: relatedStories } = await sampleDocument<{ related: { slug: string }[] }>(
      `articles/${story.slug}.json`,
    );
    const related = new Set(relatedStories.map((item) => item.slug));
    const firstOther = top.items.find(
      (item) => item.slug !== story.slug && !related.has(item.slug),
    );
    expect(
      await within(topBox).findByRole('link', { name: firstOther?.headline ?? '(missing)' }),
    ).toBeInTheDocument();
  });
});
