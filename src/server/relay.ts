import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Config } from '../config.ts';

/** Where, under the reader's base path, the browser reads its source through the server. */
export const RELAY_PATH = '_source/';

/** A feed page larger than this is passed on as it is (the reader refuses it anyway). */
const MAX_REWRITTEN = 16 * 1024 * 1024;

/** Headers of the source's answer that the reader's adapters read, or that caches should. */
const PASSED = [
  'content-type',
  'cache-control',
  'etag',
  'last-modified',
  'expires',
  'x-wp-total',
  'x-wp-totalpages',
];

export interface Relay {
  /** The source as the browser's config should name it: under the reader's own origin. */
  browserSource: Config['source'];
  /** The answer for a request under RELAY_PATH, or undefined for any other request. */
  handle(request: Request): Promise<Response> | undefined;
}

/**
 * Lets the browser read a source on another origin through the reader's own,
 * so that a JSON Feed or WordPress site that sends no CORS headers works. It
 * forwards only GETs for documents under the configured source's own folder
 * (the URL a request names is resolved there and must stay inside it): never
 * an address of the request's choosing, so it is no open proxy.
 *
 * A JSON Feed's `next_url` may name another host (a CDN, an archive). The
 * relay writes each one it forwards as an address of its own, signed
 * (`_source/~next/{url}.{signature}`), and forwards such an address only
 * when the signature is its own: only pages the source itself named.
 */
export function createRelay(options: {
  /** The configured source, its URL absolute. */
  source: Config['source'];
  /** The reader's base path, with its trailing slash. */
  base: string;
  timeoutMs: number;
  /** Signs the next pages it names; by default a new one each time the server starts. */
  secret?: Uint8Array;
}): Relay {
  const secret = options.secret ?? randomBytes(32);
  const sign = (url: string) =>
    createHmac('sha256', secret).update(url).digest('base64url').slice(0, 32);
  const upstream = new URL(options.source.url);
  // The folder the source's documents live in (a JSON Feed's URL names a file in it).
  const folder = new URL('./', upstream).href;
  const prefix = `${options.base}${RELAY_PATH}`;
  const file = upstream.href.slice(folder.length);
  const NEXT = '~next/';

  return {
    browserSource: { type: options.source.type, url: `${RELAY_PATH}${file}` },
    handle(request) {
      const url = new URL(request.url);
      if (!url.pathname.startsWith(prefix)) return undefined;
      return forward(request, url.pathname.slice(prefix.length) + url.search);
    },
  };

  /** A next page the relay named itself: its URL, if the signature is the relay's. */
  function signedTarget(rest: string): URL | undefined {
    const [encoded = '', signature = ''] = rest.slice(NEXT.length).split('.');
    // Base64url decoding never throws: what is not base64url fails the signature.
    const url = Buffer.from(encoded, 'base64url').toString('utf8');
    const expected = Buffer.from(sign(url));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    return URL.canParse(url) ? new URL(url) : undefined;
  }

  async function forward(request: Request, rest: string): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    let target: URL | undefined;
    if (rest.startsWith(NEXT)) {
      target = signedTarget(rest);
      if (!target) return new Response('Not Found', { status: 404 });
    } else {
      try {
        target = new URL(rest, folder);
      } catch {
        return new Response('Not Found', { status: 404 });
      }
      // `..`, an encoded slash or an absolute URL in the path would leave the folder: refused.
      if (!target.href.startsWith(folder) || /%2f|%5c/i.test(rest.split('?')[0] ?? '')) {
        return new Response('Not Found', { status: 404 });
      }
    }
    let answer: Response;
    try {
      answer = await fetch(target, {
        headers: { Accept: 'application/json' },
        redirect: 'follow',
        signal: AbortSignal.any([request.signal, AbortSignal.timeout(options.timeoutMs)]),
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      return new Response(
        timedOut
          ? 'The news source did not answer in time'
          : 'The news source could not be reached',
        {
          status: timedOut ? 504 : 502,
          headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
        },
      );
    }
    // Public documents of a public source: the widget reads them from other sites' pages too.
    const headers = new Headers({
      'X-Content-Type-Options': 'nosniff',
      'Access-Control-Allow-Origin': '*',
    });
    for (const name of PASSED) {
      const value = answer.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    if (!headers.has('cache-control')) headers.set('Cache-Control', 'public, max-age=60');
    const size = Number(answer.headers.get('content-length') ?? 0);
    if (
      options.source.type === 'jsonfeed' &&
      answer.ok &&
      request.method === 'GET' &&
      size < MAX_REWRITTEN
    ) {
      const text = await answer.text();
      const relayed = withRelayedNext(text, target);
      if (relayed !== undefined) {
        // Its body is the relay's now: the source's validators no longer name it.
        headers.delete('etag');
        headers.delete('last-modified');
      }
      return new Response(relayed ?? text, { status: answer.status, headers });
    }
    return new Response(answer.body, { status: answer.status, headers });
  }

  /** A feed page with its `next_url` written as the relay's own signed address; undefined when it names none. */
  function withRelayedNext(text: string, at: URL): string | undefined {
    let feed: unknown;
    try {
      feed = JSON.parse(text);
    } catch {
      return undefined; // The reader's adapter says what is wrong with it.
    }
    if (typeof feed !== 'object' || feed === null || !('next_url' in feed)) return undefined;
    const next = feed.next_url;
    if (typeof next !== 'string' || !URL.canParse(next, at)) return undefined;
    const url = new URL(next, at);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    const relayed = `${prefix}${NEXT}${Buffer.from(url.href).toString('base64url')}.${sign(url.href)}`;
    return JSON.stringify({ ...feed, next_url: relayed });
  }
}
