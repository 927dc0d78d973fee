import createDOMPurify, { type DOMPurify } from 'dompurify';
export interface SanitizeOptions {
  /** The document the HTML came from: relative URLs in it resolve against this. */
  baseUrl: string;
  /** The slug, if `url` is one of the source's own articles. */
  articleSlugFromUrl: (url: string) => string | undefined;
  /** The reader's own URL (absolute path, with its base) for an article. */
  articleHref: (slug: string) => string;
}

export type Sanitize = (html: string, options: SanitizeOptions) => string;

/** Set only for the duration of one synchronous sanitize() call. */
let current: SanitizeOptions | null = null;

const SAFE_LINK = /^(https?|mailto|tel):$/;
/** Attributes that load or link to a URL on any other element (media, areas, quotes...). */
const URL_ATTRIBUTES = ['src', 'poster', 'href', 'cite', 'background', 'xlink:href'];
const READER_ARTICLE = /\/article\/([a-z0-9-]{1,120})\/?$/;

function rewriteUrls(node: Element): void {
  if (!current) return;
  if (node.tagName === 'A') {
    const href = node.getAttribute('href');
    if (href === null) return;
    if (href.startsWith('#')) return;
    const url = parse(href, current.baseUrl);
    if (!url || !SAFE_LINK.test(url.protocol)) {
      node.removeAttribute('href');
      return;
    }
    const slug = current.articleSlugFromUrl(url.href) ?? readerArticleSlug(url, current);
    node.removeAttribute('target');
    if (slug) {
      node.setAttribute('href', current.articleHref(slug));
      node.setAttribute('data-article', slug);
      node.removeAttribute('rel');
    } else {
      node.setAttribute('href', url.href);
      node.setAttribute('rel', 'noopener noreferrer');
    }
  } else if (node.tagName === 'IMG') {
    const src = node.getAttribute('src');
    const url = src === null ? undefined : parse(src, current.baseUrl);
    if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
      node.remove();
      return;
    }
    node.setAttribute('src', url.href);
    node.removeAttribute('srcset');
    node.removeAttribute('sizes');
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
    for (const dimension of ['width', 'height']) {
      const value = node.getAttribute(dimension);
      if (value !== null && !/^\d{1,5}$/.test(value)) node.removeAttribute(dimension);
    }
  } else {
    // Video, audio, their sources and tracks and the rest: web addresses only
    // (DOMPurify lets data: through for media).
    node.removeAttribute('srcset');
    for (const name of URL_ATTRIBUTES) {
      const value = node.getAttribute(name);
      if (value === null) continue;
      const url = parse(value, current.baseUrl);
      if (url && (url.protocol === 'https:' || url.protocol === 'http:')) {
        node.setAttribute(name, url.href);
      } else {
        node.removeAttribute(name);
      }
    }
  }
}

function parse(href: string, base: string): URL | undefined {
  try {
    return new URL(href, base);
  } catch {
    return undefined;
  }
}

/** A link to one of the reader's own article pages (for instance copied from the address bar). */
function readerArticleSlug(url: URL, options: SanitizeOptions): string | undefined {
  if (url.origin !== window.location.origin) return undefined;
  const match = READER_ARTICLE.exec(url.pathname);
  if (!match?.[1]) return undefined;
  return url.pathname === options.articleHref(match[1]) ? match[1] : undefined;
}

/*
 * Turn an untrusted HTML fragment into markup that is safe to put in the DOM:
 * no script, no event handlers, no javascript: or data: URLs, no forms or
 * styles; links and images resolved against their document; links to the
 * source's own articles pointed at the reader's pages; headings start at h2.
 */
function sanitizeWith(purify: DOMPurify, html: string, options: SanitizeOptions): string {
  current = options;
  // DOMPurify answers null where the HTML parses into no body at all (a <frameset>).
  let fragment: DocumentFragment | null;
  try {
    fragment = purify.sanitize(html, {
      RETURN_DOM_FRAGMENT: true,
      FORBID_TAGS: [
        'style',
        'form',
        'input',
        'button',
        'textarea',
        'select',
        'option',
        'iframe',
        'frame',
        'object',
        'embed',
        'svg',
        'math',
        'link',
        'meta',
        'base',
        'dialog',
        'template',
      ],
      FORBID_ATTR: ['style', 'class', 'target', 'srcset'],
      ALLOW_DATA_ATTR: false,
      SANITIZE_NAMED_PROPS: true,
    });
  } finally {
    current = null;
  }
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the types say never; Chromium says otherwise
  if (!fragment) return '';
  for (const heading of fragment.querySelectorAll('h1')) {
    const h2 = document.createElement('h2');
    h2.append(...heading.childNodes);
    heading.replaceWith(h2);
  }
  const container = document.createElement('div');
  container.append(fragment);
  return container.innerHTML;
}

export function createSanitizer(): Sanitize {
  // A private instance, so these hooks never touch anyone else's DOMPurify.
  const purify = createDOMPurify(window);
  purify.addHook('afterSanitizeAttributes', rewriteUrls);
  return (html, options) => sanitizeWith(purify, html, options);
}
