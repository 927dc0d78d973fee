import type { ListingRef } from '../news/types.ts';
import { NewsLink } from './NewsLink.tsx';

interface PaginationProps {
  page: number;
  pageCount: number;
  /** The listing it pages through. */
  listing: ListingRef;
}

/** Real links a crawler can follow: Newer, page numbers, Older. */
export function Pagination({ page, pageCount, listing }: PaginationProps) {
  const to = (number: number) => ({ listing, page: number });
  if (pageCount <= 1) return null;
  const pages = pageWindow(page, pageCount);
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <NewsLink to={to(page - 1)} rel="prev">
          ← Newer
        </NewsLink>
      ) : (
        <span aria-hidden="true" />
      )}
      <ol>
        {pages.map((number, index) =>
          number === null ? (
            <li key={`gap-${index}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={number}>
              {number === page ? (
                <NewsLink
                  to={to(number)}
                  aria-current="page"
                  aria-label={`Page ${number}, current page`}
                >
                  {number}
                </NewsLink>
              ) : (
                <NewsLink to={to(number)} aria-label={`Page ${number}`}>
                  {number}
                </NewsLink>
              )}
            </li>
          ),
        )}
      </ol>
      {page < pageCount ? (
        <NewsLink to={to(page + 1)} rel="next">
          Older →
        </NewsLink>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}

/**
 * 1 … 4 5 6 … 20: the first, the last and the neighbours of the current page;
 * a gap of one page shows that page, never a "…" that hides a single number.
 */
function pageWindow(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set(
    [1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount),
  );
  const sorted = [...wanted].sort((a, b) => a - b);
  const result: (number | null)[] = [];
  for (const number of sorted) {
    const previous = result.at(-1);
    if (typeof previous === 'number' && number - previous === 2) result.push(previous + 1);
    else if (typeof previous === 'number' && number - previous > 2) result.push(null);
    result.push(number);
  }
  return result;
}
