import createDOMPurify, {
  type DOMPurify,
  type UponSanitizeAttributeHookEvent,
  type WindowLike,
} from 'dompurify';
import {
  ALLOWED_ATTR,
  ALLOWED_TAGS,
  attributeValue,
  finishElement,
  serializeBody,
  type Sanitize,
  type SanitizeOptions,
} from './policy.ts';

export type { Sanitize, SanitizeOptions } from './policy.ts';

/** Set only for the duration of one synchronous sanitize() call. */
let current: SanitizeOptions | null = null;

function checkAttribute(node: Element, event: UponSanitizeAttributeHookEvent): void {
  const value = attributeValue(node.localName, event.attrName, event.attrValue);
  if (value === undefined) event.keepAttr = false;
  else event.attrValue = value;
}

function afterAttributes(node: Element): void {
  if (current) finishElement(node, current);
}

/*
 * Turn an untrusted HTML fragment into markup that is safe to put in the DOM
 * and stays inside its column: no script, event handlers, javascript: or data:
 * URLs, forms, styles or presentational attributes; no focus order, landmarks,
 * live regions, roles or heading levels of its own (headings start at h2);
 * links and images resolved against their document; links to the source's own
 * articles pointed at the reader's pages; in-page links kept working.
 */
function sanitizeWith(purify: DOMPurify, html: string, options: SanitizeOptions): string {
  current = options;
  // DOMPurify answers null where the HTML parses into no body at all (a <frameset>).
  let fragment: DocumentFragment | null;
  try {
    fragment = purify.sanitize(html, {
      RETURN_DOM_FRAGMENT: true,
      ALLOWED_TAGS,
      ALLOWED_ATTR,
      // DOMPurify drops any other attribute whose value starts like a URL scheme
      // ("Note: ..."); these are never URLs.
      ADD_URI_SAFE_ATTR: ['abbr', 'datetime', 'headers'],
      ALLOW_ARIA_ATTR: false,
      ALLOW_DATA_ATTR: false,
      KEEP_CONTENT: true,
      SANITIZE_NAMED_PROPS: true,
    });
  } finally {
    current = null;
  }
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the types say never; Chromium says otherwise
  if (!fragment) return '';
  return serializeBody(fragment);
}

/**
 * A sanitizer working in `view`: the browser's window, or on the server a
 * jsdom window (DOMPurify's authors support jsdom; other DOM imitations miss
 * parts of the parser it relies on).
 */
export function createSanitizer(view: WindowLike & { document: Document }): Sanitize {
  // A private instance, so these hooks never touch anyone else's DOMPurify.
  const purify = createDOMPurify(view);
  purify.addHook('uponSanitizeAttribute', checkAttribute);
  purify.addHook('afterSanitizeAttributes', afterAttributes);
  return (html, options) => sanitizeWith(purify, html, options);
}
