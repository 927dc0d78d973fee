import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  expectFocusOnH1,
  expectH1,
  markWindow,
  paragraphsOf,
  scrollY,
  sessionForFile,
  UI_TIMEOUT,
  waitForSettled,
  windowMark,
  type WireSummary,
} from './support.ts';

const session = sessionForFile();

/** Scroll a headline into the middle of the window; returns where the window is scrolled to. */
async function scrollTo(page: Page, link: Locator): Promise<number> {
  await link.evaluate((element) => {
    element.scrollIntoView({ block: 'center', behavior: 'instant' });
  });
  const y = await scrollY(page);
  expect(y, 'the page is long enough to scroll').toBeGreaterThan(400);
  return y;
}

/** Open an article from a scrolled listing, go back and forward; returns nothing, asserts all. */
async function roundTrip(page: Page, listingH1: string, story: WireSummary): Promise<void> {
  const article = session().api.article(story.slug);
  const firstParagraph = paragraphsOf(article.body).find(Boolean) ?? '';
  const link = page.getByRole('main').getByRole('link', { name: story.headline, exact: true });
  const y = await scrollTo(page, link.first());
  await markWindow(page);

  await link.first().click();
  await expectH1(page, story.headline);
  await page.getByText(firstParagraph, { exact: true }).waitFor();
  // A new page starts at its top.
  await expect.poll(() => scrollY(page), { timeout: UI_TIMEOUT }).toBe(0);

  await page.goBack();
  await expectH1(page, listingH1);
  await link.first().waitFor();
  await expectFocusOnH1(page, listingH1);
  // Back where the reader left (give or take a few pixels of late layout).
  await expect
    .poll(async () => Math.abs((await scrollY(page)) - y), { timeout: UI_TIMEOUT })
    .toBeLessThanOrEqual(40);
  // ... and it stays there once everything on the page has arrived.
  await waitForSettled(page);
  expect(Math.abs((await scrollY(page)) - y)).toBeLessThanOrEqual(40);

  await page.goForward();
  await expectH1(page, story.headline);
  await page.getByText(firstParagraph, { exact: true }).waitFor();
  await expectFocusOnH1(page, story.headline);
  await expect.poll(() => scrollY(page), { timeout: UI_TIMEOUT }).toBe(0);
  expect(await windowMark(page), 'back and forward stayed in the same document').toBeDefined();
}

describe('back and forward', () => {
  test('a long listing comes back at the same scroll position, and forward opens the article again', async () => {
    const latest = session().api.listing('latest');
    const page = await session().open('/latest');
    await expectH1(page, latest.title);
    await waitForSettled(page);
    const story = latest.items.at(-2);
    if (!story) throw new Error('Latest News is empty');
    await roundTrip(page, latest.title, story);
  });

  test('the front page comes back at the same scroll position', async () => {
    const { api } = session();
    const site = api.site();
    const page = await session().open('/');
    const h1 = `${site.name}: front page`;
    await expectH1(page, h1);
    await waitForSettled(page);
    // A story far down the page: the first one in the last section block.
    const lastSection = site.sections.at(-1);
    if (!lastSection) throw new Error('the sample has no sections');
    const story = api.listing(`sections/${lastSection.slug}`).items[0];
    if (!story) throw new Error(`section ${lastSection.slug} is empty`);
    await roundTrip(page, h1, story);
  });
});

