import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { LIMITS } from '../../src/news/limits.ts';
import { sessionForFile, UI_TIMEOUT } from './support.ts';
import {
  hasPayloads,
  payloadDocuments,
  readPayloads,
  setTraps,
  showsAsHeadline,
  sprung,
  unsafeIn,
} from './unsafe.ts';

/** Navigate with the app's own router, from inside the page, and wait until `ready` holds. */
async function goInApp(page: Page, appPath: string, ready: string): Promise<void> {
  await page.evaluate((target) => {
    history.pushState(null, '', target);
    dispatchEvent(new PopStateEvent('popstate'));
  }, appPath);
  await page.waitForFunction(ready, undefined, { timeout: UI_TIMEOUT });
}

// Third-party test material: read from the shared fixtures, skipped without them.
describe.skipIf(!hasPayloads)('6,600 XSS payloads in Chromium', () => {
  // No CSP here: it would block inline handlers by itself and hide a sanitizer failure.
  const session = sessionForFile({ csp: false });
  let payloads: string[] = [];

  beforeAll(() => {
    payloads = readPayloads();
  });

  // Bodies through each sanitizer on its own, both engines: tests/e2e/sanitizers.test.ts.

  test('as headlines, summaries, captions, credits, alt text, author, section and tag names, and bodies in the app, all stay text', async () => {
    const { server, base, api } = session();
    const image =
      api.article(api.listing('latest').items[0]?.slug ?? '').image?.src ?? '../images/none.svg';
    const { documents, pages, batches } = payloadDocuments(payloads, image);
    for (const [file, body] of documents) server.fault(`${base}api/${file}`, { body });
    const perPage = LIMITS.listingItems;

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
        if (!showsAsHeadline(payload, headlines[index] ?? ''))
          mismatched.push(`#${offset + index}: ${payload}`);
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
