import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import path from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import type { Config } from '../src/config.ts';
import { parseSourceChoice, SOURCE_VARIABLE } from '../src/server/sourceChoice.ts';
import type { renderForDev } from '../src/server/devApp.ts';

/**
 * `npm start` renders every page on the server too, with the production
 * server's render() (src/server/render.tsx), loaded through Vite so that it
 * reloads with any change; the browser hydrates it as in production, with
 * hot reload on top.
 */
export function serverRender(): Plugin {
  return {
    name: 'broadsheet-server-render',
    apply: 'serve',
    configureServer(server) {
      const { base } = server.config;
      server.middlewares.use((req, res, next) => {
        if (!isPageRequest(req, base)) {
          next();
          return;
        }
        renderPage(server, req)
          .then(async (response) => {
            res.statusCode = response.status;
            response.headers.forEach((value, name) => {
              res.setHeader(name, value);
            });
            let body = await response.text();
            // The reader's pages get Vite's client (hot reload); the iframe form's page, which runs none of the app, does not.
            if (
              response.headers.get('Content-Type')?.startsWith('text/html') &&
              !(req.url ?? '').startsWith(`${base}embed/feed`)
            )
              body = await server.transformIndexHtml(req.url ?? '/', body);
            res.end(req.method === 'HEAD' ? undefined : body);
          })
          .catch((error: unknown) => {
            if (error instanceof Error) server.ssrFixStacktrace(error);
            next(error);
          });
      });
    },
  };
}

/** A browser asking for a page (not a module, a file or an API document). */
function isPageRequest(req: IncomingMessage, base: string): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const pathname = (req.url ?? '/').split('?')[0] ?? '/';
  if (!pathname.startsWith(base) && `${pathname}/` !== base) return false;
  const inside = pathname.slice(base.length);
  if (/^(@|__|node_modules\/|src\/|api\/)/.test(inside) || /\.[a-z0-9]+$/i.test(pathname))
    return false;
  return /text\/html/.test(req.headers.accept ?? '');
}

async function renderPage(server: ViteDevServer, req: IncomingMessage): Promise<Response> {
  const { base } = server.config;
  const address = server.httpServer?.address();
  const port = typeof address === 'object' && address ? address.port : server.config.server.port;
  // Never the request's Host: the server reads its news from itself, or from the configured source.
  const self = `http://127.0.0.1:${String(port)}`;
  const module = (await server.ssrLoadModule('/src/server/devApp.ts')) as {
    renderForDev: typeof renderForDev;
  };
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
  }
  const host = req.headers.host ?? `127.0.0.1:${String(port)}`;
  return module.renderForDev(new Request(new URL(req.url ?? '/', `http://${host}`), { headers }), {
    config: devConfig(server.config.root),
    self,
    base,
  });
}

/** The source the dev server's pages read: BROADSHEET_SOURCE's, else public/'s config. */
function devConfig(root: string): Config['source'] {
  const chosen = process.env[SOURCE_VARIABLE];
  if (chosen) return parseSourceChoice(chosen);
  const raw: unknown = JSON.parse(
    readFileSync(path.join(root, 'public', 'broadsheet.config.json'), 'utf8'),
  );
  const source = (raw as { source?: Config['source'] }).source;
  if (!source) throw new Error('public/broadsheet.config.json names no source');
  return { type: source.type, url: source.url };
}