describe('paging through a listing', () => {
  test('Older → goes to ?page=2 with other stories; page numbers are real links; back returns to page 1', async () => {
    const { api } = session();
    const site = api.site();
    const page1 = api.listing('latest', 1);
    const page2 = api.listing('latest', 2);
    const page3 = api.listing('latest', 3);
    expect(page1.pageCount).toBeGreaterThanOrEqual(3);

    const page = await session().open('/latest');
    await expectH1(page, page1.title);
    await page.getByText(`${page1.total} stories, page 1 of ${page1.pageCount}`).waitFor();
    const pages = page.getByRole('navigation', { name: 'Pages' });
    // The current page is marked as such (whether or not it links to itself).
    const current = pages.locator('[aria-current="page"]');
    expect(await current.count()).toBe(1);
    expect(await current.textContent()).toBe('1');
    expect(await current.getAttribute('aria-label')).toBe('Page 1, current page');
    expect(
      await pages.getByRole('link', { name: 'Page 2', exact: true }).getAttribute('href'),
    ).toBe('/latest?page=2');
    expect(
      await pages
        .getByRole('link', { name: `Page ${page1.pageCount}`, exact: true })
        .getAttribute('href'),
    ).toBe(`/latest?page=${page1.pageCount}`);
    expect(await pages.getByRole('link', { name: /Newer/ }).count()).toBe(0);
    for (const story of page1.items) {
      await page.getByRole('link', { name: story.headline, exact: true }).waitFor();
    }
    await markWindow(page);

    const older = pages.getByRole('link', { name: 'Older →' });
    expect(await older.getAttribute('href')).toBe('/latest?page=2');
    expect(await older.getAttribute('rel')).toBe('next');
    await older.click();

    await page.getByText(`${page2.total} stories, page 2 of ${page2.pageCount}`).waitFor();
    expect(new URL(page.url()).search).toBe('?page=2');
    await expectFocusOnH1(page, page2.title);
    await expect
      .poll(() => page.title())
      .toBe(`${page2.title} (page 2 of ${page2.pageCount}) – ${site.name}`);
    for (const story of page2.items) {
      await page.getByRole('link', { name: story.headline, exact: true }).waitFor();
    }
    const page2Slugs = new Set(page2.items.map((story) => story.slug));
    for (const story of page1.items.filter((item) => !page2Slugs.has(item.slug))) {
      expect(
        await page.getByRole('link', { name: story.headline, exact: true }).count(),
        `page 1's "${story.headline}" is gone from page 2`,
      ).toBe(0);
    }
    const newer = pages.getByRole('link', { name: '← Newer' });
    expect(await newer.getAttribute('href')).toBe('/latest');
    expect(await newer.getAttribute('rel')).toBe('prev');
    expect(
      await pages.getByRole('link', { name: 'Page 1', exact: true }).getAttribute('href'),
    ).toBe('/latest');

    // A page number is a link that works like any other.
    await pages.getByRole('link', { name: 'Page 3', exact: true }).click();
    await page.getByText(`${page3.total} stories, page 3 of ${page3.pageCount}`).waitFor();
    expect(new URL(page.url()).search).toBe('?page=3');
    await page.getByRole('link', { name: page3.items[0]?.headline ?? '', exact: true }).waitFor();

    await page.goBack();
    await page.getByText(`page 2 of ${page2.pageCount}`).waitFor();
    await page.getByRole('link', { name: page2.items[0]?.headline ?? '', exact: true }).waitFor();
    await page.goBack();
    await page.getByText(`${page1.total} stories, page 1 of ${page1.pageCount}`).waitFor();
    expect(new URL(page.url()).search).toBe('');
    for (const story of page1.items) {
      await page.getByRole('link', { name: story.headline, exact: true }).waitFor();
    }
    await expect.poll(() => page.title()).toBe(`${page1.title} – ${site.name}`);
    expect(await windowMark(page), 'paging never reloaded the page').toBeDefined();
  });

  test('a page number typed into the address bar loads that page', async () => {
    const page3 = session().api.listing('latest', 3);
    const page = await session().open('/latest?page=3');
    await expectH1(page, page3.title);
    await page.getByText(`page 3 of ${page3.pageCount}`).waitFor();
    for (const story of page3.items) {
      await page.getByRole('link', { name: story.headline, exact: true }).waitFor();
    }
  });

  test('/latest?page=999, past the last page, is Not Found', async () => {
    const site = session().api.site();
    const page = await session().open('/latest?page=999');
    await expectH1(page, 'Page not found');
    await expect.poll(() => page.title()).toBe(`Page not found – ${site.name}`);
    await page.getByRole('link', { name: 'Go to the front page' }).waitFor();
  });

  test.each(['0', 'two', '-1', '1'])(
    '/latest?page=%s shows the first page at /latest, in place of the address typed',
    async (number) => {
      const site = session().api.site();
      const page1 = session().api.listing('latest', 1);
      const page = await session().open('/');
      await expectH1(page, `${site.name}: front page`);

      await page.goto(session().href(`/latest?page=${number}`));
      await page.getByText(`${page1.total} stories, page 1 of ${page1.pageCount}`).waitFor();
      await expect.poll(() => new URL(page.url()).pathname).toBe(`${session().base}latest`);
      expect(new URL(page.url()).search).toBe('');
      // Back goes to the page before, not to the address that was replaced.
      await page.goBack();
      await expectH1(page, `${site.name}: front page`);
      expect(new URL(page.url()).pathname).toBe(session().base);
    },
  );
});
