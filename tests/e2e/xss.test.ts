import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { LIMITS } from '../../src/news/limits.ts';
import { sessionForFile, UI_TIMEOUT } from './support.ts';

const PAYLOADS = path.resolve('..', 'shared', 'fixtures', 'xss', 'xss-payload-list.txt');
const BATCH = 500;

/** Every element in `root` that could run script or load a script URL, described; run in the page. */
function findUnsafe(root: Element): string[] {
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
  for (const element of root.querySelectorAll('*')) {
    const tag = element.tagName.toLowerCase();
    // The page's own JSON-LD: a data block, never run. Its strings must not be able to end it.
    if (tag === 'script' && element.getAttribute('type') === 'application/ld+json') {
      if (element.textContent.includes('<'))
        found.push('<script type=application/ld+json> holds "<"');
      continue;
    }
    if (
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
  return found;
}

/** Replace alert, confirm, prompt and print with traps that record any call. */
async function setTraps(page: Page): Promise<string[]> {
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

function unsafeIn(page: Page, selector: string): Promise<string[]> {
  return page.evaluate<string[]>(
    `(${findUnsafe.toString()})(document.querySelector(${JSON.stringify(selector)}))`,
  );
}

function sprung(page: Page): Promise<string[]> {
  return page.evaluate(() => [...(window as unknown as { __sprung: string[] }).__sprung]);
}

/** Navigate with the app's own router, from inside the page, and wait until `ready` holds. */
async function goInApp(page: Page, appPath: string, ready: string): Promise<void> {
  await page.evaluate((target) => {
    history.pushState(null, '', target);
    dispatchEvent(new PopStateEvent('popstate'));
  }, appPath);
  await page.waitForFunction(ready, undefined, { timeout: UI_TIMEOUT });
}

// Third-party test material: read from the shared fixtures, skipped without them.
describe.skipIf(!existsSync(PAYLOADS))('6,600 XSS payloads in Chromium', () => {
  // No CSP here: it would block inline handlers by itself and hide a sanitizer failure.
  const session = sessionForFile({ csp: false });
  let payloads: string[] = [];

  beforeAll(() => {
    payloads = readFileSync(PAYLOADS, 'utf8')
      .split('\n')
      .map((line) => line.replace(/\r$/, ''))
      .filter((line) => line.trim() !== '');
  });

  test('as article bodies, one at a time through the production sanitizer, none runs or leaves a script URL', async () => {
    expect(payloads.length).toBeGreaterThan(6000);
    const slug = session().api.listing('latest').items[0]?.slug ?? '';
    const page = await session().open('/', { blank: true });
    const dialogs = await setTraps(page);
    await page.goto(session().href(`/article/${slug}`));
    await page.locator('.article-body p').first().waitFor();

    const sanitizer =
      (await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .map((entry) => entry.name)
          .find((name) => /\/assets\/browserSanitizer-[\w-]+\.js$/.test(name)),
      )) ?? '';
    expect(sanitizer, 'the article page loaded the sanitizer').toMatch(/browserSanitizer/);

    await page.evaluate(
      (data) => {
        Object.assign(window, { __xssTest: data });
      },
      { all: payloads, chunk: sanitizer },
    );
    // A string, run as it is in the page: the test runner would rewrite an import() in a function.
    const unsafe = await page.evaluate<string[]>(`(async () => {
      const findUnsafe = ${findUnsafe.toString()};
      const { all, chunk } = window.__xssTest;
      const sanitize = (await import(chunk)).sanitizeBody;
      const options = {
        baseUrl: location.origin + '/api/articles/payload.json',
        articleSlugFromUrl: (url) => /\\/api\\/articles\\/([a-z0-9-]+)\\.json$/.exec(url)?.[1],
        articleHref: (target) => '/article/' + target,
        readerOrigin: location.origin,
      };
      // Each payload on its own, put into the live document the way the app does (innerHTML).
      const host = document.createElement('div');
      document.body.append(host);
      const found = [];
      all.forEach((payload, index) => {
        const box = document.createElement('div');
        try {
          box.innerHTML = sanitize(payload, options);
        } catch (error) {
          found.push('#' + index + ' the sanitizer threw: ' + error);
          return;
        }
        host.append(box);
        for (const what of findUnsafe(box)) found.push('#' + index + ' ' + what);
      });
      // Let any image error/load handlers and timers that slipped through fire.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return found;
    })()`);

    expect(await sprung(page), 'script ran').toEqual([]);
    expect(dialogs, 'a dialog opened').toEqual([]);
    expect(unsafe.slice(0, 20), 'something unsafe survived sanitizing').toEqual([]);
  }, 300_000);

  test('as headlines, summaries, captions, credits, alt text, author, section and tag names, and bodies in the app, all stay text', async () => {
    const { server, base, api } = session();
    const image =
      api.article(api.listing('latest').items[0]?.slug ?? '').image?.src ?? '../images/none.svg';
    // Listing pages as full as the reader shows them; one article per BATCH payloads.
    const perPage = LIMITS.listingItems;
    const pages = Math.ceil(payloads.length / perPage);
    for (let number = 1; number <= pages; number++) {
      const offset = (number - 1) * perPage;
      server.fault(`${base}api/tags/xss/${number}.json`, {
        body: JSON.stringify({
          title: 'XSS',
          page: number,
          pageCount: pages,
          total: payloads.length,
          items: payloads.slice(offset, offset + perPage).map((payload, index) => ({
            slug: `xss-${offset + index}`,
            headline: payload,
            summary: payload,
            section: { slug: `section-${index}`, name: payload },
            publishedAt: '2026-11-20T10:00:00Z',
          })),
        }),
      });
    }
    const batches = Math.ceil(payloads.length / BATCH);
    for (let batch = 0; batch < batches; batch++) {
      const slice = payloads.slice(batch * BATCH, (batch + 1) * BATCH);
      server.fault(`${base}api/articles/xss-batch-${batch}.json`, {
        body: JSON.stringify({
          slug: `xss-batch-${batch}`,
          headline: `Batch ${batch}`,
          summary: slice.join(' '),
          publishedAt: '2026-11-20T10:00:00Z',
          authors: slice.map((payload, index) => ({ slug: `author-${index}`, name: payload })),
          tags: slice.map((payload, index) => ({ slug: `tag-${index}`, name: payload })),
          image: {
            src: image,
            alt: slice.join(' '),
            caption: slice.join(' '),
            credit: `xss-batch-${batch}`,
            width: 1200,
            height: 675,
          },
          body: slice.map((payload) => `<div>${payload}</div>`).join('\n'),
        }),
      });
    }

    const page = await session().open('/', { blank: true });
    const dialogs = await setTraps(page);
    await page.goto(session().href('/tag/xss'));
    await page.getByRole('heading', { level: 1, name: 'XSS' }).waitFor();

    const mismatched: string[] = [];
    const unsafe: string[] = [];
    for (let number = 1; number <= pages; number++) {
      const offset = (number - 1) * perPage;
      await goInApp(
        page,
        `/tag/xss?page=${number}`,
        `document.querySelector('main h2 a')?.getAttribute('href') === '/article/xss-${offset}'`,
      );
      const headlines = await page.locator('main h2').allTextContents();
      // The payload's own characters, white space collapsed (and a long one cut, ending in "…").
      payloads.slice(offset, offset + perPage).forEach((payload, index) => {
        const text = payload.replace(/\s+/g, ' ').trim();
        const shown = headlines[index] ?? '';
        const same =
          text.length <= LIMITS.headline
            ? shown === text
            : shown.endsWith('…') &&
              shown.length > LIMITS.headline / 2 &&
              text.startsWith(shown.slice(0, -1).trimEnd());
        if (!same) mismatched.push(`#${offset + index}: ${payload}`);
      });
      unsafe.push(...(await unsafeIn(page, 'main')));
    }
    for (let batch = 0; batch < batches; batch++) {
      await goInApp(
        page,
        `/article/xss-batch-${batch}`,
        `document.querySelector('.lead-image__credit')?.textContent.trim() === 'xss-batch-${batch}' && !!document.querySelector('.article-body div')`,
      );
      unsafe.push(...(await unsafeIn(page, 'main')));
    }
    await page.waitForTimeout(1000);

    expect(await sprung(page), 'script ran').toEqual([]);
    expect(dialogs, 'a dialog opened').toEqual([]);
    expect(unsafe.slice(0, 20), 'something unsafe reached the page').toEqual([]);
    expect(mismatched.slice(0, 10), 'a headline was not shown as its own text').toEqual([]);
  }, 300_000);
});
