import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { findUnsafe, hasPayloads, readPayloads, setTraps, sprung } from './unsafe.ts';
import { sessionForFile } from './support.ts';

// Two engines, one body: where the browser has the HTML Sanitizer API the
// article page loads the browser-backed sanitizer (src/sanitize/nativeSanitizer.ts),
// elsewhere DOMPurify (src/sanitize/browserSanitizer.ts). Both apply
// src/sanitize/policy.ts; here, in Chromium, they must give the same markup.

// No CSP here: Chromium reports every event handler and style attribute in a
// body to the page's policy when either engine parses it (nothing runs), and
// the hostile inputs have thousands.
const session = sessionForFile({ csp: false });
afterEach(() => session().endTest());

const FIXTURES = path.resolve('../shared/fixtures');

/** Article bodies from the real feeds beside the project (third-party: read, never copied in). */
function fixtureBodies(): string[] {
  const bodies: string[] = [];
  const jsonfeed = path.join(FIXTURES, 'jsonfeed');
  if (existsSync(jsonfeed)) {
    for (const file of readdirSync(jsonfeed).filter((name) => name.endsWith('.json'))) {
      const feed = JSON.parse(readFileSync(path.join(jsonfeed, file), 'utf8')) as {
        items?: { content_html?: unknown }[];
      };
      for (const item of feed.items ?? [])
        if (typeof item.content_html === 'string') bodies.push(item.content_html);
    }
  }
  const wordpress = path.join(FIXTURES, 'wordpress');
  if (existsSync(wordpress)) {
    for (const file of readdirSync(wordpress).filter((name) => name.startsWith('posts'))) {
      const posts = JSON.parse(readFileSync(path.join(wordpress, file), 'utf8')) as {
        content?: { rendered?: unknown };
      }[];
      for (const post of posts)
        if (typeof post.content?.rendered === 'string') bodies.push(post.content.rendered);
    }
  }
  return bodies;
}

/** What a body may carry that the policy has a rule for, written as sources write it. */
const POLICY_CASES = [
  '<p>Plain <em>emphasis</em>, <strong>strong</strong>, “quotes” &amp; <q cite="https://a.example/">a quote</q></p>',
  '  <p>Leading white space</p>\n<p>and a second paragraph</p>',
  '<h1 id="top" lang="fr" dir="rtl" title="T">A heading</h1><h2>Sub</h2><h7>Not a heading</h7>',
  '<figure><img src="../images/map.svg" alt="A map" width="800" height="450" srcset="a 1x" loading="eager"><figcaption>Caption <small>Credit</small></figcaption></figure>',
  '<img src="data:image/png;base64,AAAA" alt="data"><img src="javascript:alert(1)"><img alt="no src">',
  '<a href="other-story.json">sibling</a> <a href="/article/third">reader</a> <a href="https://elsewhere.example/x" target="_blank" rel="opener">out</a> <a href="mailto:desk@news.example">mail</a> <a href="callto:123">call</a> <a href="#notes">notes</a> <a href="#">top</a>',
  '<p id="notes" name="n">Notes</p><a name="anchor"></a><a href="#user-content-notes">prefixed</a>',
  '<table width="900" border="1"><caption>T</caption><colgroup><col></colgroup><thead><tr><th scope="col" abbr="Yr" headers="a b">Year</th></tr></thead><tbody><tr><td colspan="2" rowspan="0" headers="x">1</td><td colspan="999">2</td></tr></tbody></table>',
  '<ol start="3" reversed type="a"><li value="7">x</li></ol><ol type="disc"><li>y</li></ol><ul type="square"><li>z</li></ul>',
  '<video src="clip.mp4" poster="poster.png" autoplay loop muted width="640" height="360"><source src="clip.webm" type="video/webm"><track default kind="captions" srclang="en" label="English" src="c.vtt"></video><audio src="a.mp3" preload="none"></audio>',
  '<details open><summary>More</summary><p>Hidden</p></details><dl><dt>T</dt><dd>D</dd></dl><time datetime="2026-11-08T09:15:00Z">8 Nov</time><data value="3">three</data>',
  '<main><nav><aside><header><p>Landmarks unwrapped</p></header></aside></nav></main><section title="Named">A region</section><form action="/x"><input name="q"><button>Go</button></form>',
  '<font color="red">Font</font><center>Centre</center><marquee>Scroll</marquee><custom-element>Custom</custom-element><svg><text>Drawn</text></svg><math><mi>x</mi></math>',
  '<p style="color:red" class="c" data-x="1" aria-label="a" role="note" tabindex="0" contenteditable accesskey="k" onclick="alert(1)">Attributes</p>',
  '<!-- a comment --><p>After a comment<!-- inside --></p><template><p>Template</p></template><noscript><p>Noscript</p></noscript><style>p{}</style><script>alert(1)</script>',
  '<map name="m"><area shape="rect" coords="0,0,10,10" href="https://a.example/" alt="A"></map><img src="x.png" usemap="#m" alt="mapped">',
  '<blockquote cite="javascript:alert(1)"><p>Quoted</p></blockquote><del cite="https://a.example/" datetime="2026-01-01">old</del><ins>new</ins>',
  '<p title="Note: a colon">Title with a colon</p><abbr title="javascript:x">JS</abbr><bdi>‮mirror</bdi><ruby>漢<rt>kan</rt></ruby>',
  '<pre><code>&lt;div&gt; markup as text &lt;/div&gt;</code></pre><p>a &lt; b and c &gt; d</p>',
  '<frameset onload="alert(1)"><frame src="x"></frameset>',
  '',
];

