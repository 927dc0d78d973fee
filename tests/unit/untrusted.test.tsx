import { screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Listing } from '../../src/news/types.ts';
import { renderApp } from './renderApp.tsx';
import { API, sampleDocument, server } from './server.ts';

const attack = '<img src=x onerror="window.__pwned=1">';

describe('strings from a source', () => {
  it('are shown as text, never as HTML, in headlines, captions and names', async () => {
    const article = await sampleDocument<Record<string, unknown>>(
      'articles/cape-merrow-comet.json',
    );
    server.use(
      http.get(`${API}articles/cape-merrow-comet.json`, () =>
        HttpResponse.json({
          ...article,
          headline: `Comet ${attack}`,
          summary: `<b>bold</b> claim`,
          authors: [{ slug: 'someone', name: `<script>alert(1)</script>Someone` }],
          image: {
            src: '../images/b-comet.svg',
            alt: 'A comet',
            caption: `Caption ${attack}`,
            credit: '<i>Credit</i>',
          },
          body: `<p>Safe paragraph</p>${attack}<script>window.__pwned=2</script>`,
        }),
      ),
    );
    renderApp('/article/cape-merrow-comet');

    expect(
      await screen.findByRole('heading', { level: 1, name: `Comet ${attack}` }),
    ).toBeInTheDocument();
    expect(screen.getByText('<b>bold</b> claim')).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: '<script>alert(1)</script>Someone' }),
    ).toBeInTheDocument();
    expect(screen.getByText(`Caption ${attack}`, { exact: false })).toBeInTheDocument();
    await screen.findByText('Safe paragraph');
    const main = screen.getByRole('main');
    expect(main.querySelector('script, [onerror], b, i')).toBeNull();
    expect(main.querySelectorAll('img[src="x"]')).toHaveLength(0);
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('prefetching', () => {
  it('starts loading an article when the reader points at or focuses its link', async () => {
    const latest = await sampleDocument<Listing>('latest/1.json');
    const story = latest.items[2];
    if (!story) throw new Error('no stories');
    const requested: string[] = [];
    server.events.on('request:start', ({ request }) => {
      requested.push(new URL(request.url).pathname);
    });
    const { user } = renderApp('/latest');
    const link = await screen.findByRole('link', { name: story.headline });
    expect(requested).not.toContain(`/api/articles/${story.slug}.json`);

    await user.hover(link);
    await waitFor(() => {
      expect(requested).toContain(`/api/articles/${story.slug}.json`);
    });
    server.events.removeAllListeners();
  });
});
