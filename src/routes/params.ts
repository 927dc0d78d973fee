import { data } from 'react-router';
import type { ListingRef } from '../news/types.ts';

export const SLUG = /^[a-z0-9-]{1,120}$/;

/** A route for something that does not exist: shown as the Not Found page. */
export function notFound(): never {
  // eslint-disable-next-line @typescript-eslint/only-throw-error -- react-router's way to signal a 404
  throw data('Not Found', { status: 404, statusText: 'Not Found' });
}

export function parseSlug(slug: string | undefined): string {
  if (slug === undefined || !SLUG.test(slug)) notFound();
  return slug;
}

/** `?page=N`: absent means 1; anything but a positive whole number is Not Found. */
export function parsePage(search: URLSearchParams): number {
  const raw = search.get('page');
  if (raw === null) return 1;
  if (!/^[1-9]\d{0,5}$/.test(raw)) notFound();
  return Number(raw);
}

export function listingRef(kind: ListingRef['kind'], slug: string | undefined): ListingRef {
  if (kind === 'latest' || kind === 'top') return { kind };
  return { kind, slug: parseSlug(slug) };
}
