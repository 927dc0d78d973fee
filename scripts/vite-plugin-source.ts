import type { Plugin, PreviewServer, ViteDevServer } from 'vite';
import { parseSourceChoice, SOURCE_VARIABLE } from '../src/server/sourceChoice.ts';

/**
 * Lets the dev server and `npm run preview` read any source without editing a
 * file: with BROADSHEET_SOURCE set, they answer `broadsheet.config.json` with
 * that source. Either way they say which source the reader uses.
 */
export function runtimeSource(): Plugin {
  const raw = process.env[SOURCE_VARIABLE];
  const choice = raw ? parseSourceChoice(raw) : undefined;

  function install(server: ViteDevServer | PreviewServer, fallback: string) {
    const { base, logger } = server.config;
    server.httpServer?.once('listening', () => {
      logger.info(
        choice
          ? `  Broadsheet: reading ${choice.type} news from ${choice.url} (${SOURCE_VARIABLE})`
          : `  Broadsheet: ${fallback} (set ${SOURCE_VARIABLE}=TYPE:URL to read another source)`,
      );
    });
    if (!choice) return;
    const body = JSON.stringify({ source: choice });
    server.middlewares.use((req, res, next) => {
      if (req.url?.split('?')[0] !== `${base}broadsheet.config.json`) {
        next();
        return;
      }
      res.setHeader('Content-Type', 'application/json');
      res.setHeader('Cache-Control', 'no-store');
      res.end(body);
    });
  }

  return {
    name: 'broadsheet-runtime-source',
    configureServer(server) {
      install(server, 'reading the built-in sample news from content/');
    },
    configurePreviewServer(server) {
      install(server, 'reading the source that dist/broadsheet.config.json names');
    },
  };
}
