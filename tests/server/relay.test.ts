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

  describe('a JSON Feed’s next page on another host', () => {
    function feedPages(): string[] {
      const urls: string[] = [];
      server.use(
        http.get('https://upstream.test/feeds/news.json', ({ request }) => {
          urls.push(request.url);
          return HttpResponse.json(
            {
              version: 'https://jsonfeed.org/version/1.1',
              title: 'News',
              items: [],
              next_url: 'https://archive.test/older/2.json',
            },
            { headers: { ETag: '"v1"' } },
          );
        }),
        http.get('https://archive.test/older/2.json', ({ request }) => {
          urls.push(request.url);
          return HttpResponse.json({ items: [], next_url: '3.json' });
        }),
        http.get('https://elsewhere.test/*', ({ request }) => {
          urls.push(request.url);
          return HttpResponse.json({});
        }),
      );
      return urls;
    }

    it('is named as an address of the relay’s own, which it forwards, and so on down the pages', async () => {
      const urls = feedPages();
      const first = await relay.handle(new Request(`${READER}/_source/news.json`));
      const feed = (await first?.json()) as { next_url: string; title: string };
      expect(feed.title).toBe('News');
      expect(feed.next_url).toMatch(/^\/_source\/~next\/[\w-]+\.[\w-]+$/);
      // The body is the relay's: the source's validator does not name it.
      expect(first?.headers.get('ETag')).toBeNull();

      const second = await relay.handle(new Request(new URL(feed.next_url, READER)));
      expect(second?.status).toBe(200);
      const page2 = (await second?.json()) as { next_url: string };
      expect(urls).toEqual([
        'https://upstream.test/feeds/news.json',
        'https://archive.test/older/2.json',
      ]);
      // A relative next page resolves against the page that names it.
      const third = new URL(page2.next_url, READER).pathname.split('/').at(-1) ?? '';
      const [encoded = ''] = third.split('.');
      expect(Buffer.from(encoded, 'base64url').toString()).toBe(
        'https://archive.test/older/3.json',
      );
    });

    it('leaves a page that names no next page as it came, validators and all', async () => {
      asked();
      const answer = await relay.handle(new Request(`${READER}/_source/news.json`));
      server.use(
        http.get('https://upstream.test/feeds/last.json', () =>
          HttpResponse.json({ items: [] }, { headers: { ETag: '"last"' } }),
        ),
      );
      const last = await relay.handle(new Request(`${READER}/_source/last.json`));
      expect(await answer?.json()).toEqual({ ok: true });
      expect(await last?.json()).toEqual({ items: [] });
      expect(last?.headers.get('ETag')).toBe('"last"');
    });

    it('is forwarded only with the relay’s own signature: no other address, no other server’s', async () => {
      const urls = feedPages();
      const forged = Buffer.from('https://elsewhere.test/secret').toString('base64url');
      for (const path of [
        `/_source/~next/${forged}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`,
        `/_source/~next/${forged}`,
        '/_source/~next/not-base64!.x',
      ]) {
        const answer = await relay.handle(new Request(`${READER}${path}`));
        expect(answer?.status, path).toBe(404);
      }
      const first = await relay.handle(new Request(`${READER}/_source/news.json`));
      const { next_url: next } = (await first?.json()) as { next_url: string };
      const other = createRelay({
        source: { type: 'jsonfeed', url: 'https://upstream.test/feeds/news.json' },
        base: '/',
        timeoutMs: 1_000,
      });
      expect((await other.handle(new Request(new URL(next, READER))))?.status).toBe(404);
      // Servers that share a secret accept each other's.
      const secret = new TextEncoder().encode('shared');
      const one = createRelay({
        source: { type: 'jsonfeed', url: 'https://upstream.test/feeds/news.json' },
        base: '/',
        timeoutMs: 1_000,
        secret,
      });
      const two = createRelay({
        source: { type: 'jsonfeed', url: 'https://upstream.test/feeds/news.json' },
        base: '/',
        timeoutMs: 1_000,
        secret,
      });
      const named = (await (
        await one.handle(new Request(`${READER}/_source/news.json`))
      )?.json()) as { next_url: string };
      expect((await two.handle(new Request(new URL(named.next_url, READER))))?.status).toBe(200);
      expect(urls.filter((url) => url.startsWith('https://elsewhere.test'))).toEqual([]);
    });
  });
});
