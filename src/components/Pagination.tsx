import { Link } from 'react-router';

interface PaginationProps {
  page: number;
  pageCount: number;
  /** The path of page N of this listing. */
  hrefFor: (page: number) => string;
}

/** Real links a crawler can follow: Newer, page numbers, Older. */
export function Pagination({ page, pageCount, hrefFor }: PaginationProps) {
  if (pageCount <= 1) return null;
  const pages = pageWindow(page, pageCount);
  return (
    <nav className="pagination" aria-label="Pages">
      {page > 1 ? (
        <Link to={hrefFor(page - 1)} rel="prev">
          ← Newer
        </Link>
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
                <Link
                  to={hrefFor(number)}
                  aria-current="page"
                  aria-label={`Page ${number}, current page`}
                >
                  {number}
                </Link>
              ) : (
                <Link to={hrefFor(number)} aria-label={`Page ${number}`}>
                  {number}
                </Link>
              )}
            </li>
          ),
        )}
      </ol>
      {page < pageCount ? (
        <Link to={hrefFor(page + 1)} rel="next">
          Older →
        </Link>
      ) : (
        <span aria-hidden="true" />
      )}
    </nav>
  );
}

/** 1 … 4 5 6 … 20: the first, the last and the neighbours of the current page. */
function pageWindow(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set(
    [1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount),
  );
  const sorted = [...wanted].sort((a, b) => a - b);
  const result: (number | null)[] = [];
  for (const number of sorted) {
    const previous = result.at(-1);
    if (typeof previous === 'number' && number - previous > 1) result.push(null);
    result.push(number);
  }
  return result;
}
