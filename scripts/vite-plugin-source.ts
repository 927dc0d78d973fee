import type { Plugin, PreviewServer, ViteDevServer } from 'vite';

export const SOURCE_VARIABLE = 'BROADSHEET_SOURCE';
const TYPES = ['native', 'jsonfeed', 'wordpress'] as const;

export interface SourceChoice {
  type: (typeof TYPES)[number];
  url: string;
}

/**
 * `jsonfeed:https://example.org/feed.json` (or `wordpress:…`, `native:…`) into
 * a source, or an error that says what is wrong with it.
 */
export function parseSourceChoice(value: string): SourceChoice {
  const match = /^([a-z]+):(.+)$/.exec(value.trim());
  const type = TYPES.find((candidate) => candidate === match?.[1]);
  if (!match?.[2] || !type) {
    throw new Error(
      `${SOURCE_VARIABLE}="${value}" is not TYPE:URL with TYPE one of ${TYPES.join(', ')}, e.g. jsonfeed:https://example.org/feed.json`,
    );
  }
  const url = match[2];
  if (!URL.canParse(url) && !/^[^:]+$/.test(url))
    throw new Error(`${SOURCE_VARIABLE}: "${url}" is not a URL`);
  // Every reader's browser fetches the source (and the terminal would print it).
  if (URL.canParse(url) && (new URL(url).username || new URL(url).password))
    throw new Error(`${SOURCE_VARIABLE}: a source URL may not carry a user name or password`);
  return { type, url };
}

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
