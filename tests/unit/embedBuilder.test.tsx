import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it } from 'vitest';
import type { Listing, Site, Summary } from '../../src/news/types.ts';
import { countFacets } from '../../src/queries/facets.ts';
import { createNativeSource } from '../../src/sources/native.ts';
import { renderApp } from './renderApp.tsx';
import { API, sampleDocument, server } from './server.ts';

// The embed builder (/embed) through the real router and real HTTP handling:
// feeds from the site's own sections and its latest stories' tags, sources and
// authors; the code of both forms and the preview follow every choice.

const ORIGIN = window.location.origin;

/** Every story on the sample's Latest News pages (as many as the builder reads), as the native adapter reads them. */
async function latestStories(): Promise<Summary[]> {
  const source = createNativeSource(API);
  const first = await source.listing({ kind: 'latest' }, 1);
  const rest = await Promise.all(
    Array.from({ length: Math.min(first.pageCount, 5) - 1 }, (_, index) =>
      source.listing({ kind: 'latest' }, index + 2),
    ),
  );
  return [first, ...rest].flatMap((listing) => listing.items);
}

function snippetText(name: string): string {
  const heading = screen.getByRole('heading', { level: 3, name });
  const block = heading.closest('.embed-snippet');
  const pre = block?.querySelector('pre');
  if (!pre?.textContent) throw new Error(`No code under ${name}`);
  return pre.textContent;
}

afterEach(() => {
  // The builder writes its choice into the (one) window's address.
  window.history.replaceState(null, '', '/');
});

