import { statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { answerPlain } from './requestGuard.ts';
import {
  buildSampleNews,
  ContentError,
  directorySink,
  generateApi,
  type Api,
  type GeneratedApi,
} from './sample-news.ts';

/**
 * Serves the sample news API (generated from content/) at `{base}api/` in the
 * dev server, and writes it into the build so `dist/` is a complete site. The
 * request guard in front of both servers is its own plugin
 * (./vite-plugin-request-guard.ts).
 */
export function sampleNews(options: { contentDir: string }): Plugin {
  const contentDir = path.resolve(options.contentDir);
  let config: ResolvedConfig;
  let api: Promise<Api> | undefined;
  const load = () => (api ??= buildSampleNews(contentDir).then((news) => news.api));
  // Every request for a broken sample API fails with the same error: log it once.
  const reported = new WeakSet<object>();
  const report = (error: unknown) => {
    if (typeof error === 'object' && error !== null) {
      if (reported.has(error)) return;
      reported.add(error);
    }
    config.logger.error(describe(error), { timestamp: true });
  };

  return {
    name: 'broadsheet-sample-news',
    configResolved(resolved) {
      config = resolved;
    },
    configureServer(server) {
      server.watcher.add(contentDir);
      const onChange = (file: string) => {
        if (!file.startsWith(contentDir)) return;
        api = undefined;
        load().then(
          () => {
            server.ws.send({ type: 'full-reload' });
          },
          (error: unknown) => {
            report(error);
          },
        );
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
      load().catch((error: unknown) => {
        report(error);
      });

      const prefix = `${config.base}api/`;
      server.middlewares.use((req, res, next) => {
        const docPath = apiDocument(req.url, prefix);
        if (docPath === null) {
          next();
          return;
        }
        if (docPath === undefined) {
          answerPlain(res, 400);
          return;
        }
        load()
          .then((documents) => {
            const file = documents.get(docPath);
            if (!file) {
              notFound(res);
              return;
            }
            res.setHeader('Content-Type', file.contentType);
            res.setHeader('Cache-Control', 'no-cache');
            res.end(file.body);
          })
          .catch((error: unknown) => {
            report(error);
            if (res.headersSent) res.destroy();
            else
              answerPlain(
                res,
                500,
                "The sample news could not be served: see the dev server's log.",
              );
          });
      });
    },
    configurePreviewServer(server) {
      // The preview server falls back to index.html for unknown paths; an API
      // document that does not exist must be a real 404 instead.
      const prefix = `${config.base}api/`;
      const apiDir = path.resolve(config.root, config.build.outDir, 'api');
      server.middlewares.use((req, res, next) => {
        const docPath = apiDocument(req.url, prefix);
        if (docPath === null) {
          next();
          return;
        }
        if (docPath === undefined) {
          answerPlain(res, 400);
          return;
        }
        if (!isFileInside(apiDir, docPath)) {
          notFound(res);
          return;
        }
        next();
      });
    },
    async writeBundle(options) {
      // The sample API belongs with the site in dist/, not with the server's code. It is
      // written straight into the folder, streaming as `npm run content -- --out` does,
      // rather than emitted into the bundle: the build then reports it in one line, not
      // a line per document.
      if (config.build.ssr) return;
      const outDir = options.dir ?? path.resolve(config.root, config.build.outDir);
      const started = performance.now();
      let news: GeneratedApi;
      try {
        news = await generateApi(contentDir, directorySink(path.join(outDir, 'api')));
      } catch (error) {
        this.error(describe(error));
      }
      const where = path.relative(config.root, path.join(outDir, 'api')) || 'api';
      config.logger.info(
        `Broadsheet: ${news.articleCount} articles → ${news.documentCount} API documents in ${where}/ (${((performance.now() - started) / 1000).toFixed(1)} s)`,
      );
    },
  };
}

function notFound(res: ServerResponse): void {
  res.statusCode = 404;
  res.setHeader('Content-Type', 'application/json');
  res.end('{"error":"Not Found"}');
}

/** The API document a request asks for: null when it is not under `prefix`, undefined when its path does not decode. */
function apiDocument(target: string | undefined, prefix: string): string | null | undefined {
  const url = target?.split('?')[0] ?? '';
  if (!url.startsWith(prefix)) return null;
  try {
    return decodeURIComponent(url.slice(prefix.length));
  } catch {
    return undefined;
  }
}

/** Whether `relative` names a file inside `dir` (never outside it, whatever it holds). */
function isFileInside(dir: string, relative: string): boolean {
  const file = path.resolve(dir, relative);
  if (!file.startsWith(dir + path.sep)) return false;
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return false;
  }
}

function describe(error: unknown): string {
  if (error instanceof ContentError) return `Content error: ${error.message}`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
