import { describe, expect, test } from 'vitest';
import { expectH1, sessionForFile, waitForSettled } from './support.ts';

// How the pages lay out, measured in Chromium: the habits of docs/design.md.

const session = sessionForFile();

type Box = { left: number; top: number; width: number; height: number; bottom: number };

describe('page layout', () => {
  test('an article’s column has one width: headline, picture, body, tags and the lists below', async () => {
    const story = session()
      .api.listing('latest')
      .items.find((item) => item.image);
    if (!story) throw new Error('the sample needs a story with a picture');
    const page = await session().open(`/article/${story.slug}`, {
      viewport: { width: 1280, height: 900 },
    });
    await expectH1(page, story.headline);
    await page.locator('.article-body p').first().waitFor();
    // The lists below come a moment later, with code of their own (an island).
    await page.locator('.article-page__more .story-box').first().waitFor();
    await waitForSettled(page);
    const widths = await page.evaluate(() =>
      Object.fromEntries(
        [
          '.article__header',
          '.lead-image',
          '.article-body',
          '.tag-links',
          '.article-page__more',
        ].map((selector) => [
          selector,
          Math.round(document.querySelector(selector)?.getBoundingClientRect().width ?? 0),
        ]),
      ),
    );
    const values = Object.values(widths);
    expect(Math.min(...values), JSON.stringify(widths)).toBeGreaterThan(500);
    expect(Math.max(...values) - Math.min(...values), JSON.stringify(widths)).toBeLessThanOrEqual(
      1,
    );
  });

  test('the front page: the lead picture level with its label, and section blocks in full rows', async () => {
    const page = await session().open('/', { viewport: { width: 1280, height: 900 } });
    await expectH1(page, `${session().api.site().name}: front page`);
    await waitForSettled(page);
    const { image, text, blocks } = await page.evaluate(() => {
      const box = (element: Element | null): Box => {
        const { left, top, width, height, bottom } =
          element?.getBoundingClientRect() ?? new DOMRect();
        return { left, top, width, height, bottom };
      };
      return {
        image: box(document.querySelector('.front-page__lead .story__image')),
        text: box(document.querySelector('.front-page__lead .story__text')),
        blocks: [...document.querySelectorAll('.section-block')].map(box),
      };
    });
    expect(
      Math.abs(image.top - text.top),
      'the lead picture’s top against its text’s',
    ).toBeLessThanOrEqual(2);
    const rows = new Map<number, number>();
    for (const block of blocks)
      rows.set(Math.round(block.top), (rows.get(Math.round(block.top)) ?? 0) + 1);
    const perRow = [...rows.values()];
    expect(blocks.length).toBe(session().api.site().sections.length);
    // Every row as full as the first.
    expect(
      perRow.every((count) => count === perRow[0]),
      `blocks per row: ${perRow.join(' + ')}`,
    ).toBe(true);
  });

  test('a heading that links to its listing shows an arrow, which is not part of the link’s name', async () => {
    const page = await session().open('/', { viewport: { width: 1280, height: 900 } });
    await expectH1(page, `${session().api.site().name}: front page`);
    const link = page
      .getByRole('region', { name: 'Top News' })
      .getByRole('link', { name: 'Top News', exact: true });
    expect(
      await link.evaluate((element) => getComputedStyle(element, '::after').content),
    ).toContain('›');
    // The region is named by its heading: no arrow in that name either.
    expect(await page.getByRole('region', { name: 'Top News', exact: true }).count()).toBe(1);
  });

  test('on a phone, a story card is a small picture beside its headline and a short summary below', async () => {
    const page = await session().open('/', { viewport: { width: 375, height: 800 } });
    await expectH1(page, `${session().api.site().name}: front page`);
    await waitForSettled(page);
    const cards = await page.evaluate(() =>
      [...document.querySelectorAll('.front-page__top .story--standard')].map((card) => {
        const box = (selector: string) => card.querySelector(selector)?.getBoundingClientRect();
        return {
          card: card.getBoundingClientRect().height,
          image: box('.story__image'),
          headline: box('.story__headline'),
          summary: box('.story__summary'),
        };
      }),
    );
    expect(cards.length).toBeGreaterThan(2);
    for (const { card, image, headline, summary } of cards) {
      if (!image || !headline) throw new Error('a card without its picture or headline');
      expect(image.width).toBeLessThanOrEqual(100);
      expect(headline.right).toBeLessThanOrEqual(image.left);
      if (summary) {
        // Below the picture, across the card, and no longer than three lines.
        expect(summary.top).toBeGreaterThanOrEqual(Math.min(image.bottom, headline.bottom) - 1);
        expect(summary.width).toBeGreaterThan(300);
        expect(summary.height).toBeLessThanOrEqual(3 * 30);
      }
      expect(card).toBeLessThan(320);
    }
  });

  test('a section page leads with its newest story, large with its picture, and fills the width with the rest', async () => {
    const section = session().api.site().sections[0];
    if (!section) throw new Error('the sample has no sections');
    const listing = session().api.listing(`sections/${section.slug}`);
    const page = await session().open(`/section/${section.slug}`, {
      viewport: { width: 1280, height: 900 },
    });
    await expectH1(page, section.name);
    const lead = page.getByRole('region', { name: 'Lead story' });
    await lead.getByRole('link', { name: listing.items[0]?.headline ?? '' }).waitFor();
    expect(await lead.locator('img').count()).toBe(listing.items[0]?.image ? 1 : 0);
    const columns = await page.evaluate(
      () =>
        new Set(
          [...document.querySelectorAll('.listing-page > .story-list > li')].map((item) =>
            Math.round(item.getBoundingClientRect().left),
          ),
        ).size,
    );
    expect(columns, 'columns of stories after the lead').toBe(2);
  });

  test('on a phone, Newer and Older share a row, with the page numbers below them', async () => {
    const page = await session().open('/latest?page=3', { viewport: { width: 375, height: 800 } });
    await expectH1(page, 'Latest News');
    const pages = page.getByRole('navigation', { name: 'Pages' });
    await pages.getByRole('link', { name: 'Older →' }).waitFor();
    // All three from one layout: pictures above that load between two reads move the row.
    const { newer, older, numbers } = await pages.evaluate((nav) => {
      const box = (element: Element | null | undefined) => {
        if (!element) throw new Error('the paging links do not show');
        const { x, y, width, height } = element.getBoundingClientRect();
        return { x, y, width, height };
      };
      const links = [...nav.querySelectorAll('a')];
      return {
        newer: box(links.find((link) => link.textContent.trim() === '← Newer')),
        older: box(links.find((link) => link.textContent.trim() === 'Older →')),
        numbers: box(nav.querySelector('ul, ol')),
      };
    });
    expect(Math.round(older.y)).toBe(Math.round(newer.y));
    expect(older.x + older.width).toBeLessThanOrEqual(375);
    expect(numbers.y).toBeGreaterThanOrEqual(newer.y + newer.height);
  });

  test('a headline never breaks inside a hyphenated word', async () => {
    const story = session()
      .api.listing('latest')
      .items.find((item) => /\S-\S/.test(item.headline));
    if (!story) throw new Error('the sample needs a hyphenated headline');
    for (const width of [320, 375, 414]) {
      const page = await session().open(`/article/${story.slug}`, {
        viewport: { width, height: 800 },
      });
      await expectH1(page, story.headline);
      await waitForSettled(page);
      // Each compound on one line: its box one line of its headline high.
      const split = await page.evaluate(() =>
        [...document.querySelectorAll('main .nowrap')]
          .filter((word) => {
            const lineHeight = parseFloat(getComputedStyle(word).lineHeight);
            return word.getBoundingClientRect().height > lineHeight * 1.5;
          })
          .map((word) => word.textContent),
      );
      expect(await page.locator('main h1 .nowrap').count()).toBeGreaterThan(0);
      expect(split, `at ${String(width)} px`).toEqual([]);
      await page.context().close();
    }
  });
});
