import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/news/formatDate.ts';
import { countWords, readingMinutes } from '../../src/news/readingTime.ts';
import { paths } from '../../src/news/paths.ts';

describe('formatDate', () => {
  const now = Date.parse('2026-11-25T12:00:00Z');
  it('is relative within the last 24 hours', () => {
    expect(formatDate('2026-11-25T09:00:00Z', now, 'en-GB')).toBe('3 hours ago');
    expect(formatDate('2026-11-25T11:35:00+00:00', now, 'en-GB')).toBe('25 minutes ago');
    expect(formatDate('2026-11-25T12:00:00Z', now, 'en-GB')).toBe('now');
  });
  it('is an absolute date after that', () => {
    expect(formatDate('2017-11-08T14:05:00+01:00', now, 'en-GB')).toBe('8 Nov 2017');
  });
  it('adds the time when asked', () => {
    expect(formatDate('2017-11-08T14:05:00Z', now, 'en-GB', { withTime: true })).toMatch(
      /^8 Nov 2017, \d\d:05$/,
    );
  });
  it('speaks the site’s language', () => {
    expect(formatDate('2017-11-08T14:05:00+01:00', now, 'fr')).toBe('8 nov. 2017');
  });
});

describe('reading time', () => {
  it('counts words, not markup', () => {
    expect(countWords('<p>Three <em>short</em> words</p><img src="x.svg" alt="">')).toBe(3);
  });
  it('reads about 230 words a minute, and at least one minute', () => {
    expect(readingMinutes(690)).toBe(3);
    expect(readingMinutes(12)).toBe(1);
  });
});

describe('paths', () => {
  it('builds listing URLs with ?page=N after the first page', () => {
    expect(paths.listing({ kind: 'tag', slug: 'climate' })).toBe('/tag/climate');
    expect(paths.listing({ kind: 'latest' }, 3)).toBe('/latest?page=3');
  });
});