interface Engines {
  native: string;
  dompurify: string;
}

/** Both engines' chunks, from the build's manifest. */
function engineChunks(): Engines {
  const manifest = JSON.parse(
    readFileSync(path.join(session().distDir, '.vite/manifest.json'), 'utf8'),
  ) as Record<string, { file: string }>;
  const file = (source: string) => {
    const chunk = manifest[source];
    if (!chunk) throw new Error(`No ${source} in the build's manifest`);
    return session().href(`/${chunk.file}`);
  };
  return {
    native: file('src/sanitize/nativeSanitizer.ts'),
    dompurify: file('src/sanitize/browserSanitizer.ts'),
  };
}

/** Every input through both engines in the page: [native, DOMPurify] markup, or the error. */
async function throughBoth(page: Page, inputs: string[]): Promise<[string, string][]> {
  await page.evaluate(
    (data) => {
      Object.assign(window, { __engines: data });
    },
    { inputs, chunks: engineChunks() },
  );
  // A string, run as it is in the page: the test runner would rewrite an import() in a function.
  return page.evaluate<[string, string][]>(`(async () => {
    const { inputs, chunks } = window.__engines;
    const native = await import(chunks.native);
    if (!native.worksHere()) throw new Error('this Chromium has no working HTML Sanitizer API');
    const dompurify = (await import(chunks.dompurify)).sanitizeBody;
    const options = {
      baseUrl: location.origin + '/api/articles/payload.json',
      articleSlugFromUrl: (url) => /\\/api\\/articles\\/([a-z0-9-]+)\\.json$/.exec(url)?.[1],
      articleHref: (target) => '/article/' + target,
      readerOrigin: location.origin,
    };
    const run = (sanitize, html) => {
      try {
        return sanitize(html, options);
      } catch (error) {
        return 'threw: ' + error;
      }
    };
    return inputs.map((html) => [run(native.sanitizeNative, html), run(dompurify, html)]);
  })()`);
}

describe('the article body’s two sanitizers, in Chromium', () => {
  let page: Page;

  test('an article the browser renders itself uses the browser’s own sanitizer, and DOMPurify never loads', async () => {
    const slug = session().api.listing('latest').items[0]?.slug ?? '';
    page = await session().open(`/article/${slug}`);
    await page.locator('.article-body p').first().waitFor();
    const loaded = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname),
    );
    const { native, dompurify } = engineChunks();
    expect(loaded).toContain(new URL(native).pathname);
    expect(loaded).not.toContain(new URL(dompurify).pathname);
  });

  test('give the same markup for every sample article, every real feed’s body, and every policy case', async () => {
    const { api } = session();
    const slugs = readdirSync(path.join(session().distDir, 'api', 'articles')).map((file) =>
      file.replace(/\.json$/, ''),
    );
    const fixtures = fixtureBodies();
    // Third-party material beside the project: compared when it is there.
    if (existsSync(FIXTURES)) expect(fixtures.length).toBeGreaterThan(20);
    const inputs = [...slugs.map((slug) => api.article(slug).body), ...fixtures, ...POLICY_CASES];
    page = await session().open('/', { blank: true });
    await page.goto(session().href('/about'));
    const results = await throughBoth(page, inputs);
    const differing = results
      .map(([native, dompurify], index) => ({ input: inputs[index], native, dompurify }))
      .filter(({ native, dompurify }) => native !== dompurify);
    expect(differing.slice(0, 5)).toEqual([]);
  });

  test.skipIf(!hasPayloads)(
    '6,600 XSS payloads: nothing unsafe from either engine, and the same markup from both',
    async () => {
      const payloads = readPayloads();
      page = await session().open('/', { blank: true });
      const dialogs = await setTraps(page);
      await page.goto(session().href('/about'));
      const results = await throughBoth(page, payloads);
      // Each engine's markup in the live document, as the app puts it there.
      const unsafe = await page.evaluate(
        ({ results, findUnsafeSource }) => {
          // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the checker, as a string, into the page
          const make = new Function(`return ${findUnsafeSource}`) as () => (
            root: Element,
          ) => string[];
          const find = make();
          const found: string[] = [];
          results.forEach(([native, dompurify], index) => {
            for (const [engine, markup] of [
              ['native', native],
              ['DOMPurify', dompurify],
            ] as const) {
              const box = document.createElement('div');
              box.innerHTML = markup;
              document.body.append(box);
              for (const what of find(box)) found.push(`#${String(index)} ${engine}: ${what}`);
            }
          });
          return found;
        },
        { results, findUnsafeSource: findUnsafe.toString() },
      );
      await page.waitForTimeout(1500);
      expect(await sprung(page), 'script ran').toEqual([]);
      expect(dialogs, 'a dialog opened').toEqual([]);
      expect(unsafe.slice(0, 20), 'something unsafe survived').toEqual([]);
      const differing = results
        .map(([native, dompurify], index) => ({ payload: payloads[index], native, dompurify }))
        .filter(({ native, dompurify }) => native !== dompurify);
      console.log(
        `${String(payloads.length - differing.length)} of ${String(payloads.length)} payloads give the same markup from both engines`,
      );
      expect(differing.slice(0, 5)).toEqual([]);
    },
    300_000,
  );
});
