import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchBrowser } from './browser.ts';
import { openWatched } from './watch.ts';
import { startWidgetHosts, type WidgetHosts } from './widgetHost.ts';

// Host pages that fight back. The widget must measure the same on each as on
// a blank page, and leave each as it found it.

const BOOTSTRAP = path.resolve('..', 'shared', 'fixtures', 'host-css', 'bootstrap.css');

/** The widget always sits in a slot of the same width, whatever the host's styles. */
const SLOT_STYLE =
  'display: block !important; width: 420px !important; margin: 0 !important; padding: 0 !important; border: 0 !important';
const widgetsIn = (slot: string) =>
  [
    '<broadsheet-feed id="list" limit="3"></broadsheet-feed>',
    '<broadsheet-feed id="cards" layout="cards" limit="2" theme="dark"></broadsheet-feed>',
    '<broadsheet-feed id="compact" layout="compact" feed="top" limit="4"></broadsheet-feed>',
  ]
    .map((widget) => `${slot}${widget}</div>`)
    .join('');
const WIDGETS = widgetsIn(`<div class="slot" style="${SLOT_STYLE}">`);
/** The host's own markup, with class names the widget also uses. */
const HOST_MARKUP = `<div class="container"><h2 class="feed__title">Host heading</h2>
<p class="story">Host story <a href="#x" class="btn label">host link</a></p></div>`;

const RESETS = `<style>
:root { font-size: 5px !important; }
* { all: unset; box-sizing: content-box !important; font-family: 'Comic Sans MS', cursive !important;
  font-size: 30px !important; line-height: 3 !important; color: red !important;
  letter-spacing: 3px !important; text-transform: uppercase !important; font-style: italic !important; }
head, script, style, title { display: none !important; }
a, a:link, a:visited { color: lime !important; text-decoration: underline wavy !important; }
h2, h3, ol, li, p, section, time, img { display: none !important; margin: 50px !important; }
.feed, .story, .story__headline, .story-list, .feed__title, .placeholder { display: none !important; }
broadsheet-feed { font-size: 40px !important; color: blue !important; padding: 30px !important;
  direction: rtl !important; visibility: visible !important; }
</style>`;

/** Sizes, fonts and colours of each part of every widget on the page. */
function measure(page: Page) {
  return page.evaluate(() => {
    const parts = {
      box: 'section',
      title: 'h2',
      list: 'ol',
      headline: 'h3',
      link: 'h3 a',
      summary: '.story__summary',
      date: 'time',
      image: 'img',
    };
    const result: Record<string, Record<string, unknown>> = {};
    for (const widget of document.querySelectorAll('broadsheet-feed')) {
      for (const [part, selector] of Object.entries(parts)) {
        const node = widget.shadowRoot?.querySelector(selector);
        if (!node) continue;
        const style = getComputedStyle(node);
        const box = node.getBoundingClientRect();
        result[`${widget.id} ${part}`] = {
          width: Math.round(box.width),
          height: Math.round(box.height),
          fontSize: style.fontSize,
          fontFamily: style.fontFamily,
          fontWeight: style.fontWeight,
          fontStyle: style.fontStyle,
          lineHeight: style.lineHeight,
          letterSpacing: style.letterSpacing,
          textTransform: style.textTransform,
          textDecoration: style.textDecorationLine,
          direction: style.direction,
          color: style.color,
          background: style.backgroundColor,
          boxSizing: style.boxSizing,
          display: style.display,
        };
      }
    }
    return result;
  });
}

/** Computed styles of the host's own elements, to compare with and without the widget. */
function hostStyles(page: Page) {
  return page.evaluate(() =>
    ['.container', '.feed__title', '.story', '.btn', 'body'].map((selector) => {
      const node = document.querySelector(selector);
      if (!node) return `${selector}: missing`;
      const style = getComputedStyle(node);
      return `${selector}: ${style.display} ${style.fontSize} ${style.fontFamily} ${style.color} ${style.backgroundColor} ${style.margin} ${style.padding} ${String(Math.round(node.getBoundingClientRect().width))}`;
    }),
  );
}

let browser: Browser;
let hosts: WidgetHosts;
let hostApp: string;

beforeAll(async () => {
  browser = await launchBrowser();
  hosts = await startWidgetHosts();
  // A host that runs its own React (its own copy, bundled as sites bundle it),
  // and leaves it on window as old UMD builds did.
  const output = await build({
    configFile: false,
    logLevel: 'warn',
    mode: 'production',
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      write: false,
      minify: true,
      lib: {
        entry: path.resolve('tests/e2e/hostApp.ts'),
        formats: ['iife'],
        name: 'HostApp',
        fileName: 'host-app',
      },
    },
  });
  const chunk = (Array.isArray(output) ? output : [output])
    .flatMap((result) => ('output' in result ? result.output : []))
    .find((file) => file.type === 'chunk');
  if (chunk?.type !== 'chunk') throw new Error('the host app did not build');
  hostApp = chunk.code;
}, 120_000);
afterAll(async () => {
  await browser.close();
  await hosts.close();
});

