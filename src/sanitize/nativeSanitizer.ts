// The article body's sanitizer in browsers that have the HTML Sanitizer API
// (Chromium 146, Firefox 148 and later): the browser parses the body into an
// inert document of its own and takes out everything that can run script,
// and policy.ts's rules do the rest, walked as DOMPurify walks them, so that
// both engines give the same body (docs/decisions/015). About a tenth of
// DOMPurify's bytes; the others load DOMPurify instead (lazyModules.ts).
import {
  ALLOWED_TAGS,
  attributeValue,
  finishElement,
  PREFIX,
  serializeBody,
  type Sanitize,
} from './policy.ts';

/** Document.parseHTML, not in TypeScript's DOM library yet. */
type ParseHtml = (
  html: string,
  options: { sanitizer: { removeElements: string[]; comments: boolean } },
) => Document;

function parseHtml(): ParseHtml | undefined {
  const parse = (Document as unknown as { parseHTML?: unknown }).parseHTML;
  return typeof parse === 'function' ? (parse.bind(Document) as ParseHtml) : undefined;
}

const PROBE =
  '<p id="a"><a href="javascript:alert(1)">a</a><script>alert(1)</script><x-y>b</x-y></p>';
const PROBED = '<p id="a"><a>a</a><x-y>b</x-y></p>';

/**
 * Whether this browser parses a body safely by itself, as the standard has
 * it: an early or partial Sanitizer API (another shape, another baseline)
 * fails this, and DOMPurify is used instead.
 */
export function worksHere(): boolean {
  // Asked before every body the browser sanitizes: probed once.
  works ??= probe();
  return works;
}

let works: boolean | undefined;

function probe(): boolean {
  try {
    const parsed = parseHtml()?.(PROBE, { sanitizer: SANITIZER });
    return parsed?.body.innerHTML === PROBED;
  } catch {
    return false;
  }
}

const ALLOWED = new Set(ALLOWED_TAGS);

/** Elements that go with their content when they are not allowed: code, raw text, foreign content (DOMPurify's FORBID_CONTENTS). */
const DROP_WITH_CONTENT = new Set([
  ...['annotation-xml', 'audio', 'colgroup', 'desc', 'foreignobject', 'head', 'iframe', 'math'],
  ...['mi', 'mn', 'mo', 'ms', 'mtext', 'noembed', 'noframes', 'noscript', 'plaintext', 'script'],
  ...['selectedcontent', 'style', 'svg', 'template', 'thead', 'title', 'video', 'xmp'],
]);

/** What the browser takes out while it parses, beyond what can run script (always out). */
const SANITIZER = {
  removeElements: [...DROP_WITH_CONTENT].filter((tag) => !ALLOWED.has(tag)),
  comments: true,
};

// DOMPurify's own checks on every attribute and element, beyond the policy's.
/** An attribute value that could close the element or a comment around it. */
const BREAKOUT =
  /((--!?|])>)|<\/(style|script|title|xmp|textarea|noscript|iframe|noembed|noframes)/i;
