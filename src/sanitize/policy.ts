// What a source's HTML may keep in an article body, whichever engine parses
// it: DOMPurify (sanitizer.ts: on the server, and in browsers without the
// HTML Sanitizer API) or the browser's own (nativeSanitizer.ts). Both apply
// exactly these rules, so that a body reads the same everywhere
// (docs/decisions/015).
import { saneDimensions } from '../news/limits.ts';

export interface SanitizeOptions {
  /** The document the HTML came from: relative URLs in it resolve against this. */
  baseUrl: string;
  /** The slug, if `url` is one of the source's own articles. */
  articleSlugFromUrl: (url: string) => string | undefined;
  /** The reader's own URL (absolute path, with its base) for an article. */
  articleHref: (slug: string) => string;
  /** The reader's own origin: a link to one of its article pages there stays inside the reader. */
  readerOrigin: string;
}

export type Sanitize = (html: string, options: SanitizeOptions) => string;

const SAFE_LINK = /^(https?|mailto|tel):$/;
const WEB = /^https?:$/;
/** URL attributes other than a link's href, each allowed on some element below. */
const URL_ATTRIBUTES = ['src', 'poster', 'cite'];
const READER_ARTICLE = /\/article\/([a-z0-9-]{1,120})\/?$/;

/**
 * What DOMPurify puts before every id and name in a body (SANITIZE_NAMED_PROPS),
 * so a body can neither clobber the page's globals nor take its ids; the
 * body's own references to those ids get the same prefix here.
 */
export const PREFIX = 'user-content-';

/*
 * Elements that article text needs. Everything else is unwrapped, its text
 * kept: landmarks and live regions (main, nav, aside, header, footer, search,
 * output, dialog), page furniture and forms (form, fieldset, legend, label,
 * input, button, select, progress, meter), presentational relics (font,
 * center, big, marquee, blink, nobr, spacer), and embedded or foreign content
 * (iframe, object, embed, canvas, svg, math). DOMPurify drops the content too
 * where it is code or raw text (script, style, template, noscript, iframe,
 * svg, math, title, xmp...: its FORBID_CONTENTS).
 */
