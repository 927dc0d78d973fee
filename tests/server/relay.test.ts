import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createRelay } from '../../src/server/relay.ts';
import { server } from '../unit/server.ts';
import { READER } from './renderPage.ts';

const relay = createRelay({
  source: { type: 'jsonfeed', url: 'https://upstream.test/feeds/news.json' },
  base: '/',
  timeoutMs: 1_000,
});

function asked(): string[] {
  const urls: string[] = [];
  server.use(
    http.get('https://upstream.test/*', ({ request }) => {
      urls.push(request.url);
      return HttpResponse.json(
        { ok: true },
        { headers: { 'Cache-Control': 'max-age=120', 'X-WP-Total': '7', 'Set-Cookie': 'a=b' } },
      );
    }),
  );
  return urls;
}

describe('the relay', () => {
  it('tells the browser to read the source under the reader’s own origin', () => {
    expect(relay.browserSource).toEqual({ type: 'jsonfeed', url: '_source/news.json' });
  });

  it('forwards a document under the source’s folder, with the headers the reader and caches need', async () => {
    const urls = asked();
    const answer = await relay.handle(new Request(`${READER}/_source/news.json?page=2`));
    expect(answer?.status).toBe(200);
    expect(urls).toEqual(['https://upstream.test/feeds/news.json?page=2']);
    expect(answer?.headers.get('Cache-Control')).toBe('max-age=120');
    expect(answer?.headers.get('X-WP-Total')).toBe('7');
    expect(answer?.headers.get('Set-Cookie')).toBeNull();
  });

  it.each([
    ['an encoded slash', '/_source/a%2f..%2f..%2fsecret'],
    ['an encoded backslash', '/_source/..%5csecret'],
    ['an absolute URL', '/_source/https://elsewhere.test/x'],
  ])('refuses %s, asking nothing of anyone', async (_, path) => {
    const urls = asked();
    const answer = await relay.handle(new Request(`${READER}${path}`));
    if (answer) {
      expect(answer.status).toBe(404);
    }
    expect(urls.filter((url) => !url.startsWith('https://upstream.test/feeds/'))).toEqual([]);
  });

  it('is not asked about addresses outside its path, a parent folder included', () => {
    expect(relay.handle(new Request(`${READER}/_source/../feeds2/x.json`))).toBeUndefined();
    expect(relay.handle(new Request(`${READER}/article/x`))).toBeUndefined();
  });

  it('answers 502 when the source cannot be reached', async () => {
    server.use(http.get('https://upstream.test/*', () => HttpResponse.error()));
    const answer = await relay.handle(new Request(`${READER}/_source/news.json`));
    expect(answer?.status).toBe(502);
  });
});
