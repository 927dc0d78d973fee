import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { expectFocusOnH1, expectH1, sessionForFile } from './support.ts';

// A JSON Feed written for the tests, served by the same static host as the app,
// with its absolute URLs turned into paths on that host (the CSP allows no other).
const feed = readFileSync(path.resolve('tests/fixtures/jsonfeed/harbour-gazette.json'), 'utf8')
  .replaceAll('https://gazette.test/', '/gazette/')
  .replaceAll('https://cdn.gazette.test/', '/gazette/cdn/');

describe('the production build on a JSON Feed source, under the CSP', () => {
  const session = sessionForFile();

  test('front page, article and tag listing come from the feed', async () => {
    const { server, base } = session();
    server.fault(`${base}broadsheet.config.json`, {
      body: JSON.stringify({ source: { type: 'jsonfeed', url: 'gazette/feed.json' } }),
    });
    server.fault(`${base}gazette/feed.json`, { body: feed });

    const page = await session().open('/');
    const banner = page.getByRole('banner');
    await expect
      .poll(() => banner.getByRole('link').first().textContent())
      .toBe('The Harbour & Hill Gazette');
    // Top News from the feed's _broadsheet.priority extension: priority 1 leads.
    const lead = page.getByRole('region', { name: 'Top story' });
    await lead.getByRole('link', { name: 'Council approves the hill park' }).waitFor();
    // A headline with entities and markup reads as plain text.
    await page
      .getByRole('link', { name: 'Fish & chips shop wins national award' })
      .first()
      .waitFor();

    await page.getByRole('link', { name: 'Ferry service returns to the harbour' }).first().click();
    await expectH1(page, 'Ferry service returns to the harbour');
    await expectFocusOnH1(page, 'Ferry service returns to the harbour');
    await page.locator('.article-body p').first().waitFor();
    const moreAbout = page.getByRole('region', { name: 'More about' });
    await moreAbout.getByRole('link', { name: 'Transport' }).click();

    await expectH1(page, 'Transport');
    expect(
      await page.getByRole('main').getByRole('heading', { level: 2 }).allTextContents(),
    ).toContain('Hill road closed for repairs');
    expect(
      server.requests.filter((request) => request.endsWith('/gazette/feed.json')),
    ).toHaveLength(1);
  });
});