describe('the embed builder', () => {
  it('offers the site’s sections and its latest stories’ tags, sources and authors, most used first', async () => {
    const site = await sampleDocument<Site>('site.json');
    const facets = countFacets(await latestStories());
    renderApp('/embed');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Embed the news' }),
    ).toBeInTheDocument();
    const feed = screen.getByRole('combobox', { name: 'Feed' });
    const group = (label: string) =>
      within(within(feed).getByRole('group', { name: label }))
        .getAllByRole('option')
        .map((option) => [option.getAttribute('value'), option.textContent]);
    expect(group('News')).toEqual([
      ['latest', 'Latest News'],
      ['top', 'Top News'],
    ]);
    expect(group('Sections')).toEqual(
      site.sections.map((section) => [`section:${section.slug}`, section.name]),
    );
    expect(facets.tags.length).toBeGreaterThan(3);
    expect(group('Tags')).toEqual(
      facets.tags.map((tag) => [`tag:${tag.slug}`, `${tag.name} (${String(tag.count)})`]),
    );
    expect(group('Sources')).toEqual(
      facets.sources.map((source) => [
        `source:${source.slug}`,
        `${source.name} (${String(source.count)})`,
      ]),
    );
    expect(group('Authors')).toEqual(
      facets.authors.map((author) => [
        `author:${author.slug}`,
        `${author.name} (${String(author.count)})`,
      ]),
    );
    const counts = facets.tags.map((tag) => tag.count);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(
      screen.getByText(new RegExp(`of the ${String(facets.stories)} latest stories`)),
    ).toBeInTheDocument();
    await waitFor(() => {
      expect(document.title).toBe(`Embed the news – ${site.name}`);
    });
  });

  it('starts with Latest News, five in a list: the defaults, in both forms', async () => {
    renderApp('/embed');
    await screen.findByRole('heading', { level: 1, name: 'Embed the news' });
    expect(screen.getByRole('combobox', { name: 'Feed' })).toHaveValue('latest');
    expect(screen.getByRole('combobox', { name: 'Headlines' })).toHaveValue('5');
    expect(screen.getByRole('radio', { name: /^List/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: /^Automatic/ })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: 'Open headlines in a new tab' })).not.toBeChecked();
    expect(snippetText('One script tag')).toBe(
      `<script type="module" src="${ORIGIN}/widget.js"></script>\n<broadsheet-feed feed="latest"></broadsheet-feed>`,
    );
    expect(snippetText('Iframe')).toBe(
      [
        '<iframe',
        `  src="${ORIGIN}/embed/feed?feed=latest"`,
        '  title="Latest News"',
        '  loading="lazy"',
        '  style="width: 100%; border: 0"',
        '></iframe>',
        `<script type="module" src="${ORIGIN}/embed.js"></script>`,
      ].join('\n'),
    );
    expect(screen.getByTitle('Preview: Latest News')).toHaveAttribute(
      'src',
      '/embed/feed?feed=latest',
    );
  });

  it('follows every choice: the code at once, the preview and the address when typing pauses', async () => {
    const site = await sampleDocument<Site>('site.json');
    const section = site.sections[1];
    if (!section) throw new Error('The sample needs two sections');
    const { user } = renderApp('/embed');
    await screen.findByRole('heading', { level: 1, name: 'Embed the news' });

    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Feed' }),
      `section:${section.slug}`,
    );
    await user.selectOptions(screen.getByRole('combobox', { name: 'Headlines' }), '3');
    await user.click(screen.getByRole('radio', { name: /^Cards/ }));
    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    await user.click(screen.getByRole('checkbox', { name: 'Open headlines in a new tab' }));

    const attributes = `feed="section:${section.slug}" limit="3" layout="cards" theme="dark" target="_blank"`;
    expect(snippetText('One script tag')).toContain(
      `<broadsheet-feed ${attributes}></broadsheet-feed>`,
    );
    const query = `feed=section%3A${section.slug}&limit=3&layout=cards&theme=dark&target=_blank`;
    expect(snippetText('Iframe')).toContain(
      `src="${ORIGIN}/embed/feed?${query.replaceAll('&', '&amp;')}"`,
    );
    expect(snippetText('Iframe')).toContain(`title="${section.name}"`);
    await waitFor(() => {
      expect(screen.getByTitle(`Preview: ${section.name}`)).toHaveAttribute(
        'src',
        `/embed/feed?${query}`,
      );
    });
    expect(window.location.pathname + window.location.search).toBe(`/embed?${query}`);
    // The field being changed keeps focus: the address changes without a navigation.
    expect(screen.getByRole('checkbox', { name: 'Open headlines in a new tab' })).toHaveFocus();
  });

  it('writes a heading the publisher types into both forms, escaped, whatever it holds', async () => {
    const { user } = renderApp('/embed');
    await screen.findByRole('heading', { level: 1, name: 'Embed the news' });
    const title = screen.getByRole('textbox', { name: 'Heading' });
    expect(title).toHaveAttribute('placeholder', 'Latest News');
    await user.type(title, 'News "&" <b>more</b>');
    expect(snippetText('One script tag')).toContain(
      'title="News &quot;&amp;&quot; &lt;b&gt;more&lt;/b&gt;"',
    );
    expect(snippetText('Iframe')).toContain(
      'title="News &quot;&amp;&quot; &lt;b&gt;more&lt;/b&gt;"',
    );
    expect(snippetText('Iframe')).toContain(
      'feed=latest&amp;title=News+%22%26%22+%3Cb%3Emore%3C%2Fb%3E',
    );
    await waitFor(() => {
      expect(screen.getByTitle('Preview: News "&" <b>more</b>')).toHaveAttribute(
        'src',
        '/embed/feed?feed=latest&title=News+%22%26%22+%3Cb%3Emore%3C%2Fb%3E',
      );
    });
  });

  it('opens on the choice its address names, even a feed the lists do not hold', async () => {
    renderApp('/embed?feed=tag:not-recent&limit=12&layout=compact&theme=light');
    await screen.findByRole('heading', { level: 1, name: 'Embed the news' });
    const feed = screen.getByRole('combobox', { name: 'Feed' });
    expect(feed).toHaveValue('tag:not-recent');
    expect(
      within(within(feed).getByRole('group', { name: 'Tags' })).getByRole('option', {
        name: 'not-recent',
      }),
    ).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Headlines' })).toHaveValue('12');
    expect(screen.getByRole('radio', { name: /^Compact/ })).toBeChecked();
    expect(screen.getByRole('radio', { name: 'Light' })).toBeChecked();
    expect(snippetText('One script tag')).toContain(
      '<broadsheet-feed feed="tag:not-recent" limit="12" layout="compact" theme="light"></broadsheet-feed>',
    );
  });

  it('reads an address it cannot use as the defaults', async () => {
    renderApp('/embed?feed=%3Cscript%3E&limit=99&layout=grid&theme=neon');
    await screen.findByRole('heading', { level: 1, name: 'Embed the news' });
    expect(screen.getByRole('combobox', { name: 'Feed' })).toHaveValue('latest');
    expect(screen.getByRole('combobox', { name: 'Headlines' })).toHaveValue('5');
    expect(snippetText('One script tag')).toContain(
      '<broadsheet-feed feed="latest"></broadsheet-feed>',
    );
  });

  it('copies each snippet to the clipboard and says so', async () => {
    const { user } = renderApp('/embed?feed=top');
    await screen.findByRole('heading', { level: 1, name: 'Embed the news' });
    const copyButtons = await screen.findAllByRole('button', { name: 'Copy' });
    expect(copyButtons).toHaveLength(2);
    await user.click(screen.getByRole('button', { name: 'Copy', description: 'Iframe' }));
    expect(await navigator.clipboard.readText()).toBe(snippetText('Iframe'));
    expect(screen.getAllByRole('status').map((status) => status.textContent)).toContain('Copied.');
    await user.click(screen.getByRole('button', { name: 'Copy', description: 'One script tag' }));
    expect(await navigator.clipboard.readText()).toBe(snippetText('One script tag'));
  });

  it('still offers every feed when a later page of Latest News fails', async () => {
    const second = await sampleDocument<Listing>('latest/2.json');
    const left = (await latestStories()).length - second.items.length;
    server.use(http.get(`${API}latest/2.json`, () => HttpResponse.json({}, { status: 500 })));
    renderApp('/embed');
    await screen.findByRole('heading', { level: 1, name: 'Embed the news' });
    expect(
      screen.getByText(new RegExp(`of the ${String(left)} latest stories`)),
    ).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Tags' })).toBeInTheDocument();
  });

  it('says what went wrong, with Retry, when the latest stories cannot be read', async () => {
    server.use(http.get(`${API}latest/1.json`, () => HttpResponse.error()));
    const { user } = renderApp('/embed');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'We couldn’t read the news source' }),
    ).toBeInTheDocument();
    server.resetHandlers();
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Embed the news' }),
    ).toBeInTheDocument();
  });
});
