import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, test } from 'vitest';
import { LIMITS } from '../../src/news/limits.ts';
import {
  expectH1,
  markWindow,
  sessionForFile,
  UI_TIMEOUT,
  waitForSettled,
  windowMark,
  type WireRef,
  type WireSummary,
} from './support.ts';

// Hostile and careless sources, written for this test, served in place of the
// sample API to the production build in Chromium (strict CSP): what a reader
// sees must stay the reader's page, whatever the documents hold.

const session = sessionForFile();

const RLO = '\u202e';
const PDF = '\u202c';
/** One "word" of 5,000 letters, as a broken feed or an attacker sends it. */
const LONG_WORD = 'Antidisestablishmentarianism'.repeat(180).slice(0, 5_000);
const URL_HEADLINE =
  'Read https://news.example.org/2026/11/20/a-very-long-path/that-never-breaks.html now';

/** An image that exists in the build, so the CSP (img-src 'self') lets it load. */
function sampleImage(): string {
  const images = readdirSync(path.join(session().distDir, 'api', 'images'));
  const image = images.find((name) => name.endsWith('.svg'));
  if (!image) throw new Error('the sample API has no images');
  return `${session().base}api/images/${image}`;
}

const afp: WireRef = { slug: 'afp', name: 'AFP' };
const world: WireRef = { slug: 'world', name: `${RLO}World` };
const long: WireRef = { slug: 'long', name: LONG_WORD };

function story(slug: string, overrides: Partial<WireSummary> = {}): WireSummary {
  return {
    slug,
    headline: `Story ${slug}`,
    summary: `The summary of ${slug}.`,
    publishedAt: '2026-11-20T10:00:00Z',
    section: world,
    source: afp,
    ...overrides,
  };
}

function listing(title: string, items: unknown[]) {
  return { title, page: 1, pageCount: 1, total: items.length, items };
}

function nestedLists(depth: number): string {
  return depth === 0 ? 'deep' : `<ul><li>level ${depth}${nestedLists(depth - 1)}</li></ul>`;
}

function hostileBody(image: string): string {
  const wideRow = Array.from({ length: 40 }, (_, index) => `<td>column-${index}</td>`).join('');
  const filler = Array.from(
    { length: 40 },
    (_, index) => `<p>Paragraph ${index} of the story, long enough to push the notes down.</p>`,
  ).join('');
  return [
    '<h1>A heading that wants to be the page’s</h1>',
    '<div role="heading" aria-level="1">A fake page heading</div>',
    '<table width="2000" bgcolor="#c00"><tr><td><font size="7" color="white">Your subscription has expired</font></td></tr></table>',
    '<marquee width="4000">Scrolling text</marquee>',
    '<hr width="4000">',
    `<video width="4000" height="3000" src="${image}" autoplay loop muted></video>`,
    `<img width="1" height="99999" src="${image}" alt="A very tall picture">`,
    '<p>A <a href="https://example.org/first" tabindex="1" accesskey="f">first link</a> in the body.</p>',
    '<div role="alert" aria-live="assertive">Breaking: your account is locked</div>',
    '<main><nav aria-label="Site"><a href="https://example.org/home">Home</a></nav>A fake main</main>',
    '<aside>An aside</aside><header>A header</header><footer>A footer</footer><output>42</output>',
    '<section aria-label="Region">A region</section>',
    '<section title="Navigation">A titled section</section>',
    `<p>${LONG_WORD}</p>`,
    `<pre>${'x'.repeat(3_000)}</pre>`,
    `<p dir="rtl">${RLO}right to left</p>`,
    nestedLists(40),
    `<table><tr>${wideRow}</tr></table>`,
    '<p>A claim that needs a source.<sup><a href="#fn1" id="ref1">1</a></sup></p>',
    filler,
    '<ol><li id="fn1">The source of the claim. <a href="#ref1">Back to the text</a></li></ol>',
  ].join('\n');
}

