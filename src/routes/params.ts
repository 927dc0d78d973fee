import { useEffect } from 'react';
import { data, useSearchParams } from 'react-router';
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

/**
 * `?page=N`: that page; absent, or any other value than a page number
 * (`abc`, `0`, `1.5`, empty), the first page (see usePage). A page past the
 * last is the source's Not Found.
 */
export function parsePage(search: URLSearchParams): number {
  const raw = search.get('page') ?? '';
  return /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1;
}

/**
 * The page of a listing the address asks for, at its one address: with
 * `?page=1` or a page that is no page, the first page shows, and the address
 * becomes the listing's own in place of the one asked for, so that Back does
 * not return to it. (The server redirects such an address itself.)
 */
export function usePage(): number {
  const [search, setSearch] = useSearchParams();
  const page = parsePage(search);
  useEffect(() => {
    if (page === 1 && search.has('page'))
      setSearch(
        (next) => {
          next.delete('page');
          return next;
        },
        { replace: true },
      );
  }, [page, search, setSearch]);
  return page;
}

export function listingRef(kind: ListingRef['kind'], slug: string | undefined): ListingRef {
  if (kind === 'latest' || kind === 'top') return { kind };
  return { kind, slug: parseSlug(slug) };
}
