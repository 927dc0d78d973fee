// The servers the bench measures: the reader's production server, and a plain
// static host for the prerendered reader and for the floor.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { TYPES as TEST_TYPES } from '../../tests/e2e/staticServer.ts';

export interface Running {
  /** `http://127.0.0.1:port/` */
  url: string;
  close(): Promise<void>;
}

/** The browser tests' static server's types, and the raster images a content folder may hold. */
const TYPES: Readonly<Record<string, string>> = {
  ...TEST_TYPES,
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
};
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

export interface StaticSite {
  root: string;
  /** Folders served from elsewhere: `{ 'api/': dir }`. */
  mounts?: Record<string, string>;
  /**
   * What a path that is no file gets: `pages` serves `/latest` from
   * `latest.html` and anything else with `404.html`, as static hosts serve a
   * prerendered site; `spa` serves `shell` for every such path.
   */
  fallback: 'pages' | 'spa';
  /** The page `spa` serves: `index.html` unless named (the reader's is `fallback.html`). */
  shell?: string;
}

/**
 * A static host as a CDN would be: files as they are, compressed with brotli
 * or gzip as the browser asks (once, then kept), `assets/` cached for good.
 */
export async function startStaticServer(site: StaticSite): Promise<Running> {
  const encoded = new Map<string, Buffer>();

  const locate = async (pathname: string): Promise<{ file: string; status: number } | null> => {
    const relative = pathname.replace(/^\/+/, '');
    let root = site.root;
    let inside = relative;
    for (const [prefix, dir] of Object.entries(site.mounts ?? {})) {
      if (relative.startsWith(prefix)) {
        root = dir;
        inside = relative.slice(prefix.length);
      }
    }
    const file = path.join(root, inside);
    if (file !== root && !file.startsWith(root + path.sep)) return null;
    if ((await stat(file).catch(() => null))?.isFile()) return { file, status: 200 };
    if (root !== site.root || path.extname(inside) !== '') return null;
    if (site.fallback === 'spa') {
      return { file: path.join(site.root, site.shell ?? 'index.html'), status: 200 };
    }
    const page = path.join(
      site.root,
      inside === '' ? 'index.html' : `${inside.replace(/\/$/, '')}.html`,
    );
    if ((await stat(page).catch(() => null))?.isFile()) return { file: page, status: 200 };
    return { file: path.join(site.root, '404.html'), status: 404 };
  };

  const server = createServer((req, res) => {
    const answer = async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://host').pathname);
      const found = await locate(pathname);
      if (!found) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
        return;
      }
      const type = TYPES[path.extname(found.file)] ?? 'application/octet-stream';
      const accepts = req.headers['accept-encoding'] ?? '';
      const encoding = !COMPRESSIBLE.test(type)
        ? null
        : /\bbr\b/.test(accepts)
          ? 'br'
          : /\bgzip\b/.test(accepts)
            ? 'gzip'
            : null;
      const key = `${encoding ?? 'identity'} ${found.file}`;
      let body = encoded.get(key);
      if (!body) {
        const raw = await readFile(found.file);
        body =
          encoding === 'br'
            ? brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
            : encoding === 'gzip'
              ? gzipSync(raw, { level: 9 })
              : raw;
        encoded.set(key, body);
      }
      res.writeHead(found.status, {
        'Content-Type': type,
        'Content-Length': body.length,
        'Cache-Control': pathname.startsWith('/assets/')
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
        ...(encoding ? { 'Content-Encoding': encoding } : {}),
        Vary: 'Accept-Encoding',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    answer().catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${String(port)}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** `npm run serve` over a build: `dist-server/node.js` beside `dist/`, on a free port. */
export async function startProductionServer(
  buildDir: string,
  env: Record<string, string> = {},
): Promise<Running & { child: ChildProcess }> {
  const child = spawn(process.execPath, [path.join(buildDir, 'dist-server', 'node.js')], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      BROADSHEET_DIST: path.join(buildDir, 'dist'),
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = `${stderr}${chunk.toString('utf8')}`.slice(-4000);
  });
  const url = await new Promise<string>((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      const match = /serving (http:\/\/\S+)/.exec(seen);
      if (match?.[1]) {
        child.stdout.off('data', onData);
        resolve(match[1].endsWith('/') ? match[1] : `${match[1]}/`);
      }
    };
    child.stdout.on('data', onData);
    child.once('exit', (code) => {
      reject(new Error(`the server exited (${String(code)}) before it listened:\n${stderr}`));
    });
  });
  // It logs a line a request: read and dropped, so that it never waits on a full pipe.
  child.stdout.resume();
  return {
    url,
    child,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