/** Every document of the hostile source, by path under the API. */
function hostileApi(): Map<string, unknown> {
  const image = sampleImage();
  const tallImage = { src: image, alt: 'A lead picture', width: 1200, height: 1_000_000_000 };
  const jane: WireRef = { slug: 'jane-doe', name: `${RLO}Jane Doe` };
  const longAuthor: WireRef = { slug: 'long-author', name: LONG_WORD };
  const longTag: WireRef = { slug: 'long-tag', name: LONG_WORD };
  const spoofed = story('spoofed', {
    headline: `Breaking ${RLO}news`,
    authors: [jane],
    tags: [longTag, { slug: 'syria', name: `${RLO}Syria` }],
    image: { ...tallImage, caption: `${RLO}A caption`, credit: 'Photo: Someone' },
  });
  const wordy = story('wordy', {
    headline: `${URL_HEADLINE} ${LONG_WORD}`,
    summary: LONG_WORD,
    section: long,
    source: { slug: 'long-source', name: LONG_WORD },
    authors: [longAuthor],
    tags: [longTag],
    image: { src: image, alt: LONG_WORD, caption: LONG_WORD, credit: LONG_WORD },
  });
  const others = Array.from({ length: 12 }, (_, index) => story(`other-${index}`));
  const bad = { slug: 'bad', headline: 'A story with a bad date', publishedAt: 'last Tuesday' };
  const all = [spoofed, wordy, bad, ...others];
  const sections = [
    world,
    long,
    ...Array.from({ length: 2_998 }, (_, index) => ({
      slug: `s-${index}`,
      name: `Section ${index}`,
    })),
  ];
  const documents = new Map<string, unknown>([
    [
      'site.json',
      {
        name: `Gazette ${LONG_WORD}`,
        description: LONG_WORD,
        language: 'en_US',
        pageSize: 20,
        sections,
      },
    ],
    ['latest/1.json', listing('Latest News', all)],
    ['top/1.json', listing('Top News', [wordy, spoofed, ...others.slice(0, 4)])],
    ['sections/world/1.json', listing(world.name, [spoofed, ...others])],
    ['sections/long/1.json', listing(LONG_WORD, [wordy])],
    ['tags/long-tag/1.json', listing(LONG_WORD, [spoofed, wordy])],
    ['sources/afp/1.json', listing('AFP', [spoofed, ...others])],
    ['sources/long-source/1.json', listing(LONG_WORD, [wordy])],
    ['authors/long-author/1.json', listing(LONG_WORD, [wordy])],
    ['articles/spoofed.json', { ...spoofed, body: hostileBody(image), related: [wordy] }],
    [
      'articles/wordy.json',
      { ...wordy, body: `<p>${LONG_WORD}</p><p>${URL_HEADLINE}</p>`, related: [spoofed] },
    ],
  ]);
  for (let index = 0; index < 40; index++) {
    documents.set(`sections/s-${index}/1.json`, listing(`Section ${index}`, others));
  }
  return documents;
}

