import type { Config } from '../config.ts';

/** Where, under the reader's base path, the browser reads its source through the server. */
export const RELAY_PATH = '_source/';

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
 */
export function createRelay(options: {
  /** The configured source, its URL absolute. */
  source: Config['source'];
  /** The reader's base path, with its trailing slash. */
  base: string;
  timeoutMs: number;
}): Relay {
  const upstream = new URL(options.source.url);
  // The folder the source's documents live in (a JSON Feed's URL names a file in it).
  const folder = new URL('./', upstream).href;
  const prefix = `${options.base}${RELAY_PATH}`;
  const file = upstream.href.slice(folder.length);

  return {
    browserSource: { type: options.source.type, url: `${RELAY_PATH}${file}` },
    handle(request) {
      const url = new URL(request.url);
      if (!url.pathname.startsWith(prefix)) return undefined;
      return forward(request, url.pathname.slice(prefix.length) + url.search);
    },
  };

  async function forward(request: Request, rest: string): Promise<Response> {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    let target: URL;
    try {
      target = new URL(rest, folder);
    } catch {
      return new Response('Not Found', { status: 404 });
    }
    // `..`, an encoded slash or an absolute URL in the path would leave the folder: refused.
    if (!target.href.startsWith(folder) || /%2f|%5c/i.test(rest.split('?')[0] ?? '')) {
      return new Response('Not Found', { status: 404 });
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
    return new Response(answer.body, { status: answer.status, headers });
  }
}
