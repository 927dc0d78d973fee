import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import { noMutations } from '../../src/queries/noMutations.ts';
import type { Listing, Site } from '../../src/news/types.ts';
import { FeedWidget } from '../../src/widget/FeedWidget.tsx';
import { readOptions, type Attributes } from '../../src/widget/options.ts';
import { API, sampleDocument, server } from './server.ts';

// The widget's tree under React, through real HTTP handling (MSW). The built
// widget.js, on preact/compat inside its element, is tested in Chromium
// (tests/e2e/widget.test.ts).

const SITE = new URL('../', API).href;
const CONFIG = `${SITE}broadsheet.config.json`;

function configAnswer() {
  return http.get(CONFIG, () => HttpResponse.json({ source: { type: 'native', url: 'api/' } }));
}

function renderWidget(attributes: Attributes, { active = true } = {}) {
  server.use(configAnswer());
  const requests: string[] = [];
  server.events.on('request:start', ({ request }) => requests.push(request.url));
  const queryClient = new QueryClient({
    mutationCache: noMutations(),
    defaultOptions: { queries: { retry: false } },
  });
  const { options } = readOptions({ source: CONFIG, ...attributes });
  const view = render(
    <QueryClientProvider client={queryClient}>
      <FeedWidget options={options} active={active} />
    </QueryClientProvider>,
  );
  return { ...view, requests, user: userEvent.setup() };
}

const headlinesIn = (region: HTMLElement) =>
  within(region)
    .getAllByRole('heading', { level: 3 })
    .map((heading) => heading.textContent);

afterEach(() => {
  server.events.removeAllListeners();
});

describe('the widget', () => {
  it('shows the latest five headlines under a labelled heading (the same element from the first render on), each an absolute link to the reader’s article', async () => {
    const latest = await sampleDocument<Listing>('latest/1.json');
    renderWidget({});
    const region = await screen.findByRole('region', { name: 'Latest News' });
    await within(region).findByRole('link', { name: latest.items[0]?.headline ?? '' });
    expect(headlinesIn(region)).toEqual(latest.items.slice(0, 5).map((item) => item.headline));
    for (const item of latest.items.slice(0, 5)) {
      const link = within(region).getByRole('link', { name: item.headline });
      expect(link).toHaveAttribute('href', `${SITE}article/${item.slug}`);
      expect(link).not.toHaveAttribute('target');
    }
    expect(region).toHaveAttribute('lang', (await sampleDocument<Site>('site.json')).language);
  });

  it('shows one section, as many as asked for, named after the section; cards have pictures', async () => {
    const site = await sampleDocument<Site>('site.json');
    const section = site.sections[1];
    if (!section) throw new Error('the sample has no second section');
    const listing = await sampleDocument<Listing>(`sections/${section.slug}/1.json`);
    const { container } = renderWidget({
      feed: `section:${section.slug}`,
      limit: '3',
      layout: 'cards',
    });
    const region = await screen.findByRole('region', { name: section.name });
    await within(region).findByRole('link', { name: listing.items[0]?.headline ?? '' });
    expect(headlinesIn(region)).toEqual(listing.items.slice(0, 3).map((item) => item.headline));
    const withImages = listing.items.slice(0, 3).filter((item) => item.image).length;
    expect(container.querySelectorAll('img')).toHaveLength(withImages);
    expect(withImages).toBeGreaterThan(0);
  });

  it('compact: headlines and dates, no summaries or pictures; a title and target of the host’s own', async () => {
    const top = await sampleDocument<Listing>('top/1.json');
    const { container } = renderWidget({
      feed: 'top',
      layout: 'compact',
      title: 'From our partners',
      target: '_blank',
    });
    const region = await screen.findByRole('region', { name: 'From our partners' });
    const first = await within(region).findByRole('link', { name: top.items[0]?.headline ?? '' });
    expect(first).toHaveAttribute('target', '_blank');
    expect(first).toHaveAttribute('rel', 'noopener');
    expect(container.querySelector('.story__summary')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelectorAll('time').length).toBeGreaterThan(0);
  });

  it('a tag’s widget is named after the tag', async () => {
    const tags = (await sampleDocument<{ items: { slug: string; name: string }[] }>('tags.json'))
      .items;
    const tag = tags[0];
    if (!tag) throw new Error('the sample has no tags');
    const listing = await sampleDocument<Listing>(`tags/${tag.slug}/1.json`);
    renderWidget({ feed: `tag:${tag.slug}` });
    expect(await screen.findByRole('region', { name: listing.title })).toBeInTheDocument();
  });

  it('holds the list’s place and fetches nothing until it is near the viewport', async () => {
    const { requests } = renderWidget({}, { active: false });
    const region = screen.getByRole('region', { name: 'Latest News' });
    expect(within(region).getByRole('status', { name: 'Loading headlines' })).toBeInTheDocument();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(requests).toEqual([]);
  });

  it('says what failed in a few words, and Retry shows the headlines once the source answers', async () => {
    let failing = true;
    server.use(
      http.get(`${API}latest/1.json`, () =>
        failing ? new HttpResponse('down', { status: 503 }) : undefined,
      ),
    );
    const latest = await sampleDocument<Listing>('latest/1.json');
    const { user } = renderWidget({});
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The news server ran into a problem.');
    failing = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('link', { name: latest.items[0]?.headline ?? '' }),
    ).toBeInTheDocument();
  });
});

describe('the widget’s attributes', () => {
  it('reads every documented value', () => {
    expect(
      readOptions({
        feed: 'author:kofi-mensah',
        limit: '20',
        layout: 'CARDS',
        theme: 'dark',
        title: ' Partners ',
        source: 'https://news.example/api/',
        target: '_blank',
      }),
    ).toEqual({
      options: {
        feed: { kind: 'author', slug: 'kofi-mensah' },
        limit: 20,
        layout: 'cards',
        theme: 'dark',
        title: 'Partners',
        source: 'https://news.example/api/',
        newTab: true,
      },
      warnings: [],
    });
  });

  it('defaults: the latest five, as a list, in the reader’s own colour scheme', () => {
    expect(readOptions({}).options).toEqual({
      feed: { kind: 'latest' },
      limit: 5,
      layout: 'list',
      theme: 'auto',
      title: undefined,
      source: undefined,
      newTab: false,
    });
  });

  it.each([
    ['feed', 'sports', 'latest'],
    ['feed', 'tag:', 'latest'],
    ['feed', 'tag:Not A Slug', 'latest'],
    ['limit', '0', '5'],
    ['limit', '21', '5'],
    ['limit', '2.5', '5'],
    ['limit', 'ten', '5'],
    ['layout', 'grid', 'list'],
    ['theme', 'sepia', 'auto'],
    ['target', '_top', '_self'],
  ])('%s="%s" gets a warning and the default (%s)', (name, value, fallback) => {
    const { options, warnings } = readOptions({ [name]: value });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`${name}="${value}"`);
    expect(warnings[0]).toContain(`using ${fallback}`);
    expect(options).toEqual(readOptions({}).options);
  });
});
