import type { Config } from '../config.ts';
import { CONFIG_FILE } from '../configFile.ts';
import { PREPAINT_SCRIPT_HASH } from '../settings/prepaint.ts';
import type { Relay } from './relay.ts';
import { renderFeedFrame } from './feedFrame.tsx';
import { render, type RenderOptions } from './render.tsx';

export interface HandlerOptions extends Omit<RenderOptions, 'policyInPage' | 'prerendered'> {
  /** Pages rendered at once; beyond that a request is answered 503 at once, not queued. */
  maxRenders?: number;
  /** A source on another origin, read by the browser through this server (./relay.ts). */
  relay?: Relay | undefined;
  /** How long a rendered page answers later requests for it (default 5 s; 0: render every time). */
  keepSeconds?: number;
  /**
   * Where the server itself reads a source that lives beside it (a relative
   * URL in the config, resolved against the address it listens on). Pages
   * name that origin in their images and links; each page is sent with the
   * request's origin in its place, the one the reader can reach.
   */
  localOrigin?: string | undefined;
}

/**
 * The reader's server as a fetch handler (web-standard Request in, Response
 * out): pages rendered by render(), the config the browser reads, and a health
 * check. Static files (the build's assets, a sample API) are not its business:
 * whatever hosts it serves those (src/server/node.ts does, for Node).
 */
export function createHandler(options: HandlerOptions): (request: Request) => Promise<Response> {
  const maxRenders = options.maxRenders ?? 32;
  const { relay } = options;
  // What the browser is told of the source: the relay under this origin, when there is one.
  const browserSource = relay?.browserSource ?? options.config;
  const policy = contentSecurityPolicy(browserSource);
  const renderOptions = { ...options, config: browserSource };
  const keepMs = (options.keepSeconds ?? 5) * 1000;
  const pages = new Map<string, StoredPage>();
  const inFlight = new Map<string, Promise<StoredPage>>();
  let rendering = 0;

  return async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/healthz') return plain(200, 'ok');
    const relayed = relay?.handle(request);
    if (relayed) return relayed;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plain(405, 'Method Not Allowed', { Allow: 'GET, HEAD' });
    }
    if (url.pathname === `${options.base}${CONFIG_FILE}`) {
      return new Response(JSON.stringify({ source: browserSource }), {
        headers: {
          'Content-Type': 'application/json',
          'Cache-Control': 'public, max-age=60',
          'X-Content-Type-Options': 'nosniff',
          // The widget on other sites' pages reads it too.
          'Access-Control-Allow-Origin': '*',
        },
      });
    }
    // A page's address never names a file (slugs have no dots): a file that is
    // not there is a plain 404, never a page rendered that asks for it again.
    if (/\.[a-z0-9]+$/i.test(url.pathname)) {
      return withPageHeaders(
        plain(404, 'Not Found', { 'Cache-Control': 'public, max-age=60' }),
        policy,
      );
    }
    // One render serves every request for the same page that arrives while it
    // runs, and, for a few seconds, those after it (as a CDN would).
    const key = url.href;
    const kept = pages.get(key);
    if (kept && Date.now() - kept.at < keepMs) return answer(request, kept);
    let flight = inFlight.get(key);
    if (!flight) {
      if (rendering >= maxRenders) {
        return withPageHeaders(
          plain(503, 'This news site is busy. Try again in a moment.', { 'Retry-After': '5' }),
          policy,
        );
      }
      flight = renderPage(request).finally(() => {
        inFlight.delete(key);
      });
      inFlight.set(key, flight);
    }
    return answer(request, await flight);
  };

  async function renderPage(request: Request): Promise<StoredPage> {
    rendering++;
    let response: Response;
    try {
      const forward = new Request(request.url, { headers: request.headers });
      response =
        new URL(request.url).pathname === `${options.base}${FEED_FRAME_PATH}`
          ? await renderFeedFrame(forward, options)
          : await render(forward, renderOptions);
    } catch (error) {
      console.error(error);
      response = plain(500, 'This page could not be shown. Try again in a moment.');
    } finally {
      rendering--;
    }
    const stored = await store(withPageHeaders(response, policy));
    if (stored.status === 200 || stored.status === 404 || stored.status === 301) {
      pages.delete(stored.key);
      pages.set(stored.key, stored);
      // The oldest go first past the bound: addresses come from requests.
      for (const oldest of pages.keys()) {
        if (pages.size <= MAX_KEPT_PAGES) break;
        pages.delete(oldest);
      }
    }
    return stored;

    async function store(response: Response): Promise<StoredPage> {
      let body = new Uint8Array(await response.arrayBuffer());
      const { localOrigin } = options;
      const here = new URL(request.url).origin;
      if (
        localOrigin &&
        localOrigin !== here &&
        /^text\/html/.test(response.headers.get('Content-Type') ?? '')
      ) {
        // An origin is letters, digits and `:/.-[]`: written the same in HTML, attributes and JSON.
        body = new TextEncoder().encode(
          new TextDecoder().decode(body).replaceAll(localOrigin, here),
        );
      }
      const headers = new Headers(response.headers);
      if (response.status === 200) headers.set('ETag', await strongEtag(body));
      return { key: request.url, at: Date.now(), status: response.status, headers, body };
    }
  }
}

