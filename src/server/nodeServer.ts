// The reader's production server on Node, over the last `npm run build`
// (started by ./node.ts). The pages come from the web-standard handler
// (./handler.ts); this file adds what Node must do itself: listen, serve the
// build's static files, compress, log, shut down gracefully.
import { readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import { parseConfig, type Config } from '../config.ts';
import { CONFIG_FILE } from '../configFile.ts';
import { Agent, fetch as cachingFetch, interceptors, setGlobalDispatcher } from 'undici';
import { createSource } from '../sources/createSource.ts';
import type { PageAssets } from './Document.tsx';
import { createHandler } from './handler.ts';
import { createRelay } from './relay.ts';
import { serverDom } from './serverDom.ts';
import { parseSourceChoice, SOURCE_VARIABLE } from './sourceChoice.ts';

const UPSTREAM_TIMEOUT_MS = 8_000;
const SHUTDOWN_GRACE_MS = 10_000;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
};
const COMPRESSIBLE = /^(text\/|application\/(json|xml)|image\/svg)/;

interface StaticFile {
  body: Buffer;
  type: string;
  cacheControl: string;
  /** Compressed once, on first request: the build's files never change under a running server. */
  encoded: Map<string, Promise<Buffer>>;
}

/** `defaultDist`: the site's build, where the entry knows it to be. BROADSHEET_DIST overrides it. */
export async function main(defaultDist: string): Promise<void> {
  const distDir = path.resolve(process.env.BROADSHEET_DIST ?? defaultDist);
  const port = Number(process.env.PORT ?? 3000);
  const host = process.env.HOST ?? '127.0.0.1';
  const base = import.meta.env.BASE_URL;
  const publicOrigin = process.env.BROADSHEET_ORIGIN?.replace(/\/$/, '');

  // Every document the server reads, its own and the browser's through the
  // relay, goes through one HTTP cache that does what the source's
  // Cache-Control, ETag and Last-Modified say (RFC 9111, undici's).
  setGlobalDispatcher(new Agent().compose(interceptors.cache()));
  // undici's fetch is the one Node's own is built from.
  globalThis.fetch = cachingFetch as unknown as typeof fetch;
  const rawConfig = readRawConfig(distDir);
  const { sanitize } = serverDom();
  const assets = pageAssets(distDir, base);
  /** Ready once listening: a relative source URL names this very server. */
  const ready: { handle?: (request: Request) => Promise<Response> } = {};
  const files = new Map<string, StaticFile | null>();
  const encodedPages = new Map<string, Map<string, Promise<Buffer>>>();

  const server = createServer((req, res) => {
    const started = performance.now();
    res.on('finish', () => {
      const ms = (performance.now() - started).toFixed(1);
      console.log(
        `${new Date().toISOString()} ${req.method ?? '-'} ${req.url ?? '-'} ${String(res.statusCode)} ${ms}ms`,
      );
    });
    respond(req, res).catch((error: unknown) => {
      console.error(error);
      if (res.headersSent) res.destroy();
      else {
        res.statusCode = 500;
        res.end('Internal Server Error');
      }
    });
  });

  async function respond(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://reader.invalid');
    const file = staticFile(url.pathname);
    if (file && (req.method === 'GET' || req.method === 'HEAD')) {
      res.setHeader('Content-Type', file.type);
      res.setHeader('Cache-Control', file.cacheControl);
      res.setHeader('X-Content-Type-Options', 'nosniff');
      // The build's files are public: the widget loads its code and the news from other sites' pages.
      res.setHeader('Access-Control-Allow-Origin', '*');
      await send(req, res, 200, file.body, file.type, file.encoded, true);
      return;
    }
    const origin = publicOrigin ?? `http://${req.headers.host ?? 'localhost'}`;
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === 'string') headers.set(name, value);
      else if (Array.isArray(value)) headers.set(name, value.join(', '));
    }
    const controller = new AbortController();
    res.on('close', () => {
      controller.abort();
    });
    const { handle } = ready;
    if (!handle) {
      res.statusCode = 503;
      res.setHeader('Retry-After', '1');
      res.end('Starting');
      return;
    }
    const response = await handle(
      new Request(new URL(req.url ?? '/', origin), {
        method: req.method ?? 'GET',
        headers,
        signal: controller.signal,
      }),
    );
    response.headers.forEach((value, name) => {
      res.setHeader(name, value);
    });
    const body = Buffer.from(await response.arrayBuffer());
    // A page kept by the handler comes again with the same ETag: compress it once.
    const etag = response.status === 200 ? response.headers.get('ETag') : null;
    let encodings: Map<string, Promise<Buffer>> | undefined;
    if (etag) {
      encodings = encodedPages.get(etag) ?? new Map<string, Promise<Buffer>>();
      encodedPages.delete(etag);
      encodedPages.set(etag, encodings);
      for (const oldest of encodedPages.keys()) {
        if (encodedPages.size <= 200) break;
        encodedPages.delete(oldest);
      }
    }
    await send(
      req,
      res,
      response.status,
      body,
      response.headers.get('Content-Type') ?? '',
      encodings,
    );
  }

  /** A file of the build, by URL path: never outside the build, never an HTML file (pages are rendered). */
  function staticFile(pathname: string): StaticFile | undefined {
    if (!pathname.startsWith(base)) return undefined;
    let relative: string;
    try {
      relative = decodeURIComponent(pathname.slice(base.length));
    } catch {
      return undefined;
    }
    if (!relative || relative.endsWith('.html') || relative === CONFIG_FILE) return undefined;
    const cached = files.get(relative);
    if (cached !== undefined) return cached ?? undefined;
    const file = path.resolve(distDir, relative);
    let found: StaticFile | null = null;
    if (
      file.startsWith(distDir + path.sep) &&
      !relative.split('/').some((part) => part.startsWith('.')) &&
      statSync(file, { throwIfNoEntry: false })?.isFile()
    ) {
      const extension = path.extname(file).toLowerCase();
      found = {
        body: readFileSync(file),
        type: TYPES[extension] ?? 'application/octet-stream',
        cacheControl: fileCacheControl(relative),
        encoded: new Map(),
      };
    }
    // Remember misses too, but not without bound: the paths come from the request.
    if (found || files.size < 10_000) files.set(relative, found);
    return found ?? undefined;
  }

  await new Promise<void>((resolve) => {
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const listening = typeof address === 'object' && address ? address.port : port;
  const self = `http://${host.includes(':') ? `[${host}]` : host}:${String(listening)}${base}`;
  // A relative source URL names a place next to the config, on this server:
  // under its public origin when it has one, else where it listens. Never the
  // request's Host: the server fetches only from where it was told.
  const config: Config = parseConfig(
    { source: rawConfig },
    `${publicOrigin ? `${publicOrigin}${base}` : self}${CONFIG_FILE}`,
  );
  const source = await createSource(config, {
    timeoutMs: UPSTREAM_TIMEOUT_MS,
    // The browser reads the same source at its own address for it: one identity for both.
    id: `${rawConfig.type}:${rawConfig.url}`,
  });
  // A source on another origin: the browser reads it through this server, CORS or not.
  const remote = URL.canParse(rawConfig.url);
  ready.handle = createHandler({
    source,
    relay: remote
      ? createRelay({
          source: config.source,
          base,
          timeoutMs: UPSTREAM_TIMEOUT_MS,
          // Servers behind one address share it, so that one signs the next pages another relays.
          ...(process.env.BROADSHEET_RELAY_SECRET
            ? { secret: new TextEncoder().encode(process.env.BROADSHEET_RELAY_SECRET) }
            : {}),
        })
      : undefined,
    config: rawConfig,
    sanitize,
    assets,
    base,
    origin: publicOrigin,
    localOrigin: remote || publicOrigin ? undefined : new URL(self).origin,
    settleMs: UPSTREAM_TIMEOUT_MS,
    maxRenders: Number(process.env.BROADSHEET_MAX_RENDERS ?? 32),
    keepSeconds: Number(process.env.BROADSHEET_KEEP_SECONDS ?? 5),
  });
  console.log(
    `Broadsheet: serving ${self} (reading ${config.source.type} news from ${config.source.url}; ${SOURCE_VARIABLE}=TYPE:URL reads another)`,
  );
  if (!publicOrigin)
    console.log(
      "Broadsheet: pages name each request's own host in their canonical and link-preview URLs; behind a proxy or CDN, set BROADSHEET_ORIGIN=https://your.site",
    );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`Broadsheet: ${signal}, finishing the requests under way`);
    server.close(() => {
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => {
      server.closeAllConnections();
      process.exit(0);
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
}

/** Brotli or gzip, as the client accepts, for text worth compressing. */
async function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  body: Buffer,
  type: string,
  cache?: Map<string, Promise<Buffer>>,
  /** A file of the build (compressed harder, once) rather than a page. */
  isFile = false,
) {
  res.statusCode = status;
  let payload = body;
  if (COMPRESSIBLE.test(type) && body.length > 1024) {
    res.setHeader('Vary', 'Accept-Encoding');
    const accepted = req.headers['accept-encoding'] ?? '';
    const encoding = /\bbr\b/.test(accepted)
      ? 'br'
      : /\bgzip\b/.test(accepted)
        ? 'gzip'
        : undefined;
    if (encoding) {
      const make = () =>
        encoding === 'br'
          ? brotli(body, {
              params: {
                // Files of the build are compressed once: take the time. Pages, each time: be quick.
                [zlib.BROTLI_PARAM_QUALITY]: isFile ? 11 : 5,
                [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            })
          : gzipped(body, { level: isFile ? 9 : 6 });
      let encoded = cache?.get(encoding);
      if (!encoded) {
        encoded = make();
        cache?.set(encoding, encoded);
      }
      payload = await encoded;
      res.setHeader('Content-Encoding', encoding);
    }
  }
  res.setHeader('Content-Length', String(payload.length));
  res.end(req.method === 'HEAD' ? undefined : payload);
}

/** The config the build shipped, or the one BROADSHEET_SOURCE names. */
export function readRawConfig(distDir: string): Config['source'] {
  const chosen = process.env[SOURCE_VARIABLE];
  if (chosen) return parseSourceChoice(chosen);
  const file = path.join(distDir, CONFIG_FILE);
  const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
  // Checked the way the browser checks it; the URL stays as written, for the browser to resolve.
  parseConfig(raw, 'http://reader.invalid/');
  // Checked by parseConfig() just above.
  const { source } = raw as { source: Config['source'] };
  return { type: source.type, url: source.url };
}

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
}

/** The entry's script, the modules it imports and its styles, from the build's manifest. */
export function pageAssets(distDir: string, base: string): PageAssets {
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const entry = manifest['index.html'];
  if (!entry)
    throw new Error(`${distDir} has no index.html entry in its manifest: run npm run build`);
  const preload = new Set<string>();
  const styles = new Set(entry.css ?? []);
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || preload.has(chunk.file)) return;
    preload.add(chunk.file);
    for (const css of chunk.css ?? []) styles.add(css);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  for (const imported of entry.imports ?? []) visit(imported);
  // A PNG, not the SVG it is drawn from: Chromium decodes the icon again on
  // every same-document navigation, and an SVG costs it a document of its own
  // (about 10 ms at 4x CPU, on the click's path; docs/design.md, "The site icon").
  const hasIcon = statSync(path.join(distDir, 'favicon.png'), { throwIfNoEntry: false });
  return {
    script: `${base}${entry.file}`,
    preload: [...preload].map((file) => `${base}${file}`),
    styles: [...styles].map((file) => `${base}${file}`),
    ...(hasIcon ? { icon: `${base}favicon.png` } : {}),
  };
}

/**
 * How long a file of the build may be kept (README, Deploy): hashed assets
 * for good; news documents a minute, then stale while asked again; the
 * widget's fixed name five minutes; anything else a minute. (The config is
 * the server's own, made when it starts: handler.ts.)
 */
function fileCacheControl(relative: string): string {
  if (relative.startsWith('assets/')) return 'public, max-age=31536000, immutable';
  if (relative.startsWith('api/')) return 'public, max-age=60, stale-while-revalidate=600';
  if (relative === 'widget.js') return 'public, max-age=300';
  return 'public, max-age=60';
}