function serve(documents: Map<string, unknown>): void {
  const { server, base } = session();
  for (const [docPath, body] of documents) {
    server.fault(`${base}api/${docPath}`, {
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }
}

async function openAt(appPath: string, width: number, h1?: string): Promise<Page> {
  const page = await session().open(appPath, { viewport: { width, height: 800 } });
  if (h1 === undefined) await page.getByRole('heading', { level: 1 }).first().waitFor();
  else await expectH1(page, h1);
  await waitForSettled(page);
  return page;
}

const LANDMARKS = new Set([
  'banner',
  'complementary',
  'contentinfo',
  'form',
  'main',
  'navigation',
  'region',
  'search',
]);
const LIVE = new Set(['alert', 'log', 'marquee', 'status', 'timer']);

interface AxNode {
  role: string;
  name: string;
  level: number | undefined;
}

/** Chromium's accessibility tree of the page, as a screen reader gets it: role, name, heading level. */
async function accessibilityTree(page: Page): Promise<AxNode[]> {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  return nodes
    .filter((node) => !node.ignored)
    .map((node) => {
      const level: unknown = node.properties?.find((property) => property.name === 'level')?.value
        .value;
      return {
        role: String(node.role?.value ?? ''),
        name: String(node.name?.value ?? ''),
        level: typeof level === 'number' ? level : undefined,
      };
    });
}

/** Whether every direction control in `text` is closed, in order, within it. */
function paired(text: string): boolean {
  const open: string[] = [];
  for (const char of text) {
    if ('\u202a\u202b\u202d\u202e'.includes(char)) open.push(PDF);
    else if ('\u2066\u2067\u2068'.includes(char)) open.push('\u2069');
    else if (char === PDF || char === '\u2069') {
      if (open.pop() !== char) return false;
    }
  }
  return open.length === 0;
}

describe('a hostile source, in Chromium', () => {
  beforeEach(() => {
    serve(hostileApi());
  });

  test.each([320, 1280])(
    'at %ipx no page scrolls sideways or opens a gap, whatever words and markup arrive',
    async (width) => {
      const pages = [
        '/',
        '/article/spoofed',
        '/article/wordy',
        '/latest',
        '/top',
        '/section/long',
        '/section/world',
        '/tag/long-tag',
        '/source/long-source',
        '/author/long-author',
      ];
      const measured: string[] = [];
      for (const appPath of pages) {
        const page = await openAt(appPath, width);
        const { overflow, height } = await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          height: document.documentElement.scrollHeight,
        }));
        if (overflow > 0) {
          const wide = await page.evaluate(() =>
            [...document.querySelectorAll('body *')]
              .filter((element) => {
                if (element.getBoundingClientRect().right <= window.innerWidth + 1) return false;
                for (let up = element.parentElement; up; up = up.parentElement) {
                  if (getComputedStyle(up).overflowX !== 'visible') return false;
                }
                return true;
              })
              .slice(0, 8)
              .map((element) => `${element.tagName}.${element.className}`),
          );
          measured.push(`${appPath}: ${overflow} px wider than the screen (${wide.join(', ')})`);
        }
        if (height > 40_000) measured.push(`${appPath}: ${height} px tall`);
        if (overflow > 0)
          await page.screenshot({ path: `/tmp/shot-${width}.png`, fullPage: false });
        await page.context().close();
      }
      expect(measured, 'pages that scroll sideways or run on').toEqual([]);
    },
  );

  test.each([320, 1280])(
    'at %ipx the body paints only inside its column, sizes gone',
    async (width) => {
      const page = await openAt('/article/spoofed', width, `Breaking ${RLO}news${PDF}`);
      const body = page.locator('.article-body');
      await body.locator('table').first().waitFor();
      const outside = await body.evaluate((element) => {
        const column = element.getBoundingClientRect();
        const found: string[] = [];
        for (const child of element.querySelectorAll('table, marquee, hr, video, img, pre')) {
          const box = child.getBoundingClientRect();
          if (box.left < column.left - 1 || box.right > column.right + 1) {
            found.push(`<${child.tagName.toLowerCase()}> ${box.left}–${box.right}`);
          }
          if (box.height > window.innerHeight * 2) {
            found.push(`<${child.tagName.toLowerCase()}> ${box.height} px tall`);
          }
        }
        const withColour = [...element.querySelectorAll('*')].filter(
          (child) => getComputedStyle(child).backgroundColor === 'rgb(204, 0, 0)',
        );
        if (withColour.length > 0) found.push(`${withColour.length} elements painted #c00`);
        return { found, column: `${column.left}–${column.right}` };
      });
      expect(outside.found, `outside the body's column (${outside.column})`).toEqual([]);
      // The lead image said it was a billion pixels tall: it takes at most most of a screen.
      const lead = await page.locator('.lead-image img').boundingBox();
      expect(lead?.height ?? 0).toBeLessThanOrEqual(800);
      await expect.poll(() => body.locator('video').getAttribute('controls')).not.toBeNull();
      expect(await body.locator('video').getAttribute('autoplay')).toBeNull();
    },
  );

  test('a body takes no focus order, landmarks, live regions or heading levels from the page', async () => {
    const page = await openAt('/article/spoofed', 1280, `Breaking ${RLO}news${PDF}`);
    const body = page.locator('.article-body');
    await body.getByRole('link', { name: 'first link' }).waitFor();
    // The lists beside the story come a moment later, with code of their own (an island).
    await page.getByRole('complementary', { name: 'More news' }).waitFor();

    // What a screen reader lists: the page's own structure only.
    expect(await page.getByRole('main').count(), 'main landmarks').toBe(1);
    expect(await page.getByRole('banner').count(), 'banner landmarks').toBe(1);
    expect(await page.getByRole('contentinfo').count(), 'contentinfo landmarks').toBe(1);
    expect(await page.getByRole('alert').count(), 'alerts').toBe(0);
    expect(await page.getByRole('status').count(), 'status regions').toBe(0);
    expect(await page.getByRole('heading', { level: 1 }).allTextContents()).toEqual([
      `Breaking ${RLO}news${PDF}`,
    ]);
    const navigations = await page
      .getByRole('navigation')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label')));
    expect(navigations).toEqual(['Sections', 'Footer']);
    const complementary = await page
      .getByRole('complementary')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label')));
    expect(complementary).toEqual(['More news']);
    for (const role of ['region', 'marquee', 'log', 'timer', 'form', 'search'] as const) {
      expect(await body.getByRole(role).count(), `${role} in the body`).toBe(0);
    }
    // And as Chromium itself tells assistive technology (its accessibility tree):
    // the landmarks and live regions are the page's own, by name.
    const tree = await accessibilityTree(page);
    const landmarks = tree
      .filter((node) => LANDMARKS.has(node.role))
      .map((node) => `${node.role}: ${node.name}`);
    for (const fromBody of ['Region', 'Navigation', 'Site', 'A fake main']) {
      expect(landmarks, `landmarks: ${landmarks.join(' | ')}`).not.toContainEqual(
        expect.stringContaining(`: ${fromBody}`),
      );
    }
    expect(landmarks.filter((landmark) => landmark.startsWith('main:'))).toHaveLength(1);
    expect(tree.filter((node) => LIVE.has(node.role)).map((node) => node.role)).toEqual([]);
    expect(
      tree.filter((node) => node.role === 'heading' && node.level === 1).map((node) => node.name),
    ).toEqual([`Breaking ${RLO}news${PDF}`]);
    expect(await body.locator('[tabindex], [accesskey], [aria-live], [role]').count()).toBe(0);
    // Its text stays.
    await expect.poll(() => body.textContent()).toContain('Breaking: your account is locked');

    // Focus from the top: the skip link, then the header, and only later the body.
    const stops: string[] = [];
    for (let tab = 0; tab < 80; tab++) {
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element) return 'none';
        if (element.closest('.article-body')) return 'body';
        if (element.closest('header.site-header')) return 'header';
        return element.textContent.trim().slice(0, 30);
      });
      stops.push(where);
      if (where === 'body') break;
    }
    expect(stops[0]).toBe('Skip to content');
    expect(stops[1]).toBe('header');
    expect(stops.at(-1), `focus order: ${stops.join(' | ')}`).toBe('body');
    expect(stops.lastIndexOf('header')).toBeLessThan(stops.indexOf('body'));
    const byline = stops.findIndex((stop) => stop.includes('Jane'));
    expect(byline, `the byline comes before the body: ${stops.join(' | ')}`).toBeGreaterThan(
      stops.lastIndexOf('header'),
    );
  });

  test('names and headlines cannot turn the byline or the title around', async () => {
    const page = await openAt('/article/spoofed', 1280, `Breaking ${RLO}news${PDF}`);
    const byline = page.locator('.article__meta .byline');
    expect(await byline.textContent()).toBe(`By ${RLO}Jane Doe${PDF}, AFP`);
    // Read as a reader reads it: left to right on screen, "By", the name, then ", AFP" in order.
    const order = await byline.evaluate((element) => {
      const source = element.querySelector('a[href$="/source/afp"]');
      const text = source?.firstChild?.firstChild ?? source?.firstChild;
      const xs: number[] = [];
      if (text) {
        for (let index = 0; index < 3; index++) {
          const range = document.createRange();
          range.setStart(text, index);
          range.setEnd(text, index + 1);
          xs.push(range.getBoundingClientRect().left);
        }
      }
      const comma = [...element.childNodes].find(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.includes(','),
      );
      const commaRange = document.createRange();
      if (comma) commaRange.selectNodeContents(comma);
      const author = element.querySelector('a[href$="/author/jane-doe"]')?.getBoundingClientRect();
      return {
        sourceLetters: xs,
        comma: commaRange.getBoundingClientRect().left,
        authorRight: author?.right ?? 0,
      };
    });
    const [a = 0, f = 0, p = 0] = order.sourceLetters;
    expect(a, 'A before F in "AFP"').toBeLessThan(f);
    expect(f, 'F before P in "AFP"').toBeLessThan(p);
    expect(order.authorRight, 'the author before the comma').toBeLessThanOrEqual(order.comma + 1);
    expect(order.comma, 'the comma before the source').toBeLessThan(a);

    const title = await page.title();
    expect(paired(title), `title ${JSON.stringify(title)}`).toBe(true);
    expect(title.startsWith(`Breaking ${RLO}news${PDF} – Gazette `)).toBe(true);
  });

  test('footnote links in a body lead to their notes and back, in the same document', async () => {
    const page = await openAt('/article/spoofed', 1280, `Breaking ${RLO}news${PDF}`);
    await markWindow(page);
    const body = page.locator('.article-body');
    const note = body.locator('li', { hasText: 'The source of the claim.' });
    // At the top of the window, where a fragment link scrolls its target (within a few px).
    const inView = (locator: typeof note) =>
      locator.evaluate((element) => {
        const box = element.getBoundingClientRect();
        return box.top >= -4 && box.top < window.innerHeight / 2;
      });
    expect(await inView(note)).toBe(false);
    await body.getByRole('link', { name: '1', exact: true }).click();
    await expect.poll(() => inView(note), { timeout: UI_TIMEOUT }).toBe(true);
    expect(new URL(page.url()).hash).toBe('#user-content-fn1');
    await note.getByRole('link', { name: 'Back to the text' }).click();
    const reference = body.getByRole('link', { name: '1', exact: true });
    await expect.poll(() => inView(reference), { timeout: UI_TIMEOUT }).toBe(true);
    expect(await windowMark(page)).toBe('still the same document');
  });

  test('a site language written as a locale (en_US) gives every page, in that language', async () => {
    const page = await openAt('/', 1280);
    expect(await page.locator('html').getAttribute('lang')).toBe('en-US');
    await page
      .getByRole('link', { name: `Breaking ${RLO}news${PDF}` })
      .first()
      .click();
    await expectH1(page, `Breaking ${RLO}news${PDF}`);
    expect(await page.locator('.article__dateline time').first().textContent()).toBe(
      'Nov 20, 2026',
    );
  });

  test('a listing with a story it cannot read shows the others', async () => {
    const page = await openAt('/latest', 1280, 'Latest News');
    await page.getByRole('link', { name: 'Story other-0' }).waitFor();
    expect(await page.getByText('A story with a bad date').count()).toBe(0);
  });
});