export const ALLOWED_TAGS = [
  ...['a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'br', 'cite', 'code', 'data', 'del', 'dfn', 'em'],
  ...['i', 'ins', 'kbd', 'mark', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strike'],
  ...['strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr'],
  ...['address', 'article', 'blockquote', 'details', 'div', 'dl', 'dd', 'dt', 'figcaption'],
  ...['figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hgroup', 'hr', 'li', 'ol', 'p', 'pre'],
  ...['section', 'summary', 'ul'],
  ...['caption', 'col', 'colgroup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr'],
  ...['area', 'audio', 'img', 'map', 'picture', 'source', 'track', 'video'],
];

/*
 * The attributes each element may keep; every other one goes (style, class,
 * presentational sizes and colours, tabindex, accesskey, autofocus,
 * contenteditable, popover, role, aria-*, data-*, target, srcset, autoplay...).
 * Focus order, landmarks, live regions and heading levels stay the page's.
 */
const GLOBAL_ATTRIBUTES = ['id', 'title', 'lang', 'dir'];
const ELEMENT_ATTRIBUTES = new Map<string, readonly string[]>(
  Object.entries({
    a: ['href', 'name'],
    area: ['href', 'alt', 'shape', 'coords'],
    audio: ['src', 'preload', 'loop', 'muted'],
    blockquote: ['cite'],
    del: ['cite', 'datetime'],
    details: ['open'],
    img: ['src', 'alt', 'width', 'height', 'usemap'],
    ins: ['cite', 'datetime'],
    li: ['value'],
    map: ['name'],
    ol: ['start', 'reversed', 'type'],
    q: ['cite'],
    source: ['src', 'type'],
    td: ['colspan', 'rowspan', 'headers'],
    th: ['colspan', 'rowspan', 'headers', 'scope', 'abbr'],
    time: ['datetime'],
    track: ['src', 'kind', 'srclang', 'label', 'default'],
    ul: ['type'],
    video: ['src', 'poster', 'preload', 'loop', 'muted', 'width', 'height'],
  }),
);
export const ALLOWED_ATTR = [
  ...new Set([...GLOBAL_ATTRIBUTES, ...[...ELEMENT_ATTRIBUTES.values()].flat()]),
];

/** A value to keep (possibly normalised), or undefined to drop the attribute. */
type Check = (value: string, tag: string) => string | undefined;

const oneOf =
  (...allowed: string[]): Check =>
  (value) => {
    const lower = value.trim().toLowerCase();
    return allowed.includes(lower) ? lower : undefined;
  };
const integer =
  (min: number, max: number): Check =>
  (value) => {
    if (!/^\s*-?\d{1,6}\s*$/.test(value)) return undefined;
    const number = Number(value);
    return number >= min && number <= max ? String(number) : undefined;
  };
const matching =
  (pattern: RegExp): Check =>
  (value) =>
    pattern.test(value) ? value : undefined;
const flag: Check = () => '';
const LANGUAGE = matching(/^[a-z]{2,8}(-[a-z0-9]{1,8})*$/i);
/** An id, a name or a fragment: HTML's rule, not empty and no whitespace. */
const TOKEN = /^[^\t\n\f\r ]+$/;

/** Value rules; an allowed attribute without one keeps its value as it is. */
const CHECKS = new Map<string, Check>(
  Object.entries({
    id: matching(TOKEN),
    name: matching(TOKEN),
    dir: oneOf('ltr', 'rtl', 'auto'),
    lang: LANGUAGE,
    srclang: LANGUAGE,
    // Start and values stay short enough for a list marker to fit its margin.
    start: integer(-99_999, 99_999),
    value: integer(-99_999, 99_999),
    reversed: flag,
    type: (value, tag) => {
      if (tag === 'ol') return /^[1aAiI]$/.test(value) ? value : undefined;
      if (tag === 'ul') return oneOf('disc', 'circle', 'square')(value, tag);
      return value;
    },
    colspan: integer(1, 100),
    rowspan: integer(0, 1_000),
    headers: (value) => {
      const ids = value.split(/[\t\n\f\r ]+/).filter(Boolean);
      return ids.length ? ids.map(prefixed).join(' ') : undefined;
    },
    scope: oneOf('row', 'col', 'rowgroup', 'colgroup'),
    usemap: (value) => {
      const name = value.startsWith('#') ? value.slice(1) : '';
      return TOKEN.test(name) ? `#${prefixed(name)}` : undefined;
    },
    shape: oneOf('rect', 'circle', 'poly', 'default'),
    coords: matching(/^[\d\s.,-]{1,2000}$/),
    preload: oneOf('none', 'metadata', 'auto'),
    loop: flag,
    muted: flag,
    kind: oneOf('subtitles', 'captions', 'descriptions', 'chapters', 'metadata'),
    default: flag,
    open: flag,
  }),
);

function prefixed(id: string): string {
  return id.startsWith(PREFIX) ? id : PREFIX + id;
}

/**
 * What an attribute of an allowed element keeps: its value, checked and
 * perhaps normalised, or undefined when the attribute goes.
 */
export function attributeValue(tag: string, name: string, value: string): string | undefined {
  if (!GLOBAL_ATTRIBUTES.includes(name) && !ELEMENT_ATTRIBUTES.get(tag)?.includes(name))
    return undefined;
  // A named <section> is a region landmark, and a title names it.
  if (name === 'title' && tag === 'section') return undefined;
  const check = CHECKS.get(name);
  return check ? check(value, tag) : value;
}

/**
 * An allowed element after its attributes passed: links pointed where they
 * may go, images and media resolved against their document (or gone).
 */
export function finishElement(node: Element, options: SanitizeOptions): void {
  const tag = node.localName;
  if (tag === 'a' || tag === 'area') {
    rewriteLink(node, options);
    return;
  }
  if (tag === 'img') {
    const src = node.getAttribute('src');
    const url = src === null ? undefined : parse(src, options.baseUrl);
    if (!url || !WEB.test(url.protocol)) {
      node.remove();
      return;
    }
    node.setAttribute('src', url.href);
    node.setAttribute('loading', 'lazy');
    node.setAttribute('decoding', 'async');
    keepSaneDimensions(node);
    return;
  }
  // Video, audio, their sources and tracks, quotations: web addresses only
  // (DOMPurify lets data: through for media).
  for (const name of URL_ATTRIBUTES) {
    const value = node.getAttribute(name);
    if (value === null) continue;
    const url = parse(value, options.baseUrl);
    if (url && WEB.test(url.protocol)) node.setAttribute(name, url.href);
    else node.removeAttribute(name);
  }
  if (tag === 'video' || tag === 'audio') {
    // Media plays only when the reader asks, and can always be stopped.
    node.setAttribute('controls', '');
    if (tag === 'video') keepSaneDimensions(node);
  }
}

function rewriteLink(node: Element, options: SanitizeOptions): void {
  const href = node.getAttribute('href');
  if (href === null) return;
  if (href.startsWith('#')) {
    const target = inPageTarget(href.slice(1));
    if (target === undefined) node.removeAttribute('href');
    else node.setAttribute('href', `#${target}`);
    return;
  }
  const url = parse(href, options.baseUrl);
  if (!url || !SAFE_LINK.test(url.protocol)) {
    node.removeAttribute('href');
    return;
  }
  const slug = options.articleSlugFromUrl(url.href) ?? readerArticleSlug(url, options);
  if (slug) {
    node.setAttribute('href', options.articleHref(slug));
    node.setAttribute('data-article', slug);
  } else {
    node.setAttribute('href', url.href);
    node.setAttribute('rel', 'noopener noreferrer');
  }
}

/**
 * The fragment of an in-page link, pointed at the prefixed id or name it means;
 * undefined for "#" alone or a fragment no id could have (the link then goes).
 */
function inPageTarget(fragment: string): string | undefined {
  let id: string;
  try {
    id = decodeURIComponent(fragment);
  } catch {
    return undefined;
  }
  if (!TOKEN.test(id)) return undefined;
  return id.startsWith(PREFIX) ? fragment : PREFIX + fragment;
}

/** Width and height together when saneDimensions() accepts them, else neither. */
function keepSaneDimensions(node: Element): void {
  const side = (name: string) => {
    const value = node.getAttribute(name);
    return value !== null && /^\d{1,6}$/.test(value) ? Number(value) : undefined;
  };
  const sane = saneDimensions(side('width'), side('height'));
  if (sane) {
    node.setAttribute('width', String(sane.width));
    node.setAttribute('height', String(sane.height));
  } else {
    node.removeAttribute('width');
    node.removeAttribute('height');
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
  if (url.origin !== options.readerOrigin) return undefined;
  const match = READER_ARTICLE.exec(url.pathname);
  if (!match?.[1]) return undefined;
  return url.pathname === options.articleHref(match[1]) ? match[1] : undefined;
}

/**
 * The last step of either engine: a body has no h1 of its own (the page's is
 * its headline), and is handed on as markup. `body` is DOMPurify's fragment,
 * or the body element of the document the browser's sanitizer made.
 */
export function serializeBody(body: DocumentFragment | Element): string {
  const document = body.ownerDocument;
  for (const heading of body.querySelectorAll('h1')) {
    const h2 = document.createElement('h2');
    for (const attribute of heading.attributes) h2.setAttribute(attribute.name, attribute.value);
    h2.append(...heading.childNodes);
    heading.replaceWith(h2);
  }
  // No `instanceof Element`: on the server, the DOM is jsdom's, not a global.
  if ('innerHTML' in body) return body.innerHTML;
  const container = document.createElement('div');
  container.append(body);
  return container.innerHTML;
}
