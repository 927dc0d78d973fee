// What a <broadsheet-feed> element's attributes ask for, read leniently: a
// value that makes no sense gets a console warning and a sane default, never
// a broken host page.
import type { ListingRef, Site } from '../news/types.ts';

export const LAYOUTS = ['list', 'cards', 'compact'] as const;
export const THEMES = ['auto', 'light', 'dark'] as const;
export type Layout = (typeof LAYOUTS)[number];
export type Theme = (typeof THEMES)[number];

export const LIMIT = { min: 1, max: 20, default: 5 } as const;

export interface WidgetOptions {
  /** The listing it shows. */
  feed: ListingRef;
  limit: number;
  layout: Layout;
  theme: Theme;
  /** The heading's text, when the host gives one; else the feed's own name. */
  title: string | undefined;
  /** A broadsheet.config.json or a native API root, as written (resolved against the host page). */
  source: string | undefined;
  /** Headlines open in a new browsing context (`target="_blank"`), or in place. */
  newTab: boolean;
}

/** The attributes the element reads; a change to any of them draws it again. */
export const ATTRIBUTES = [
  'feed',
  'limit',
  'layout',
  'theme',
  'title',
  'source',
  'target',
] as const;
export type Attributes = Partial<Record<(typeof ATTRIBUTES)[number], string | null>>;

const SLUG = /^[a-z0-9-]{1,120}$/;
const KINDS = ['section', 'tag', 'source', 'author'] as const;

/** The options the attributes ask for, and a warning for each value that was not understood. */
export function readOptions(attributes: Attributes): {
  options: WidgetOptions;
  warnings: string[];
} {
  const warnings: string[] = [];
  const warn = (name: string, value: string, expected: string, fallback: string) => {
    warnings.push(
      `<broadsheet-feed>: ${name}="${value.slice(0, 80)}" is not ${expected}; using ${fallback}.`,
    );
  };
  const given = (name: keyof Attributes) => {
    const value = attributes[name]?.trim();
    return value === undefined || value === '' ? undefined : value;
  };

  let feed: ListingRef = { kind: 'latest' };
  const feedValue = given('feed');
  if (feedValue === 'latest' || feedValue === 'top') feed = { kind: feedValue };
  else if (feedValue !== undefined) {
    const [kind, slug = ''] = feedValue.split(/:(.*)/s);
    const known = KINDS.find((candidate) => candidate === kind);
    if (known && SLUG.test(slug)) feed = { kind: known, slug };
    else
      warn(
        'feed',
        feedValue,
        'latest, top, or section:, tag:, source: or author: and a slug',
        'latest',
      );
  }

  let limit: number = LIMIT.default;
  const limitValue = given('limit');
  if (limitValue !== undefined) {
    const number = Number(limitValue);
    if (Number.isInteger(number) && number >= LIMIT.min && number <= LIMIT.max) limit = number;
    else
      warn(
        'limit',
        limitValue,
        `a whole number from ${LIMIT.min} to ${LIMIT.max}`,
        String(LIMIT.default),
      );
  }

  const choice = <T extends string>(name: 'layout' | 'theme', values: readonly T[]): T => {
    const value = given(name);
    const found = values.find((candidate) => candidate === value?.toLowerCase());
    if (found) return found;
    const fallback = values[0] as T;
    if (value !== undefined) warn(name, value, `one of ${values.join(', ')}`, fallback);
    return fallback;
  };

  const target = given('target');
  if (target !== undefined && target !== '_blank' && target !== '_self')
    warn('target', target, '_blank or _self', '_self (the article opens in place)');

  return {
    options: {
      feed,
      limit,
      layout: choice('layout', LAYOUTS),
      theme: choice('theme', THEMES),
      title: given('title'),
      source: given('source'),
      newTab: target === '_blank',
    },
    warnings,
  };
}

/** "Latest News", "Top News", a section's name, or the listing's own title. */
export function defaultTitle(
  feed: ListingRef,
  site?: Site,
  listingTitle?: string,
): string | undefined {
  if (feed.kind === 'latest') return 'Latest News';
  if (feed.kind === 'top') return 'Top News';
  if (feed.kind === 'section') {
    const section = site?.sections.find((candidate) => candidate.slug === feed.slug);
    if (section) return section.name;
  }
  return listingTitle;
}
