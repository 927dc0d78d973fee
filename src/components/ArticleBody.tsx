import type { MouseEvent } from 'react';

interface ArticleBodyProps {
  /** The body after the sanitizer (src/sanitize/sanitizer.ts): never a source's HTML as it came. */
  safeHtml: string;
  /** Open one of the reader's own articles without a page load. */
  onArticleLink: (slug: string) => void;
}

export function ArticleBody({ safeHtml, onArticleLink }: ArticleBodyProps) {
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
      // Safe: the article query ran the sanitizer over it before it reached the cache.
      dangerouslySetInnerHTML={{ __html: safeHtml }}
    />
  );
}
