import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  expectFocusOnH1,
  expectH1,
  markWindow,
  paragraphsOf,
  sessionForFile,
  windowMark,
  articleLinkingToAnother,
  UI_TIMEOUT,
} from './support.ts';

// The build made with base /news/, served under /news/ (as on a shared host).
const session = sessionForFile({ build: 'subPath' });

const pathname = (page: Page) => new URL(page.url()).pathname;
const search = (page: Page) => new URL(page.url()).search;

/** Every request the app made stayed under /news/ (nothing fell back to the site root). */
function expectRequestsUnderBase(): void {
  const outside = session().server.requests.filter((path) => !path.startsWith('/news/'));
  expect(outside, 'requests outside /news/').toEqual([]);
}

describe('the reader under /news/', () => {
  test('a deep link to an article loads it from /news/api/', async () => {
    const { api, server, origin } = session();
    const story = api.listing('latest').items[0];
    if (!story) throw new Error('Latest News is empty');
    const article = api.article(story.slug);

    const page = await session().open(`/article/${article.slug}`);
    expect(pathname(page)).toBe(`/news/article/${article.slug}`);
    await expectH1(page, article.headline);
    await page.getByText(paragraphsOf(article.body).find(Boolean) ?? '', { exact: true }).waitFor();
    expect(server.requests).toContain('/news/broadsheet.config.json');
    expect(server.requests).toContain('/news/api/site.json');
    expect(server.requests).toContain(`/news/api/articles/${article.slug}.json`);

    if (article.image) {
      const image = page.getByRole('figure').getByRole('img', { name: article.image.alt });
      const src = await image.getAttribute('src');
      expect(src?.startsWith(`${origin}/news/api/images/`), `lead image ${src}`).toBe(true);
      // ...and it really loaded.
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0))
        .toBe(true);
    }
    // Added by the page once it renders: wait for it.
    await expect
      .poll(() =>
        page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href),
      )
      .toBe(`${origin}/news/article/${article.slug}`);
    for (const tag of article.tags ?? []) {
      const link = page
        .getByRole('region', { name: 'More about' })
        .getByRole('link', { name: tag.name, exact: true });
      expect(await link.getAttribute('href')).toBe(`/news/tag/${tag.slug}`);
    }
    expectRequestsUnderBase();
  });

  test('clicking around stays under /news/', async () => {
    const { api } = session();
    const site = api.site();
    const page = await session().open('/');
    expect(pathname(page)).toBe('/news/');
    await expectH1(page, `${site.name}: front page`);
    await markWindow(page);

    const top = api.listing('top');
    const lead = top.items[0];
    if (!lead) throw new Error('Top News is empty');
    await page
      .getByRole('region', { name: 'Top story' })
      .getByRole('link', { name: lead.headline, exact: true })
      .click();
    await expectH1(page, lead.headline);
    expect(pathname(page)).toBe(`/news/article/${lead.slug}`);
    await expectFocusOnH1(page, lead.headline);

    const tag = api.article(lead.slug).tags?.[0];
    if (!tag) throw new Error(`${lead.slug} has no tags`);
    await page
      .getByRole('region', { name: 'More about' })
      .getByRole('link', { name: tag.name, exact: true })
      .click();
    await expectH1(page, tag.name);
    expect(pathname(page)).toBe(`/news/tag/${tag.slug}`);

    await page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Latest', exact: true })
      .click();
    const latest = api.listing('latest');
    await expectH1(page, latest.title);
    expect(pathname(page)).toBe('/news/latest');
    const pages = page.getByRole('navigation', { name: 'Pages' });
    expect(
      await pages.getByRole('link', { name: 'Page 2', exact: true }).getAttribute('href'),
    ).toBe('/news/latest?page=2');
    await pages.getByRole('link', { name: 'Older →' }).click();
    await page.getByText(`page 2 of ${latest.pageCount}`).waitFor();
    expect(pathname(page)).toBe('/news/latest');
    expect(search(page)).toBe('?page=2');

    await page.goBack();
    await page.getByText(`${latest.total} stories, page 1 of ${latest.pageCount}`).waitFor();
    expect(pathname(page)).toBe('/news/latest');
    expect(await windowMark(page), 'all of it without a page load').toBeDefined();
    expectRequestsUnderBase();
  });

  test('every link to the front page goes to /news/, and the page it opens can be reloaded', async () => {
    const { api, server } = session();
    const site = api.site();
    const frontPageLinks = async (page: Page) => {
      const banner = page.getByRole('banner').getByRole('link', { name: site.name, exact: true });
      const inMain = page.getByRole('main').getByRole('link', { name: 'Go to the front page' });
      return {
        banner: await banner.getAttribute('href'),
        main: (await inMain.count()) > 0 ? await inMain.getAttribute('href') : null,
      };
    };

    // The site name in the banner, on an article.
    const story = api.listing('latest').items[0];
    const page = await session().open(`/article/${story?.slug ?? ''}`);
    await expectH1(page, story?.headline ?? '');
    expect.soft((await frontPageLinks(page)).banner, 'banner site-name link').toBe('/news/');

    // "Go to the front page" on Not Found.
    await page.goto(session().href('/no/such/page'));
    await expectH1(page, 'Page not found');
    expect.soft((await frontPageLinks(page)).main, 'Not Found page link').toBe('/news/');

    // "Go to the front page" on an error page.
    server.fault('/news/api/latest/1.json', { status: 500 });
    await page.goto(session().href('/latest'));
    await expectH1(page, 'The news server ran into a problem');
    expect.soft((await frontPageLinks(page)).main, 'error page link').toBe('/news/');
    server.clearFaults();

    // Following it opens the front page at an address that works on its own too.
    await page.getByRole('main').getByRole('link', { name: 'Go to the front page' }).click();
    await expectH1(page, `${site.name}: front page`);
    expect.soft(pathname(page), 'address after following the link').toBe('/news/');
    const reloaded = await page.reload();
    expect(reloaded?.status(), `reloading ${pathname(page)}`).toBe(200);
    await expectH1(page, `${site.name}: front page`);
  });

  test('a link in an article body to another article points at /news/article/...', async () => {
    const { api } = session();
    const { linking, targetSlug } = articleLinkingToAnother(api);
    const target = api.article(targetSlug);

    const page = await session().open(`/article/${linking.slug}`);
    await expectH1(page, linking.headline);
    await markWindow(page);
    // The body renders once its sanitizer has loaded, a moment after the headline.
    await page.locator('.article-body p').first().waitFor({ timeout: UI_TIMEOUT });
    const link = page.locator(`.article-body a[href="/news/article/${targetSlug}"]`).first();
    expect(await link.count(), 'the body link is rewritten to the reader under /news/').toBe(1);
    await link.click();
    await expectH1(page, target.headline);
    expect(pathname(page)).toBe(`/news/article/${targetSlug}`);
    expect(await windowMark(page)).toBeDefined();
  });

  test('a broken config under /news/ names /news/broadsheet.config.json', async () => {
    const { server, origin } = session();
    server.fault('/news/broadsheet.config.json', { body: '[]' });
    const page = await session().open('/article/anything');
    await expectH1(page, 'This news site can’t start');
    expect(await page.getByRole('main').locator('code').textContent()).toBe(
      `${origin}/news/broadsheet.config.json`,
    );
  });
});
