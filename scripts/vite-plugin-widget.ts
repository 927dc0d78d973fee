import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { build, type Plugin } from 'vite';

// The browser's types of the files the widget build writes.
const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

/** The widget's own files, as the widget build writes them. */
const WIDGET_FILE = /^(widget\.js|embed\.js|embed\/[a-z]+\.(js|css)|assets\/widget-[\w.-]+\.js)$/;
/** What a widget on another site reads: its files, the config and the news. */
const SHARED = /^(widget\.js|embed\.js|embed\/|assets\/|broadsheet\.config\.json$|api\/)/;

/** The request's path under `base`, or undefined for other methods and paths. */
function underBase(req: IncomingMessage, base: string): string | undefined {
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined;
  const pathname = (req.url ?? '/').split('?')[0] ?? '/';
  return pathname.startsWith(base) ? pathname.slice(base.length) : undefined;
}

/** Lets pages on other origins read what a widget needs, as `npm run serve` does (not the app's modules). */
function shareWithOtherSites(base: string) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const relative = underBase(req, base);
    if (relative !== undefined && SHARED.test(relative))
      res.setHeader('Access-Control-Allow-Origin', '*');
    next();
  };
}

/**
 * `npm start` serves the widget as `npm run build` ships it (`widget.js`,
 * `embed.js`, `embed/…` and their chunks), built by its own config
 * (vite.widget.config.ts) into a folder of its own when the dev server
 * starts, and again whenever its code changes; the frame page itself the
 * server renders (src/server/devApp.ts). Host pages on other origins may load
 * it, as from a real site. `npm run preview` shares the built widget, config
 * and news with other sites too, as the README asks a static host to.
 */
export function widgetForDev(): Plugin {
  return {
    name: 'broadsheet-widget-dev',
    async configureServer(server) {
      const outDir = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-widget-'));
      let ready!: () => void;
      const built = new Promise<void>((resolve) => {
        ready = resolve;
      });
      const watcher = await build({
        configFile: path.join(server.config.root, 'vite.widget.config.ts'),
        logLevel: 'warn',
        build: { outDir, emptyOutDir: true, watch: {} },
      });
      if ('on' in watcher) {
        watcher.on('event', (event) => {
          if (event.code === 'END') ready();
          if (event.code === 'ERROR') {
            server.config.logger.error(`The widget did not build: ${event.error.message}`);
            ready();
          }
          if ('result' in event) void event.result.close();
        });
        server.httpServer?.once('close', () => {
          void watcher.close();
          rmSync(outDir, { recursive: true, force: true });
        });
      }
      const base = server.config.base;
      server.middlewares.use(shareWithOtherSites(base));
      server.middlewares.use((req, res, next) => {
        const relative = underBase(req, base);
        if (relative === undefined || !WIDGET_FILE.test(relative)) {
          next();
          return;
        }
        void built.then(() => {
          const file = path.join(outDir, relative);
          if (!statSync(file, { throwIfNoEntry: false })?.isFile()) {
            next();
            return;
          }
          res.writeHead(200, {
            'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
            'Cache-Control': 'no-cache',
          });
          res.end(req.method === 'HEAD' ? undefined : readFileSync(file));
        });
      });
    },
    configurePreviewServer(server) {
      server.middlewares.use(shareWithOtherSites(server.config.base));
    },
  };
}
