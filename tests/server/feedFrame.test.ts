import { FRAME_THEME_SCRIPT, FRAME_THEME_SCRIPT_HASH } from '../../src/settings/prepaint.ts';
import { createHash } from 'node:crypto';
import { JSDOM } from 'jsdom';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { Listing, Site } from '../../src/news/types.ts';
import { createHandler } from '../../src/server/handler.ts';
import { serverDom } from '../../src/server/serverDom.ts';
import { createNativeSource } from '../../src/sources/native.ts';
import { API, sampleDocument, server } from '../unit/server.ts';
import { READER } from './renderPage.ts';

// The iframe form's page as the server renders it: the widget's markup and
// styles in a declarative shadow root, the headlines there before any script.

const { sanitize } = serverDom();
const handle = createHandler({
  source: createNativeSource(API),
  config: { type: 'native', url: API },
  sanitize,
  assets: { script: '/assets/index.js', preload: [], styles: [] },
  base: '/',
  keepSeconds: 0,
});

async function frame(query: string) {
  const response = await handle(new Request(`${READER}/embed/feed${query}`));
  const html = await response.text();
  const { document } = new JSDOM(html).window;
  const template = document.querySelector<HTMLTemplateElement>('broadsheet-feed > template');
  const shadow = template?.content;
  return { response, html, document, template, shadow };
}

describe('the iframe form’s page, rendered on the server', () => {
  it('draws the feed’s headlines in the widget’s own markup, in an open declarative shadow root, each linking to the reader’s article in the top page', async () => {
    const top = await sampleDocument<Listing>('top/1.json');
    const { response, document, template, shadow } = await frame(
      '?feed=top&limit=3&layout=compact',
    );
    expect(response.status).toBe(200);
    expect(template?.getAttribute('shadowrootmode')).toBe('open');
    const region = shadow?.querySelector('section.feed');
    expect(region?.getAttribute('aria-labelledby')).toBe('broadsheet-feed-title');
    expect(region?.getAttribute('class')).toBe('feed feed--compact');
    expect(region?.getAttribute('data-theme')).toBe('auto');
    expect(shadow?.querySelector('h2')?.textContent).toBe('Top News');
    const headlines = [...(shadow?.querySelectorAll('h3') ?? [])].map(
      (heading) => heading.textContent,
    );
    expect(headlines).toEqual(top.items.slice(0, 3).map((item) => item.headline));
    const links = [...(shadow?.querySelectorAll('h3 a') ?? [])].map((link) =>
      link.getAttribute('href'),
    );
    expect(links).toEqual(top.items.slice(0, 3).map((item) => `${READER}/article/${item.slug}`));
    expect(document.querySelector('base')?.getAttribute('target')).toBe('_top');
    expect(document.title).toBe('Top News');
  });

  it('loads no widget code, only the height report and the reader’s theme; its inline stylesheet and script are allowed by hash; any site may frame it', async () => {
    const { response, document, shadow } = await frame('?feed=latest');
    const scripts = [...document.querySelectorAll('script')].map(
      (script) => script.getAttribute('src') ?? script.textContent,
    );
    expect(scripts).toEqual(['height.js', FRAME_THEME_SCRIPT]);
    const style = shadow?.querySelector('style')?.textContent ?? '';
    expect(style).toContain(':host');
    const policy = response.headers.get('Content-Security-Policy') ?? '';
    const hash = createHash('sha256').update(style).digest('base64');
    expect(policy).toContain(`style-src 'self' 'sha256-${hash}'`);
    expect(policy).toContain(`script-src 'self' ${FRAME_THEME_SCRIPT_HASH};`);
    expect(policy).toContain('frame-ancestors *');
    expect(policy).not.toContain('unsafe-inline');
    expect(response.headers.get('Cache-Control')).toBe(
      'public, max-age=0, s-maxage=60, stale-while-revalidate=600',
    );
    expect(response.headers.get('ETag')).toMatch(/^"/);
  });

  it('reads the same options as the element: a section by name, cards with pictures, a heading, new tabs; values it cannot use fall back', async () => {
    const site = await sampleDocument<Site>('site.json');
    const section = site.sections[0];
    if (!section) throw new Error('The sample needs a section');
    const cards = await frame(
      `?feed=section:${section.slug}&layout=cards&theme=dark&target=_blank`,
    );
    expect(cards.shadow?.querySelector('h2')?.textContent).toBe(section.name);
    expect(cards.shadow?.querySelector('section')?.getAttribute('data-theme')).toBe('dark');
    expect(cards.shadow?.querySelectorAll('img').length).toBeGreaterThan(0);
    for (const link of cards.shadow?.querySelectorAll('h3 a') ?? []) {
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')).toBe('noopener');
    }
    const fallback = await frame(
      '?feed=%3Cscript%3E&limit=99&layout=grid&source=https://evil.test/',
    );
    expect(fallback.shadow?.querySelector('h2')?.textContent).toBe('Latest News');
    expect(fallback.shadow?.querySelectorAll('h3')).toHaveLength(5);
    expect(fallback.html).not.toContain('evil.test');
  });

  it('writes a heading from the address, or a source’s words, as text only', async () => {
    const hostile = '</title><script>alert(1)</script><img src=x onerror=alert(2)>';
    const { html, document, shadow } = await frame(`?title=${encodeURIComponent(hostile)}`);
    expect(shadow?.querySelector('h2')?.textContent).toBe(hostile);
    expect(document.title).toBe(hostile);
    // The height report and the theme's script, no other.
    expect(document.querySelectorAll('script')).toHaveLength(2);
    expect(shadow?.querySelectorAll('script, img[onerror]')).toHaveLength(0);
    expect(html).not.toContain('<script>alert');
  });

  it('when the source fails, sends the page the browser draws itself (which has Retry), with the gateway’s status, kept nowhere', async () => {
    server.use(http.get(`${API}top/1.json`, () => new HttpResponse(null, { status: 500 })));
    const { response, document } = await frame('?feed=top');
    expect(response.status).toBe(502);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(
      [...document.querySelectorAll('script')].map((script) => script.getAttribute('src')),
    ).toEqual(['frame.js']);
    expect(document.querySelector('broadsheet-feed')).toBeNull();
    const missing = await frame('?feed=tag:no-such-tag');
    expect(missing.response.status).toBe(404);
  });
});
