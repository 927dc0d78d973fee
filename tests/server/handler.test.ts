import { delay, http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createHandler, type HandlerOptions } from '../../src/server/handler.ts';
import { serverDom } from '../../src/server/serverDom.ts';
import { createNativeSource } from '../../src/sources/native.ts';
import { API, server } from '../unit/server.ts';
import { READER } from './renderPage.ts';

const { sanitize } = serverDom();

function handler(options: Partial<HandlerOptions> = {}) {
  return createHandler({
    source: createNativeSource(API),
    config: { type: 'native', url: API },
    sanitize,
    assets: { script: '/assets/index.js', preload: [], styles: [] },
    base: '/',
    ...options,
  });
}
const get = (path: string, init?: RequestInit) => new Request(new URL(path, READER), init);

describe('the request handler', () => {
  it('answers the health check, and the config the browser reads', async () => {
    const handle = handler();
    expect((await handle(get('/healthz'))).status).toBe(200);
    const config = await handle(get('/broadsheet.config.json'));
    expect(config.headers.get('Content-Type')).toBe('application/json');
    // The widget reads it from other sites' pages.
    expect(config.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(await config.json()).toEqual({ source: { type: 'native', url: API } });
  });

  it('sends a page with its policy, caching headers and a strong ETag, and 304 when it has not changed', async () => {
    const handle = handler();
    const page = await handle(get('/latest'));
    expect(page.status).toBe(200);
    const policy = page.headers.get('Content-Security-Policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).toContain(`connect-src 'self' ${new URL(API).origin}`);
    expect(page.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
    expect(page.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(page.headers.get('Cache-Control')).toBe(
      'public, max-age=0, s-maxage=60, stale-while-revalidate=600',
    );
    const etag = page.headers.get('ETag') ?? '';
    expect(etag).toMatch(/^"[^"]+"$/);
    const again = await handle(get('/latest', { headers: { 'If-None-Match': etag } }));
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const changed = await handle(get('/latest', { headers: { 'If-None-Match': '"other"' } }));
    expect(changed.status).toBe(200);
  });

  it('names the request’s origin, not the one it reads a source beside it at, in what a page links to', async () => {
    // As when the config names a relative source: the server reads it at its own address.
    const handle = handler({ localOrigin: new URL(API).origin });
    const story = (await (await fetch(`${API}latest/1.json`)).json()) as {
      items: { slug: string }[];
    };
    const html = await (await handle(get(`/article/${story.items[0]?.slug ?? ''}`))).text();
    expect(html).toContain(`<img src="${READER}/`);
    expect(html).toContain(`<meta property="og:image" content="${READER}/`);
    expect(html).not.toContain(new URL(API).origin);
  });

  it('keeps a 404 a minute and a failure not at all', async () => {
    const handle = handler();
    const missing = await handle(get('/article/no-such-story'));
    expect(missing.status).toBe(404);
    expect(missing.headers.get('Cache-Control')).toBe('public, max-age=0, s-maxage=60');
    server.use(http.get(`${API}site.json`, () => new HttpResponse(null, { status: 500 })));
    const failed = await handle(get('/'));
    expect(failed.status).toBe(502);
    expect(failed.headers.get('Cache-Control')).toBe('no-store');
  });

  it('answers a file that is not there with a plain 404, without rendering a page', async () => {
    let asked = 0;
    server.events.on('request:start', () => {
      asked++;
    });
    const answer = await handler()(get('/api/site.json'));
    expect(answer.status).toBe(404);
    expect(answer.headers.get('Content-Type')).toMatch(/^text\/plain/);
    expect(asked).toBe(0);
    server.events.removeAllListeners();
  });

  it('refuses other methods than GET and HEAD', async () => {
    const answer = await handler()(get('/', { method: 'POST', body: 'x' }));
    expect(answer.status).toBe(405);
    expect(answer.headers.get('Allow')).toBe('GET, HEAD');
  });

  it('answers 503 at once past its bound on pages rendered at the same time', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    server.use(
      http.get(`${API}site.json`, async () => {
        await held;
        await delay(1);
        return HttpResponse.json({ name: 'Held', sections: [], pageSize: 10 });
      }),
    );
    const handle = handler({ maxRenders: 1 });
    const first = handle(get('/'));
    const second = await handle(get('/latest'));
    expect(second.status).toBe(503);
    expect(second.headers.get('Retry-After')).toBe('5');
    release();
    expect((await first).status).not.toBe(503);
  });

  it('renders a page once for the requests that arrive while it renders, and keeps it a few seconds', async () => {
    const asked: string[] = [];
    server.events.on('request:start', ({ request }) => {
      asked.push(new URL(request.url).pathname);
    });
    try {
      const handle = handler();
      const answers = await Promise.all([
        handle(get('/top')),
        handle(get('/top')),
        handle(get('/top')),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      const bodies = await Promise.all(answers.map((answer) => answer.text()));
      expect(new Set(bodies).size).toBe(1);
      expect((await handle(get('/top'))).status).toBe(200);
      expect(asked.filter((path) => path === '/api/top/1.json')).toHaveLength(1);

      const always = handler({ keepSeconds: 0 });
      await always(get('/top'));
      await always(get('/top'));
      expect(asked.filter((path) => path === '/api/top/1.json')).toHaveLength(3);
    } finally {
      server.events.removeAllListeners();
    }
  });
});
