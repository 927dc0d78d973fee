import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

/** Content-Type by file extension (the bench's static host starts from it too). */
export const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** What the server does instead of serving a path, for testing failures. */
export type Fault =
  | { status: number; body?: string; headers?: Record<string, string> }
  | { body: string; headers?: Record<string, string> }
  | { hang: true }
  | { drop: true }
  /** Answer as usual, but only after this many milliseconds (a slow network or server). */
  | { delay: number }
  /** Answer as usual once the promise settles: the test decides when the document arrives. */
  | { until: Promise<unknown> };

export interface StaticServer {
  url: string;
  /** Replace the response for a path (under the base) `times` times, or until cleared. */
  fault(pathname: string, fault: Fault, times?: number): void;
  clearFaults(): void;
  /** Every path requested, in order. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves a production build like a static host would: files as they are, the
 * app's index.html for any other path under `base` (client-side routes), and a
 * real 404 for missing API documents. Optional Content-Security-Policy.
 */
export async function startStaticServer(options: {
  root: string;
  base?: string;
  headers?: Record<string, string>;
  /**
   * Serve a prerendered site as static hosts do: `/latest` from `latest.html`,
   * and a missing page with `404.html` (status 404) instead of index.html.
   */
  pages?: boolean;
}): Promise<StaticServer> {
  const base = options.base ?? '/';
  const faults = new Map<string, { fault: Fault; times: number }>();
  const requests: string[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(pathname);
    const planned = faults.get(pathname);
    if (planned) {
      if (--planned.times <= 0) faults.delete(pathname);
      const { fault } = planned;
      if ('delay' in fault || 'until' in fault) {
        await ('until' in fault
          ? fault.until.catch(() => undefined)
          : new Promise((resolve) => setTimeout(resolve, fault.delay)));
        await serve(pathname, res);
        return;
      }
      if ('hang' in fault) return; // never answer
      if ('drop' in fault) {
        req.socket.destroy();
        return;
      }
      res.writeHead('status' in fault ? fault.status : 200, {
        'Content-Type': TYPES['.json'] ?? '',
        ...fault.headers,
      });
      res.end(fault.body ?? '');
      return;
    }
    await serve(pathname, res);
  }

  async function serve(pathname: string, res: ServerResponse) {
    if (res.destroyed) return;
    if (!pathname.startsWith(base)) {
      res.writeHead(404).end('Not Found');
      return;
    }
    const relative = pathname.slice(base.length);
    const file = path.join(options.root, relative);
    if (!file.startsWith(options.root)) {
      res.writeHead(403).end();
      return;
    }
    const found = await stat(file).catch(() => null);
    if (found?.isFile()) {
      res.writeHead(200, {
        ...options.headers,
        'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'Content-Length': found.size,
      });
      createReadStream(file).pipe(res);
      return;
    }
    if (relative.startsWith('api/') || path.extname(relative) !== '') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
      return;
    }
    if (options.pages) {
      const page = path.join(
        options.root,
        relative === '' ? 'index.html' : `${relative.replace(/\/$/, '')}.html`,
      );
      const exists = await stat(page).catch(() => null);
      res.writeHead(exists?.isFile() ? 200 : 404, {
        ...options.headers,
        'Content-Type': TYPES['.html'] ?? '',
      });
      createReadStream(exists?.isFile() ? page : path.join(options.root, '404.html')).pipe(res);
      return;
    }
    res.writeHead(200, { ...options.headers, 'Content-Type': TYPES['.html'] ?? '' });
    createReadStream(path.join(options.root, 'index.html')).pipe(res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    fault(pathname, fault, times = Number.POSITIVE_INFINITY) {
      faults.set(pathname, { fault, times });
    },
    clearFaults() {
      faults.clear();
    },
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}