/** A rendered page as kept: its bytes once, answered to every request for it. */
interface StoredPage {
  key: string;
  at: number;
  status: number;
  headers: Headers;
  body: Uint8Array<ArrayBuffer>;
}

const MAX_KEPT_PAGES = 200;
/** The iframe form's page, under the reader's base (./feedFrame.tsx). */
const FEED_FRAME_PATH = 'embed/feed';

/** The stored page, or 304 when the request's If-None-Match names it. */
function answer(request: Request, page: StoredPage): Response {
  const etag = page.headers.get('ETag');
  const wanted = request.headers.get('If-None-Match');
  if (etag && wanted?.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)) {
    return new Response(null, { status: 304, headers: page.headers });
  }
  return new Response(page.body.slice(), { status: page.status, headers: page.headers });
}

async function strongEtag(body: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', body));
  return `"${btoa(String.fromCharCode(...digest.subarray(0, 18)))}"`;
}

/**
 * Scripts only from the reader's own origin, and the one inline script that
 * applies the reader's display settings before the first paint, by its hash
 * (the page's state is data in a non-executable element), images
 * from anywhere on the web (sources' pictures), documents from its own origin
 * and its source's.
 */
export function contentSecurityPolicy(source: Config['source']): string {
  const sourceOrigin = URL.canParse(source.url) ? new URL(source.url).origin : undefined;
  return [
    "default-src 'self'",
    `script-src 'self' ${PREPAINT_SCRIPT_HASH}`,
    "style-src 'self'",
    'img-src * data:',
    'media-src *',
    `connect-src 'self'${sourceOrigin ? ` ${sourceOrigin}` : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'self'",
  ].join('; ');
}

function withPageHeaders(response: Response, policy: string): Response {
  const headers = new Headers(response.headers);
  // A page with a policy of its own (the iframe form's, which any site may frame) keeps it.
  if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', policy);
  headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  headers.set('X-Content-Type-Options', 'nosniff');
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', cacheControl(response.status));
  return new Response(response.body, { status: response.status, headers });
}

/**
 * A CDN keeps a page for a minute and may serve it for ten more while it asks
 * again; a browser always asks (and gets a 304 when nothing changed). Errors
 * from the source are not kept: the next reader should get the healed page.
 */
function cacheControl(status: number): string {
  if (status === 200) return 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';
  if (status === 301) return 'public, max-age=3600';
  if (status === 404) return 'public, max-age=0, s-maxage=60';
  return 'no-store';
}

function plain(status: number, text: string, extra: Record<string, string> = {}): Response {
  return new Response(text, {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', ...extra },
  });
}
