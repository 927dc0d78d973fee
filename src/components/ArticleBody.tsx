import { useMemo, type MouseEvent } from 'react';
import { createSanitizer, type SanitizeOptions } from './sanitizer.ts';

// This module (with DOMPurify) loads on demand: only article bodies need it.
// Exported for the browser tests, which put thousands of payloads through it.
export const sanitizeBody = createSanitizer();

interface ArticleBodyProps extends SanitizeOptions {
  html: string;
  /** Open one of the reader's own articles without a page load. */
  onArticleLink: (slug: string) => void;
}

export function ArticleBody({ html, onArticleLink, ...options }: ArticleBodyProps) {
  const { baseUrl, articleSlugFromUrl, articleHref } = options;
  const safeHtml = useMemo(
    () => sanitizeBody(html, { baseUrl, articleSlugFromUrl, articleHref }),
    [html, baseUrl, articleSlugFromUrl, articleHref],
  );

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const target = event.target instanceof Element ? event.target.closest('[data-article]') : null;
    const slug = target?.getAttribute('data-article');
    if (!slug) return;
    event.preventDefault();
    onArticleLink(slug);
  };

  return (
    // Clicks bubble up from the links inside; the links themselves stay keyboard-reachable.
    <div
      className="article-body"
      onClick={onClick}
      // Safe: sanitizeBody() ran DOMPurify over it just above.
      dangerouslySetInnerHTML={{ __html: safeHtml }}
    />
  );
}
