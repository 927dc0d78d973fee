import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { LIMITS } from '../../src/news/limits.ts';
import { PREPAINT_SCRIPT } from '../../src/settings/prepaint.ts';

/**
 * Every element in `root` that could run script or load a script URL,
 * described; run in the page (it is passed in as its source text). Inside
 * <head> the document's own tags are expected, and only in their own forms:
 * meta with a name or property and content, the page's stylesheet, icon,
 * canonical and module links, one module script by URL, and the inert data
 * blocks (JSON-LD and the hydration state), which must hold no "<"; and
 * `headScript`, once: the page's one inline script, exactly as it ships.
 */
export function findUnsafe(root: Element, headScript = ''): string[] {
  const found: string[] = [];
  const URL_ATTRIBUTES = [
    'href',
    'src',
    'action',
    'formaction',
    'xlink:href',
    'srcdoc',
    'data',
    'poster',
    'cite',
    'background',
  ];
  const DATA_BLOCKS = ['application/ld+json', 'application/json'];
  const HEAD_LINKS = ['stylesheet', 'icon', 'canonical', 'modulepreload', 'preload', 'alternate'];
  const META_ATTRIBUTES = ['name', 'property', 'content', 'charset', 'http-equiv'];
  const scripts = { module: 0, inline: 0, data: new Map<string, number>() };
  for (const element of [root, ...root.querySelectorAll('*')]) {
    const tag = element.tagName.toLowerCase();
    const type = element.getAttribute('type') ?? '';
    const inHead = element.closest('head') !== null;
    if (tag === 'script' && DATA_BLOCKS.includes(type)) {
      // A data block, never run. Its strings must not be able to end it.
      if (element.textContent.includes('<')) found.push(`<script type=${type}> holds "<"`);
      scripts.data.set(type, (scripts.data.get(type) ?? 0) + 1);
    } else if (tag === 'script' && inHead && type === 'module' && element.textContent === '') {
      scripts.module += 1;
      if (!/^\/[\w/.-]+\.js$/.test(element.getAttribute('src') ?? ''))
        found.push(`<script type=module src=${element.getAttribute('src') ?? ''}>`);
    } else if (
      tag === 'script' &&
      inHead &&
      headScript !== '' &&
      !element.hasAttribute('type') &&
      !element.hasAttribute('src') &&
      element.textContent === headScript
    ) {
      scripts.inline += 1;
    } else if (tag === 'meta' && inHead) {
      for (const attribute of element.attributes)
        if (!META_ATTRIBUTES.includes(attribute.name)) found.push(`meta[${attribute.name}]`);
      const equiv = element.getAttribute('http-equiv');
      if (equiv !== null && equiv.toLowerCase() !== 'content-security-policy')
        found.push(`meta[http-equiv=${equiv}]`);
    } else if (tag === 'link' && inHead) {
      const rel = element.getAttribute('rel') ?? '';
      if (!HEAD_LINKS.includes(rel)) found.push(`link[rel=${rel}]`);
    } else if (
      [
        'script',
        'iframe',
        'frame',
        'object',
        'embed',
        'form',
        'base',
        'meta',
        'link',
        'style',
      ].includes(tag)
    ) {
      found.push(`<${tag}>`);
    }
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      // Browsers ignore whitespace and control characters in a URL's scheme.
      const value = Array.from(attribute.value, (char) => (char.charCodeAt(0) > 32 ? char : ''))
        .join('')
        .toLowerCase();
      if (name.startsWith('on')) found.push(`${tag}[${name}]`);
      if (name === 'style') found.push(`${tag}[style]`);
      if (URL_ATTRIBUTES.includes(name) && /^(javascript|data|vbscript):/.test(value)) {
        found.push(`${tag}[${name}=${attribute.value.slice(0, 60)}]`);
      }
    }
  }
  // A string that ended the page's own script would leave more of them.
  if (scripts.module > 1) found.push(`${String(scripts.module)} module scripts`);
  if (scripts.inline > 1) found.push(`${String(scripts.inline)} inline scripts`);
  for (const [type, count] of scripts.data)
    if (count > 1) found.push(`${String(count)} <script type=${type}>`);
  return found;
}

/** What `findUnsafe` finds under `selector` (default: the whole document). */
export function unsafeIn(page: Page, selector = ':root'): Promise<string[]> {
  return page.evaluate<string[]>(
    `(${findUnsafe.toString()})(document.querySelector(${JSON.stringify(selector)}), ${JSON.stringify(PREPAINT_SCRIPT)})`,
  );
}

