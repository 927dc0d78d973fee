import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatDate, sameDay, warmFormats } from '../../src/news/formatDate.ts';
import type { Listing, Summary } from '../../src/news/types.ts';
import { createJsonFeedSource } from '../../src/sources/jsonfeed.ts';
import { renderApp } from './renderApp.tsx';
import { API, sampleDocument, server } from './server.ts';

// One rule for every date (docs/design.md, "Dates"): relative within the last
// 24 hours, then "8 Nov 2017"; a time of day only beside the story's other
// date on the same day, for the publication and the update alike.

const NOW = Date.parse('2017-11-09T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// The reader's clock, frozen (Date alone: the page's timers run as usual).
beforeEach(() => {
  vi.setSystemTime(NOW);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('formatDate', () => {
  it('is relative within the last 24 hours, the date from then on', () => {
    expect(formatDate(ago(59_000), NOW, 'en-GB')).toBe('now');
    expect(formatDate(ago(MINUTE), NOW, 'en-GB')).toBe('1 minute ago');
    expect(formatDate(ago(3 * HOUR), NOW, 'en-GB')).toBe('3 hours ago');
    expect(formatDate(ago(24 * HOUR - MINUTE), NOW, 'en-GB')).toBe('23 hours ago');
    expect(formatDate(ago(24 * HOUR), NOW, 'en-GB', { timeZone: 'UTC' })).toBe('8 Nov 2017');
  });

  it('reads a date a little ahead as now (clocks disagree), days ahead as its date', () => {
    expect(formatDate(ago(-5 * MINUTE), NOW, 'en-GB')).toBe('now');
    expect(formatDate(ago(-2 * 24 * HOUR), NOW, 'en-GB', { timeZone: 'UTC' })).toBe('11 Nov 2017');
  });

  it('gives the date its time of day only when asked', () => {
    const iso = '2017-11-08T09:15:00Z';
    expect(formatDate(iso, NOW, 'en-GB', { timeZone: 'UTC' })).toBe('8 Nov 2017');
    expect(formatDate(iso, NOW, 'en-GB', { withTime: true, timeZone: 'UTC' })).toBe(
      '8 Nov 2017, 09:15',
    );
    // Relative words tell two recent dates apart already.
    expect(formatDate(ago(2 * HOUR), NOW, 'en-GB', { withTime: true })).toBe('2 hours ago');
  });

  it('tells the same day in the zone the dates are shown in', () => {
    const late = '2017-11-08T23:30:00Z';
    const early = '2017-11-09T00:30:00Z';
    expect(sameDay(late, early, 'UTC')).toBe(false);
    // 00:30 and 01:30 on 9 November in Paris.
    expect(sameDay(late, early, 'Europe/Paris')).toBe(true);
    expect(sameDay('2017-11-08T01:00:00Z', '2017-11-08T22:00:00Z', 'UTC')).toBe(true);
    expect(sameDay('2017-11-08T12:00:00Z', '2018-11-08T12:00:00Z', 'UTC')).toBe(false);
  });

  it('warms its formatters ahead for whatever a source calls its language', () => {
    // It runs while the browser is idle, where a throw would be nobody's to catch.
    for (const language of [undefined, 'en', 'fr_FR.UTF-8', 'english', 'xx-?', 'ar-EG'])
      expect(() => warmFormats(language)).not.toThrow();
    expect(formatDate('2017-11-08T10:15:00Z', Date.now(), 'fr_FR.UTF-8')).toBe('8 nov. 2017');
  });
});

/** The sample's Latest News, its first stories dated as given. */
async function serveLatest(dates: { publishedAt: string; updatedAt?: string }[]) {
  const latest = await sampleDocument<Listing>('latest/1.json');
  const items = latest.items.map((item, index) =>
    // An undefined updatedAt is left out of the JSON.
    index < dates.length ? { ...item, updatedAt: undefined, ...dates[index] } : item,
  );
  server.use(http.get(`${API}latest/1.json`, () => HttpResponse.json({ ...latest, items })));
  return items.slice(0, dates.length);
}

/** The first sample article that has a section and an update, dated as given. */
async function serveArticle(dates: { publishedAt: string; updatedAt?: string }) {
  const latest = await sampleDocument<Listing>('latest/1.json');
  const slug = latest.items.find((item) => item.updatedAt && item.section)?.slug ?? '';
  const article = await sampleDocument<Summary>(`articles/${slug}.json`);
  server.use(
    http.get(`${API}articles/${slug}.json`, () =>
      HttpResponse.json({ ...article, updatedAt: undefined, ...dates }),
    ),
  );
  return article;
}

/** The publication's and the update's dates as the article's dateline shows them. */
async function dateline(headline: string) {
  await screen.findByRole('heading', { level: 1, name: headline });
  const line = screen.getByRole('main').querySelector('.article__dateline');
  if (!(line instanceof HTMLElement)) throw new Error('no dateline');
  const updated = line.querySelector('.article__updated');
  const published = [...line.querySelectorAll('time')].find((time) => !updated?.contains(time));
  return { published: published?.textContent, updated: updated?.textContent };
}

describe('dates on the pages', () => {
  it('a card shows its publication by the rule, without the time of day', async () => {
    const stories = await serveLatest([
      { publishedAt: ago(3 * HOUR) },
      { publishedAt: ago(25 * MINUTE) },
      { publishedAt: ago(-5 * MINUTE) },
      // Updated the same day: the card shows the publication alone, so no time.
      { publishedAt: '2017-11-08T10:00:00Z', updatedAt: '2017-11-08T11:00:00Z' },
      { publishedAt: '2017-11-02T12:45:00Z' },
    ]);
    renderApp('/latest');
    await screen.findByRole('heading', { level: 1, name: 'Latest News' });

    const shown = stories.map((story) => {
      const card = screen.getByRole('link', { name: story.headline }).closest('article');
      if (!(card instanceof HTMLElement)) throw new Error(`no card for ${story.headline}`);
      return within(card).getByText(/./, { selector: 'time' }).textContent;
    });
    expect(shown).toEqual(['3 hours ago', '25 minutes ago', 'now', '8 Nov 2017', '2 Nov 2017']);
  });

  it('an article updated the day it was published shows both times', async () => {
    const article = await serveArticle({
      publishedAt: '2017-11-08T10:15:00Z',
      updatedAt: '2017-11-08T11:40:00Z',
    });
    renderApp(`/article/${article.slug}`);
    const { published, updated } = await dateline(article.headline);
    expect(published).toMatch(/^8 Nov 2017, \d\d:15$/);
    expect(updated).toMatch(/^Updated 8 Nov 2017, \d\d:40$/);
  });

  it('an article updated on another day shows both dates bare', async () => {
    const article = await serveArticle({
      publishedAt: '2017-11-06T10:15:00Z',
      updatedAt: '2017-11-08T11:40:00Z',
    });
    renderApp(`/article/${article.slug}`);
    expect(await dateline(article.headline)).toEqual({
      published: '6 Nov 2017',
      updated: 'Updated 8 Nov 2017',
    });
  });

  it('an article published and updated in the last 24 hours shows both relative', async () => {
    const article = await serveArticle({ publishedAt: ago(5 * HOUR), updatedAt: ago(HOUR) });
    renderApp(`/article/${article.slug}`);
    expect(await dateline(article.headline)).toEqual({
      published: '5 hours ago',
      updated: 'Updated 1 hour ago',
    });
  });

  it('an article updated today, published before, shows each by the rule', async () => {
    const article = await serveArticle({ publishedAt: ago(50 * HOUR), updatedAt: ago(2 * HOUR) });
    renderApp(`/article/${article.slug}`);
    expect(await dateline(article.headline)).toEqual({
      published: '7 Nov 2017',
      updated: 'Updated 2 hours ago',
    });
  });

  it('an article not yet published by the reader’s clock reads now', async () => {
    const article = await serveArticle({ publishedAt: ago(-2 * MINUTE) });
    renderApp(`/article/${article.slug}`);
    expect(await dateline(article.headline)).toEqual({ published: 'now', updated: undefined });
  });

  // Skipped until src/routes/ArticlePage.tsx gives the update the publication's
  // rule (withTime={updatedSameDay}); today an update alone shows its time.
  it('an update with no publication shows its date alone, bare', async () => {
    const feed = 'https://feeds.test/dates/feed.json';
    server.use(
      http.get(feed, () =>
        HttpResponse.json({
          version: 'https://jsonfeed.org/version/1.1',
          title: 'Dates',
          language: 'en-GB',
          items: [
            {
              id: 'undated',
              title: 'A story with only an update',
              content_html: '<p>Text.</p>',
              date_modified: '2017-11-06T10:15:00Z',
            },
          ],
        }),
      ),
    );
    const source = createJsonFeedSource(feed);
    const [story] = (await source.listing({ kind: 'latest' }, 1)).items;
    renderApp(`/article/${story?.slug ?? ''}`, { source });
    expect(await dateline('A story with only an update')).toEqual({
      published: undefined,
      updated: 'Updated 6 Nov 2017',
    });
  });
});
