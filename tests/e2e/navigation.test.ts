import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  bylineText,
  expectFocusOnH1,
  expectH1,
  focused,
  markWindow,
  paragraphsOf,
  sessionForFile,
  UI_TIMEOUT,
  windowMark,
  type WireArticle,
  articleLinkingToAnother,
} from './support.ts';
import { hydrated } from './watch.ts';

const session = sessionForFile();

interface HeadMeta {
  canonical: string[];
  ogTitle: string[];
  jsonLd: unknown[];
}

function headMeta(page: Page): Promise<HeadMeta> {
  return page.evaluate(() => ({
    canonical: [...document.querySelectorAll<HTMLLinkElement>('link[rel="canonical"]')].map(
      (link) => link.href,
    ),
    ogTitle: [...document.querySelectorAll<HTMLMetaElement>('meta[property="og:title"]')].map(
      (meta) => meta.content,
    ),
    jsonLd: [...document.querySelectorAll('script[type="application/ld+json"]')].map(
      (script) => JSON.parse(script.textContent || 'null') as unknown,
    ),
  }));
}

/** What an article page shows in one frame: its headline, whether its body and the lists beside it. */
interface FirstFrame {
  h1?: string | undefined;
  body: boolean;
  lists: boolean;
}

/**
 * What the frame after the next `event` paints: an animation frame callback
 * asked for in the event runs just before that frame is drawn.
 */
function recordFirstFrame(page: Page, event: 'click' | 'popstate'): Promise<void> {
  return page.evaluate((type) => {
    const target = window as unknown as { __firstFrame?: FirstFrame };
    delete target.__firstFrame;
    addEventListener(
      type,
      () => {
        requestAnimationFrame(() => {
          target.__firstFrame = {
            h1: document.querySelector('main h1')?.textContent,
            body: document.querySelector('main .article-body p') !== null,
            lists: document.querySelector('aside[aria-label="More news"]') !== null,
          };
        });
      },
      { capture: true, once: true },
    );
  }, event);
}

/** What a record…Frame function left on the window under `name`, once that frame is drawn. */
function recorded<T>(page: Page, name: '__firstFrame' | '__bodyFrame'): Promise<T> {
  return page
    .waitForFunction((key) => (window as unknown as Record<string, unknown>)[key], name, {
      timeout: UI_TIMEOUT,
    })
    .then((handle) => handle.jsonValue() as Promise<T>);
}

/** The frame recordFirstFrame asked for, once drawn. */
function firstFrame(page: Page): Promise<FirstFrame> {
  return recorded(page, '__firstFrame');
}

/** The frame that first paints an article's body, against the page shown before it came. */
interface BodyFrame {
  /** The headline is the element it was: the page was filled in, not drawn afresh. */
  sameHeadline: boolean;
  headlineFocused: boolean;
  lists: boolean;
}