/**
 * Replace alert, confirm, prompt and print with traps that record any call,
 * in every document the page opens from now on; dialogs are recorded too.
 */
export async function setTraps(page: Page): Promise<string[]> {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const sprung: string[] = [];
    Object.defineProperty(window, '__sprung', { value: sprung });
    for (const name of ['alert', 'confirm', 'prompt', 'print'] as const) {
      Object.defineProperty(window, name, {
        value: (...args: unknown[]) => {
          sprung.push(`${name}(${args.map(String).join(', ')})`);
          return null;
        },
      });
    }
  });
  return dialogs;
}

/** The trap calls recorded in the page's current document. */
export function sprung(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __sprung: string[] }).__sprung]);
}

// ---------------------------------------------------------------------------
// The XSS payload list (third-party test material: read from the shared
// fixtures, and the tests that use it skip without them).

const PAYLOADS = path.resolve('..', 'shared', 'fixtures', 'xss', 'xss-payload-list.txt');
export const hasPayloads = existsSync(PAYLOADS);

/** Payloads that go into one article: its authors, tags, alt text, caption, summary and body. */
export const PAYLOADS_PER_ARTICLE = 500;

/** Every payload of the list, one per line. */
export function readPayloads(): string[] {
  return readFileSync(PAYLOADS, 'utf8')
    .split('\n')
    .map((line) => line.replace(/\r$/, ''))
    .filter((line) => line.trim() !== '');
}

/**
 * A native API's documents that carry every payload where the reader shows
 * text: the `xss` tag's pages (each payload a headline, a summary and a
 * section name) and articles `xss-batch-N` (as authors, tags, alt text,
 * caption, summary and body). `[path under the API root, JSON]` pairs.
 */
export function payloadDocuments(
  payloads: string[],
  image: string,
): { documents: [string, string][]; pages: number; batches: number } {
  const documents: [string, string][] = [];
  const perPage = LIMITS.listingItems;
  const pages = Math.ceil(payloads.length / perPage);
  for (let number = 1; number <= pages; number++) {
    const offset = (number - 1) * perPage;
    documents.push([
      `tags/xss/${String(number)}.json`,
      JSON.stringify({
        title: 'XSS',
        page: number,
        pageCount: pages,
        total: payloads.length,
        items: payloads.slice(offset, offset + perPage).map((payload, index) => ({
          slug: `xss-${String(offset + index)}`,
          headline: payload,
          summary: payload,
          section: { slug: `section-${String(index)}`, name: payload },
          publishedAt: '2026-11-20T10:00:00Z',
        })),
      }),
    ]);
  }
  const batches = Math.ceil(payloads.length / PAYLOADS_PER_ARTICLE);
  for (let batch = 0; batch < batches; batch++) {
    const slice = payloads.slice(batch * PAYLOADS_PER_ARTICLE, (batch + 1) * PAYLOADS_PER_ARTICLE);
    documents.push([
      `articles/xss-batch-${String(batch)}.json`,
      JSON.stringify({
        slug: `xss-batch-${String(batch)}`,
        headline: `Batch ${String(batch)}`,
        summary: slice.join(' '),
        publishedAt: '2026-11-20T10:00:00Z',
        authors: slice.map((payload, index) => ({
          slug: `author-${String(index)}`,
          name: payload,
        })),
        tags: slice.map((payload, index) => ({ slug: `tag-${String(index)}`, name: payload })),
        image: {
          src: image,
          alt: slice.join(' '),
          caption: slice.join(' '),
          credit: `xss-batch-${String(batch)}`,
          width: 1200,
          height: 675,
        },
        body: slice.map((payload) => `<div>${payload}</div>`).join('\n'),
      }),
    ]);
  }
  return { documents, pages, batches };
}

/** Whether `shown` is `payload` as the reader shows a headline: its own characters, white space collapsed, a long one cut at a word and ending in "…". */
export function showsAsHeadline(payload: string, shown: string): boolean {
  const text = payload.replace(/\s+/g, ' ').trim();
  return text.length <= LIMITS.headline
    ? shown === text
    : shown.endsWith('…') &&
        shown.length > LIMITS.headline / 2 &&
        text.startsWith(shown.slice(0, -1).trimEnd());
}