const MARKUP = /<[/\w!]/;
const HTML = 'http://www.w3.org/1999/xhtml';
const LEADING_SPACE = /^[\r\n\t ]+/;
/** Values DOMPurify takes as they are: never URLs. */
const URI_SAFE = new Set([
  'alt',
  'id',
  'label',
  'name',
  'title',
  'value',
  'abbr',
  'datetime',
  'headers',
]);
const ALLOWED_URI =
  /^(?:(?:(?:f|ht)tps?|mailto|tel|callto|sms|cid|xmpp|matrix):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
// eslint-disable-next-line no-control-regex -- the control characters are the point
const URI_WHITESPACE = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g;
const DATA_URI_TAGS = new Set(['audio', 'video', 'img', 'source', 'track']);

function keepsValue(tag: string, name: string, value: string): boolean {
  if (/\/>/.test(value)) return false;
  if (URI_SAFE.has(name)) return true;
  if (ALLOWED_URI.test(value.replace(URI_WHITESPACE, ''))) return true;
  if (name === 'src' && value.startsWith('data:') && DATA_URI_TAGS.has(tag)) return true;
  return !value;
}

/** A form whose controls' names hide the element's own properties (DOMPurify removes it whole). */
function isClobbered(form: Element): boolean {
  const own = Element.prototype;
  return (
    typeof form.nodeName !== 'string' ||
    typeof form.textContent !== 'string' ||
    form.attributes !== Object.getOwnPropertyDescriptor(own, 'attributes')?.get?.call(form) ||
    typeof form.removeAttribute !== 'function' ||
    typeof form.setAttribute !== 'function' ||
    typeof form.getAttributeNode !== 'function' ||
    typeof form.removeAttributeNode !== 'function' ||
    typeof form.namespaceURI !== 'string' ||
    typeof form.insertBefore !== 'function' ||
    typeof form.hasChildNodes !== 'function' ||
    typeof form.removeChild !== 'function' ||
    form.childNodes !==
      Object.getOwnPropertyDescriptor(Node.prototype, 'childNodes')?.get?.call(form)
  );
}

function sanitizeAttributes(element: Element): void {
  const tag = element.localName;
  const attributes = [...element.attributes];
  // Last to first, as DOMPurify goes: a renamed id or name moves to the end in both.
  for (let index = attributes.length - 1; index >= 0; index--) {
    const attribute = attributes[index];
    if (!attribute) continue;
    const { name } = attribute;
    const initial = attribute.value;
    let value: string | undefined = name === 'value' ? initial : initial.trim();
    value = attributeValue(tag, name, value);
    if ((name === 'id' || name === 'name') && value !== undefined && !value.startsWith(PREFIX)) {
      element.removeAttribute(name);
      value = PREFIX + value;
    }
    if (value === undefined || BREAKOUT.test(value) || !keepsValue(tag, name, value)) {
      element.removeAttribute(name);
      continue;
    }
    if (value !== initial || !element.hasAttribute(name)) element.setAttribute(name, value);
  }
}

/**
 * Elements as DOMPurify takes them, on the tree as parsed: text-only
 * elements whose text hides markup and clobbered forms go whole, elements
 * not allowed go (with their content, if it is code or foreign) or give way
 * to their content; comments go. What is kept loses its event handlers here
 * already: Chromium reports each one to the page's Content-Security-Policy
 * when a parse meets it (a console error and a report, nothing runs).
 */
function sanitizeElements(root: Element): void {
  for (const element of [...root.querySelectorAll('*')]) {
    // Gone with an ancestor already.
    if (!root.contains(element)) continue;
    const tag = element.localName;
    const textOnly = element.hasChildNodes() && !element.firstElementChild;
    if (
      (textOnly && MARKUP.test(element.textContent) && MARKUP.test(element.innerHTML)) ||
      (tag === 'form' && isClobbered(element))
    ) {
      element.remove();
    } else if (!ALLOWED.has(tag) || element.namespaceURI !== HTML) {
      if (DROP_WITH_CONTENT.has(tag)) element.remove();
      else element.replaceWith(...element.childNodes);
    } else {
      for (const { name } of [...element.attributes])
        if (/^on/i.test(name)) element.removeAttribute(name);
    }
  }
  const comments = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const found: Node[] = [];
  while (comments.nextNode()) found.push(comments.currentNode);
  for (const comment of found) comment.parentNode?.removeChild(comment);
}

export const sanitizeNative: Sanitize = (html, options) => {
  const parse = parseHtml();
  if (!parse) throw new Error('This browser has no HTML Sanitizer API');
  // The tree DOMPurify would see (an inert document: nothing in it loads or runs).
  const inert = new DOMParser().parseFromString(html, 'text/html');
  const first = inert.getElementsByTagName('body')[0];
  if (!first) return '';
  // The parser drops white space before the first tag; DOMPurify puts it back.
  const leading = LEADING_SPACE.exec(html)?.[0];
  if (leading) first.prepend(leading);
  sanitizeElements(first);
  const markup = first.innerHTML;
  // What is left, through the browser's own sanitizer, which takes out
  // whatever could still run script; then once more by the policy, in case
  // parsing it again made something new of it.
  const parsed = parse(markup, { sanitizer: SANITIZER });
  const body = parsed.getElementsByTagName('body')[0];
  if (!body) return '';
  const stillLeading = LEADING_SPACE.exec(markup)?.[0];
  if (stillLeading) body.prepend(stillLeading);
  sanitizeElements(body);
  for (const element of body.querySelectorAll('*')) {
    sanitizeAttributes(element);
    finishElement(element, options);
  }
  return serializeBody(body);
};