/** Open `url`; wait until every widget on it shows its headlines. */
async function openWithWidgets(url: string) {
  const seen = await openWatched(browser, { viewport: { width: 1280, height: 2000 } });
  await seen.page.goto(url);
  for (const id of ['list', 'cards', 'compact'])
    await seen.page.locator(`#${id}`).getByRole('heading', { level: 3 }).first().waitFor();
  await seen.page.waitForLoadState('networkidle');
  return seen;
}

describe('the widget on host pages that fight back', () => {
  let blank: Awaited<ReturnType<typeof measure>>;
  beforeAll(async () => {
    const seen = await openWithWidgets(hosts.page('plain', WIDGETS));
    blank = await measure(seen.page);
    expect(Object.keys(blank).length).toBeGreaterThan(15);
    // The figures every hostile host must match, for the record.
    console.log(
      Object.entries(blank)
        .map(
          ([part, value]) =>
            `${part}: ${String(value.width)}×${String(value.height)} px, ${String(value.fontSize)} ${String(value.fontWeight)}, ${String(value.color)}`,
        )
        .join('\n'),
    );
    await seen.close();
  });

  type HostPage = {
    head: string;
    body: string;
    headers?: Record<string, string>;
    /** The widgets in their slots, when the page cannot have style attributes. */
    widgets?: string;
  };
  const hostile: [string, string, () => HostPage | undefined][] = [
    [
      'Bootstrap 3 (10 px root font size, global box-sizing, colliding class names)',
      'bootstrap',
      () =>
        existsSync(BOOTSTRAP)
          ? { head: `<style>${readFileSync(BOOTSTRAP, 'utf8')}</style>`, body: HOST_MARKUP }
          : undefined,
    ],
    [
      'aggressive global resets and !important link colours',
      'resets',
      () => ({ head: RESETS, body: HOST_MARKUP }),
    ],
    [
      'a strict Content-Security-Policy (no inline styles or scripts, only the reader’s origin)',
      'strict',
      () => {
        const reader = new URL(hosts.reader.url).origin;
        // Its slots' inline style attributes are blocked here: the same width from its own stylesheet.
        hosts.file('slot.css', `.slot { ${SLOT_STYLE} }`);
        return {
          head: '<link rel="stylesheet" href="/slot.css">',
          body: HOST_MARKUP,
          widgets: widgetsIn('<div class="slot">'),
          headers: {
            'Content-Security-Policy': `default-src 'none'; script-src ${reader}; connect-src ${reader}; img-src 'self' ${reader}; style-src 'self'`,
          },
        };
      },
    ],
    [
      'a host running its own React',
      'react',
      () => ({
        head: '',
        body: `<div id="host-app"></div>${HOST_MARKUP}<script>${hostApp}</script>`,
      }),
    ],
  ];

  test.for(hostile)(
    '%s: every part measures as on a blank page; the host is untouched',
    async ([, id, make], context) => {
      const page = make();
      // Its stylesheet is third-party test material: skipped without the shared fixtures.
      if (!page) {
        context.skip();
        return;
      }
      // The same page without the widget: what the host looks like untouched.
      const without = await openWatched(browser, { viewport: { width: 1280, height: 2000 } });
      await without.page.goto(
        hosts.page(`${id}-alone`, page.body + (page.widgets ?? WIDGETS), {
          head: page.head,
          widget: false,
        }),
      );
      const untouched = await hostStyles(without.page);
      const globalsAlone = await without.page.evaluate(() => Object.getOwnPropertyNames(window));
      await without.close();

      const seen = await openWithWidgets(
        hosts.page(id, page.body + (page.widgets ?? WIDGETS), {
          head: page.head,
          ...(page.headers ? { headers: page.headers } : {}),
        }),
      );
      try {
        expect(await measure(seen.page)).toEqual(blank);
        expect(await hostStyles(seen.page), 'the host’s own elements changed').toEqual(untouched);
        const globals = await seen.page.evaluate(() => Object.getOwnPropertyNames(window));
        expect(
          globals.filter((global) => !globalsAlone.includes(global)),
          'globals the widget left',
        ).toEqual([]);
        if (id === 'react') {
          // The host's React still works, and is still its own.
          const button = seen.page.getByRole('button', { name: 'Host clicks: 0' });
          await button.click();
          await seen.page.getByRole('button', { name: 'Host clicks: 1' }).waitFor();
          expect(
            await seen.page.evaluate(
              () => (window as unknown as { React?: { version: string } }).React?.version,
            ),
          ).toMatch(/^19\./);
        }
        expect(seen.console).toEqual([]);
        expect(seen.errors).toEqual([]);
      } finally {
        await seen.close();
      }
    },
  );
});
