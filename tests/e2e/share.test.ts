import { describe, expect, inject, test } from 'vitest';
import { productionServerForFile } from './productionServer.ts';
import { readApi } from './support.ts';
import { hydrated, openWatched } from './watch.ts';

// Sharing a story from its page, in Chromium, on the server's pages.

const started = productionServerForFile();
const api = readApi(inject('builds').root);

describe('sharing a story', () => {
  const story = api.listing('latest').items[0];
  const address = () => new URL(`article/${story?.slug ?? ''}`, started().server.url).href;

  test('where the browser has no share sheet: Copy link copies the address and says so; the share links load nothing', async () => {
    const seen = await openWatched(started().browser, { viewport: { width: 375, height: 800 } });
    const { page, context } = seen;
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: new URL(started().server.url).origin,
      });
      // Chromium on Linux has none; on other systems, take it away.
      await page.addInitScript(() => {
        Reflect.deleteProperty(Navigator.prototype, 'share');
      });
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      await page.goto(address());
      await hydrated(page);
      await page.locator('summary', { hasText: 'Share' }).click();
      await page.getByRole('button', { name: 'Copy link' }).click();
      await expect
        .poll(() => page.getByRole('status').filter({ hasText: 'Link copied.' }).count())
        .toBe(1);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address());
      const links = page.getByRole('list', { name: 'Share by email or on a social network' });
      expect(
        await links.getByRole('link').evaluateAll((all) => all.map((a) => a.textContent)),
      ).toEqual([
        'Email',
        'X (opens in a new tab)',
        'Facebook (opens in a new tab)',
        'LinkedIn (opens in a new tab)',
        'WhatsApp (opens in a new tab)',
      ]);
      // Every request the page made went to the reader's own origin.
      expect(
        requests.filter((url) => !url.startsWith(new URL(started().server.url).origin)),
      ).toEqual([]);
      // The panel fits the phone's width.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        375,
      );
      expect(seen.errors).toEqual([]);
      expect(seen.console).toEqual([]);
    } finally {
      await seen.close();
    }
  });

  test('where the browser has a share sheet, Share opens it with the headline and address', async () => {
    const seen = await openWatched(started().browser);
    const { page } = seen;
    try {
      await page.addInitScript(() => {
        const shared: unknown[] = [];
        Object.assign(window, { __shared: shared });
        Object.defineProperty(Navigator.prototype, 'share', {
          configurable: true,
          value: (data: unknown) => {
            shared.push(data);
            return Promise.resolve();
          },
        });
      });
      await page.goto(address());
      await hydrated(page);
      await page.locator('summary', { hasText: 'Share' }).click();
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared))
        .toEqual([{ title: story?.headline, url: address() }]);
      expect(await page.getByRole('button', { name: 'Copy link' }).count()).toBe(0);
      expect(seen.errors).toEqual([]);
    } finally {
      await seen.close();
    }
  });
});