describe('a WordPress-style locale that is no language tag (pt_PT_ao90)', () => {
  test('front page and article read in Portuguese', async () => {
    const { api, server, base } = session();
    server.fault(`${base}api/site.json`, {
      body: JSON.stringify({ ...api.site(), language: 'pt_PT_ao90' }),
    });
    const page = await openAt('/', 1280);
    expect(await page.locator('html').getAttribute('lang')).toBe('pt-PT');
    const older = api.listing('latest', 2).items[0];
    if (!older) throw new Error('the sample needs a second page of Latest News');
    await page.goto(session().href(`/article/${older.slug}`));
    await expectH1(page, older.headline);
    // Portuguese months are lower-case ("8 nov. 2017" reads "8/11/2017" in pt-PT's short form).
    expect(await page.locator('.article__dateline time').first().textContent()).toMatch(
      /^\d{1,2}\/\d{2}\/\d{4}$/,
    );
  });
});

describe('documents too large to read at once', () => {
  /** Long tasks (main thread busy for 50 ms or more) since the page started. */
  async function watchLongTasks(page: Page): Promise<void> {
    await page.addInitScript(() => {
      const durations: number[] = [];
      Object.defineProperty(window, '__longTasks', { value: durations });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) durations.push(Math.round(entry.duration));
      }).observe({ type: 'longtask', buffered: true });
    });
  }

  function longTasks(page: Page): Promise<number[]> {
    return page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
  }

  // The bound has room on a loaded machine: the article page's largest task
  // is reading, checking and sanitizing its 8 MB document in one go (a
  // profile: the adapter's reading and parsing, DOMPurify, garbage collection),
  // 130-450 ms on a two-core machine. Its layout, and what goes beside it,
  // come in tasks of their own. Splitting that task is open (decision 006).
  test('no single document blocks the main thread for more than 500 ms while a page renders', async () => {
    const { server, base } = session();
    const documents = hostileApi();
    // Small stories, so that 50,000 of them still fit the document limit and are really parsed.
    const many = Array.from({ length: 50_000 }, (_, index) => ({
      slug: `s-${index}`,
      headline: `Story ${index}`,
      publishedAt: '2026-11-20T10:00:00Z',
    }));
    documents.set('latest/1.json', listing('Latest News', many));
    documents.set('top/1.json', listing('Top News', many.slice(0, 20_000)));
    documents.set('sections/world/1.json', listing('World', many));
    documents.set('articles/huge.json', {
      ...story('huge'),
      headline: 'A huge story',
      body: '<p>A paragraph of a story that goes on and on, <em>with markup</em>.</p>\n'.repeat(
        40_000,
      ),
      related: many,
    });
    serve(documents);

    const report: string[] = [];
    let worst = 0;
    const visits: [string, string | undefined][] = [
      ['/', undefined],
      ['/latest', 'Latest News'],
      ['/section/world', 'World'],
      ['/article/huge', 'A huge story'],
    ];
    for (const [appPath, h1] of visits) {
      server.requests.length = 0;
      const page = await session().open(appPath, { blank: true });
      await watchLongTasks(page);
      await page.goto(session().href(appPath));
      if (h1) await expectH1(page, h1);
      else await page.getByRole('heading', { level: 1 }).first().waitFor();
      await waitForSettled(page);
      if (appPath.startsWith('/article/')) {
        await page.locator('.article-body p').first().waitFor();
        await page.getByText('This story is too long to show here in full.').waitFor();
      }
      await page.waitForTimeout(300);
      const tasks = await longTasks(page);
      worst = Math.max(worst, ...tasks);
      report.push(`${appPath}: long tasks ${tasks.length ? tasks.join(', ') : 'none'} ms`);
      if (appPath === '/') {
        const sectionRequests = server.requests.filter((request) =>
          request.startsWith(`${base}api/sections/`),
        );
        expect(
          sectionRequests.length,
          'section listings the front page asks for',
        ).toBeLessThanOrEqual(LIMITS.sections);
        expect(await page.locator('.section-block').count()).toBeLessThanOrEqual(LIMITS.sections);
      }
      if (appPath === '/latest') {
        expect(await page.locator('main .story').count()).toBe(LIMITS.listingItems);
      }
      await page.context().close();
    }
    console.log(`Main thread, hostile documents:\n  ${report.join('\n  ')}`);
    expect(worst, report.join('\n')).toBeLessThan(500);
  });

  test('a document over the limit is refused with a clear message, at once', async () => {
    const { server, base } = session();
    const huge = `{"title":"Latest News","page":1,"pageCount":1,"total":0,"items":[${'"x",'.repeat(
      6_000_000,
    )}"x"]}`;
    server.fault(`${base}api/latest/1.json`, { body: huge });
    const page = await session().open('/', { blank: true });
    const started = Date.now();
    await page.goto(session().href('/latest'));
    await expectH1(page, 'The news server sent a document we can’t read');
    // Generous for a loaded machine; reading all 24 MB and parsing it would take far longer.
    expect(Date.now() - started, 'ms to the message').toBeLessThan(5_000);
    await expect
      .poll(() => page.locator('main').textContent())
      .toMatch(
        /too large to read \(at least \d+\.\d MB; the reader reads documents of up to 8\.0 MB\)/,
      );
  });
});
