import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectH1, sessionForFile, waitForSettled } from './support.ts';

// A listing draws the article's fonts out of sight once the browser is idle
// (src/routes/ArticleFonts.tsx), so that the first article a reader opens
// does not set them up in the frame that draws it.

const session = sessionForFile();

/** Every font text is drawn in on the page: style, weight, size and family, one line each. */
function fontsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const fonts = new Set<string>();
    for (const element of document.querySelectorAll('body *')) {
      const hasText = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
      );
      if (!hasText) continue;
      const style = getComputedStyle(element);
      if (style.display === 'none') continue;
      fonts.add(`${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`);
    }
    return [...fonts].sort();
  });
}

describe('the article’s fonts, drawn ahead', () => {
  test.each([
    ['on a phone', { width: 412, height: 823 }],
    ['on a wide screen', { width: 1280, height: 800 }],
  ])(
    '%s, every font an article draws its text in has been drawn by the front page once it is idle, out of sight',
    async (_, viewport) => {
      const api = session().api;
      const site = api.site();
      const front = await session().open('/', { viewport });
      await expectH1(front, `${site.name}: front page`);
      const fonts = front.locator('.article-fonts');
      await fonts.waitFor({ state: 'attached' });
      // Out of sight, out of the accessibility tree, and taking no room.
      expect(await fonts.getAttribute('aria-hidden')).toBe('true');
      expect(await fonts.evaluate((element) => element.getBoundingClientRect().height)).toBe(0);
      expect(await front.getByText('Ag', { exact: true }).first().isVisible()).toBe(false);
      expect(await front.getByRole('heading', { name: 'Ag', exact: true }).count()).toBe(0);
      const drawn = new Set(await fontsOf(front));

      // Every article of the sample, with its picture's caption and its body's quotes and subheadings.
      const slugs = readdirSync(path.join(session().distDir, 'api', 'articles'))
        .filter((file) => file.endsWith('.json'))
        .map((file) => file.replace(/\.json$/, ''));
      expect(slugs.length).toBeGreaterThan(10);
      const missing = new Map<string, string>();
      const page = await session().open('/', { viewport, blank: true });
      for (const slug of slugs) {
        const article = api.article(slug);
        await page.goto(session().href(`/article/${slug}`));
        await expectH1(page, article.headline);
        await page.locator('.article-body').first().waitFor();
        await waitForSettled(page);
        for (const font of await fontsOf(page)) if (!drawn.has(font)) missing.set(font, slug);
      }
      expect(
        [...missing].map(([font, slug]) => `${font} (first in ${slug})`),
        'fonts of an article page that the front page did not draw',
      ).toEqual([]);
    },
  );
});