/** Watch for the frame that first paints the body of the article on screen now. */
function recordBodyFrame(page: Page): Promise<void> {
  return page.evaluate(() => {
    const target = window as unknown as { __bodyFrame?: BodyFrame };
    delete target.__bodyFrame;
    const headline = document.querySelector('main h1');
    const observer = new MutationObserver(() => {
      if (document.querySelector('main .article-body p') === null) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const now = document.querySelector('main h1');
        target.__bodyFrame = {
          sameHeadline: headline !== null && now === headline,
          headlineFocused: now !== null && document.activeElement === now,
          lists: document.querySelector('aside[aria-label="More news"]') !== null,
        };
      });
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

/** The frame recordBodyFrame watched for, once drawn. */
function bodyFrame(page: Page): Promise<BodyFrame> {
  return recorded(page, '__bodyFrame');
}

/** Everything a reader (and a crawler) should find on an article page. */
async function expectArticlePage(page: Page, article: WireArticle): Promise<void> {
  const { api } = session();
  const site = api.site();
  await expectH1(page, article.headline);
  expect(new URL(page.url()).pathname).toBe(`/article/${article.slug}`);
  await expect.poll(() => page.title()).toBe(`${article.headline} – ${site.name}`);

  const story = page.getByRole('article', { name: article.headline });
  if (article.image) {
    const figure = story.getByRole('figure');
    await figure.getByRole('img', { name: article.image.alt, exact: true }).waitFor();
    if (article.image.caption) await figure.getByText(article.image.caption).waitFor();
  }

  await story.getByText(bylineText(article, site.language), { exact: true }).waitFor();
  for (const author of article.authors ?? []) {
    const link = story.getByRole('link', { name: author.name, exact: true });
    expect(await link.getAttribute('href')).toBe(`/author/${author.slug}`);
  }

  // The body: every paragraph of the document, in order.
  const paragraphs = paragraphsOf(article.body).filter(Boolean);
  expect(paragraphs.length).toBeGreaterThan(1);
  await story.getByText(paragraphs[0] ?? '', { exact: true }).waitFor();
  await story.getByText(paragraphs.at(-1) ?? '', { exact: true }).waitFor();
  const shown = await story
    .locator('p')
    .evaluateAll((elements) => elements.map((p) => p.textContent.replace(/\s+/g, ' ').trim()));
  expect(shown).toEqual(expect.arrayContaining(paragraphs));

  const moreAbout = page.getByRole('region', { name: 'More about' });
  for (const tag of article.tags ?? []) {
    const link = moreAbout.getByRole('link', { name: tag.name, exact: true });
    expect(await link.getAttribute('href')).toBe(`/tag/${tag.slug}`);
  }

  const canonical = session().href(`/article/${article.slug}`);
  await expect.poll(async () => (await headMeta(page)).canonical).toEqual([canonical]);
  // Link previews and search engines read the page the server sends; a page
  // drawn in the browser carries none of their tags (tests/server/render.test.ts).
  expect(await headMeta(page)).toEqual({ canonical: [canonical], ogTitle: [], jsonLd: [] });
}

describe('reading the news by clicking', () => {
  test('front page → Top News headline → article → tag → another article, all in one document', async () => {
    const { api } = session();
    const site = api.site();
    const top = api.listing('top');
    const page = await session().open('/');

    await expectH1(page, `${site.name}: front page`);
    await expect.poll(() => page.title()).toBe(site.name);
    expect(await headMeta(page)).toEqual({ canonical: [], ogTitle: [], jsonLd: [] });
    await markWindow(page);

    // The lead story sits on its own; "Top News" lists the next ones.
    const topNews = page.getByRole('region', { name: 'Top News' });
    const first = top.items[1];
    if (!first) throw new Error('the sample needs at least two Top News stories');
    await topNews.getByRole('link', { name: first.headline, exact: true }).click();

    const article = api.article(first.slug);
    await expectArticlePage(page, article);
    await expectFocusOnH1(page, article.headline);
    expect(await windowMark(page), 'the article opened without a page load').toBeDefined();

    // A tag with more than this one story, so there is somewhere to go next.
    const tag = (article.tags ?? []).find((candidate) => {
      return api.listing(`tags/${candidate.slug}`).total > 1;
    });
    if (!tag) throw new Error(`no tag of ${article.slug} has another story`);
    await page
      .getByRole('region', { name: 'More about' })
      .getByRole('link', { name: tag.name, exact: true })
      .click();

    const listing = api.listing(`tags/${tag.slug}`);
    await expectH1(page, listing.title);
    expect(listing.title).toBe(tag.name);
    expect(new URL(page.url()).pathname).toBe(`/tag/${tag.slug}`);
    await expectFocusOnH1(page, tag.name);
    await expect.poll(() => page.title()).toBe(`${tag.name} – ${site.name}`);
    // The article's canonical link left with it.
    await expect.poll(() => headMeta(page)).toEqual({ canonical: [], ogTitle: [], jsonLd: [] });
    for (const item of listing.items) {
      await page.getByRole('link', { name: item.headline, exact: true }).waitFor();
    }
    expect(await windowMark(page), 'the tag listing opened without a page load').toBeDefined();

    const next = listing.items.find((item) => item.slug !== article.slug);
    if (!next) throw new Error(`tag ${tag.slug} has no other story`);
    await page.getByRole('main').getByRole('link', { name: next.headline, exact: true }).click();

    await expectArticlePage(page, api.article(next.slug));
    await expectFocusOnH1(page, next.headline);
    expect(await windowMark(page), 'the second article opened without a page load').toBeDefined();
  });

  test('a link in an article body to another article opens it in the app', async () => {
    const { api } = session();
    const { linking, targetSlug } = articleLinkingToAnother(api);
    const target = api.article(targetSlug);

    const page = await session().open(`/article/${linking.slug}`);
    await expectH1(page, linking.headline);
    await markWindow(page);
    // The body renders once its sanitizer has loaded, a moment after the headline.
    await page.locator('.article-body p').first().waitFor({ timeout: UI_TIMEOUT });
    const link = page.locator(`.article-body a[href="/article/${targetSlug}"]`).first();
    expect(await link.count(), `the body link to ${targetSlug} points at the reader`).toBe(1);
    await link.click();

    await expectArticlePage(page, target);
    await expectFocusOnH1(page, target.headline);
    expect(await windowMark(page)).toBeDefined();
  });

  test('opened from a listing, the headline shows at once and the body follows when it arrives', async () => {
    const { api, server } = session();
    const story = api.listing('top').items[2];
    if (!story) throw new Error('the sample needs three Top News stories');
    const article = api.article(story.slug);
    let release = () => {};
    server.fault(`/api/articles/${story.slug}.json`, {
      until: new Promise<void>((resolve) => {
        release = resolve;
      }),
    });

    const page = await session().open('/');
    await page
      .getByRole('region', { name: 'Top News' })
      .getByRole('link', { name: story.headline, exact: true })
      .click();
    // What the listing already said is on screen while the body is on its way.
    await expectH1(page, story.headline);
    await expectFocusOnH1(page, story.headline);
    const byline = bylineText(article, api.site().language);
    const main = page.getByRole('main');
    await main.getByText(byline, { exact: true }).waitFor();
    const firstParagraph = paragraphsOf(article.body).find(Boolean) ?? '';
    expect(await main.getByText(firstParagraph, { exact: true }).count()).toBe(0);

    release();
    await main.getByText(firstParagraph, { exact: true }).waitFor();
    await expectFocusOnH1(page, story.headline);
  });

  test('a click with nothing warmed draws the headline in the frame after it, a click a script dispatched too, and the document fills in that page', async () => {
    const { api, server } = session();
    const story = api.listing('top').items[3];
    if (!story) throw new Error('the sample needs four Top News stories');
    // The document is held: what the frame shows comes from the listing.
    let release = () => {};
    server.fault(`/api/articles/${story.slug}.json`, {
      until: new Promise<void>((resolve) => {
        release = resolve;
      }),
    });
    const page = await session().open('/');
    const link = page
      .getByRole('region', { name: 'Top News' })
      .getByRole('link', { name: story.headline, exact: true });
    await hydrated(page, link);
    await recordFirstFrame(page, 'click');
    // A click event alone, as an assistive technology or a script gives it: no pointer, no hover.
    await link.dispatchEvent('click');
    expect(await firstFrame(page)).toEqual({ h1: story.headline, body: false, lists: false });
    expect(await page.getByRole('main').getAttribute('aria-busy')).not.toBe('true');
    // The document fills in the page on screen: the headline stays as it is,
    // with the focus, and the lists beside the story come in a frame of their own.
    await recordBodyFrame(page);
    release();
    expect(await bodyFrame(page)).toEqual({
      sameHeadline: true,
      headlineFocused: true,
      lists: false,
    });
    await expectArticlePage(page, api.article(story.slug));
  });

  test('a click drawn from the listing never shows the page it leaves as busy; a navigation that waits for its document does', async () => {
    const { api, server } = session();
    const story = api.listing('top').items[2];
    if (!story) throw new Error('the sample needs three Top News stories');
    const page = await session().open('/');
    const link = page
      .getByRole('region', { name: 'Top News' })
      .getByRole('link', { name: story.headline, exact: true });
    await hydrated(page, link);
    // Every time the main landmark says it is busy, from the click on.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __busy: string[] }).__busy = seen;
      new MutationObserver(() => {
        if (document.querySelector('main')?.getAttribute('aria-busy') === 'true')
          seen.push(location.pathname);
      }).observe(document.body, { subtree: true, attributeFilter: ['aria-busy'] });
    });
    await link.dispatchEvent('click');
    await expectArticlePage(page, api.article(story.slug));
    expect(await page.evaluate(() => (window as unknown as { __busy: string[] }).__busy)).toEqual(
      [],
    );

    // A tag's listing, not read yet: the page says it is busy until its document comes.
    const tag = api.article(story.slug).tags?.[0];
    if (!tag) throw new Error(`${story.slug} has no tags`);
    let release = () => {};
    server.fault(`/api/tags/${tag.slug}/1.json`, {
      until: new Promise<void>((resolve) => {
        release = resolve;
      }),
    });
    await page
      .getByRole('region', { name: 'More about' })
      .getByRole('link', { name: tag.name, exact: true })
      .dispatchEvent('click');
    await page.locator('main[aria-busy="true"]').waitFor({ timeout: UI_TIMEOUT });
    release();
    await expectH1(page, api.listing(`tags/${tag.slug}`).title);
    expect(await page.getByRole('main').getAttribute('aria-busy')).toBe('false');
  });

  test('from one article to the next, the first frame draws the story and not the lists beside it; back draws them at once', async () => {
    const { api } = session();
    const first = api.listing('top').items[1];
    if (!first) throw new Error('the sample needs at least two Top News stories');
    const page = await session().open(`/article/${first.slug}`);
    const more = page.getByRole('complementary', { name: 'More news' });
    const latest = more.getByRole('region', { name: 'Latest News' });
    const next = latest.getByRole('link').nth(1);
    await next.waitFor();
    const nextHeadline = await next.innerText();

    // With the next story's document in (a hover warms it), the click draws the whole story.
    const nextSlug = (await next.getAttribute('href'))?.split('/').pop() ?? '';
    const warmed = page.waitForResponse((response) =>
      response.url().endsWith(`/articles/${nextSlug}.json`),
    );
    await next.hover();
    await warmed;
    await recordFirstFrame(page, 'click');
    await next.click();
    expect(await firstFrame(page)).toEqual({ h1: nextHeadline, body: true, lists: false });
    await expectH1(page, nextHeadline);
    await latest.waitFor();
    await more.getByRole('region', { name: 'Top News' }).waitFor();

    // Back to where the reader was: the lists are there in the first frame, so
    // that the position restored among them is there too.
    await recordFirstFrame(page, 'popstate');
    await page.goBack();
    expect(await firstFrame(page)).toEqual({ h1: first.headline, body: true, lists: true });
    await expectArticlePage(page, api.article(first.slug));
  });

  test('the header links to the sections and marks the current one', async () => {
    const { api } = session();
    const site = api.site();
    const section = site.sections[0];
    if (!section) throw new Error('the sample has no sections');
    const page = await session().open('/');
    await expectH1(page, `${site.name}: front page`);
    await markWindow(page);

    const nav = page.getByRole('navigation', { name: 'Sections' });
    await nav.getByRole('link', { name: section.name, exact: true }).click();
    const listing = api.listing(`sections/${section.slug}`);
    await expectH1(page, listing.title);
    await expectFocusOnH1(page, listing.title);
    expect(new URL(page.url()).pathname).toBe(`/section/${section.slug}`);
    expect(
      await nav.getByRole('link', { name: section.name, exact: true }).getAttribute('aria-current'),
    ).toBe('page');
    await expect.poll(() => page.title()).toBe(`${listing.title} – ${site.name}`);

    // The site name in the banner leads home.
    await page.getByRole('banner').getByRole('link', { name: site.name, exact: true }).click();
    await expectH1(page, `${site.name}: front page`);
    expect(new URL(page.url()).pathname).toBe('/');
    await expectFocusOnH1(page, `${site.name}: front page`);
    await expect.poll(() => page.title()).toBe(site.name);
    expect(await windowMark(page)).toBeDefined();
  });
});

describe('keyboard', () => {
  test('Tab reaches the skip link first, and Enter moves focus to the main content', async () => {
    const site = session().api.site();
    const page = await session().open('/');
    await expectH1(page, `${site.name}: front page`);
    expect(await focused(page)).toBe('BODY');

    await page.keyboard.press('Tab');
    await expect.poll(() => focused(page), { timeout: UI_TIMEOUT }).toBe('A: Skip to content');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    // Hidden until focused, then on screen.
    const box = await skip.boundingBox();
    expect(box, 'the focused skip link is rendered').not.toBeNull();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);

    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), { timeout: UI_TIMEOUT }).toBe('MAIN: #main');
    // The next Tab continues inside main, not back in the header.
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(
      () => document.getElementById('main')?.contains(document.activeElement) ?? false,
    );
    expect(inMain, 'Tab after the skip link lands inside main').toBe(true);
  });
});
