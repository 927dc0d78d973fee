import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';
import { buildSampleNews, ContentError, type Api } from './sample-news.ts';

/**
 * Serves the sample news API (generated from content/) at `{base}api/` in the
 * dev server, and emits it into the build so `dist/` is a complete site.
 */
export function sampleNews(options: { contentDir: string }): Plugin {
  const contentDir = path.resolve(options.contentDir);
  let config: ResolvedConfig;
  let api: Promise<Api> | undefined;
  const load = () => (api ??= buildSampleNews(contentDir).then((news) => news.api));

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
            config.logger.error(describe(error));
          },
        );
      };
      server.watcher.on('change', onChange);
      server.watcher.on('add', onChange);
      server.watcher.on('unlink', onChange);
      load().catch((error: unknown) => {
        config.logger.error(describe(error));
      });

      const prefix = `${config.base}api/`;
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        if (!url.startsWith(prefix)) {
          next();
          return;
        }
        load().then(
          (documents) => {
            const file = documents.get(decodeURIComponent(url.slice(prefix.length)));
            if (!file) {
              res.statusCode = 404;
              res.setHeader('Content-Type', 'application/json');
              res.end('{"error":"Not Found"}');
              return;
            }
            res.setHeader('Content-Type', file.contentType);
            res.setHeader('Cache-Control', 'no-cache');
            res.end(file.body);
          },
          (error: unknown) => {
            res.statusCode = 500;
            res.setHeader('Content-Type', 'application/json');
            res.end(JSON.stringify({ error: describe(error) }));
          },
        );
      });
    },
    configurePreviewServer(server) {
      // The preview server falls back to index.html for unknown paths; an API
      // document that does not exist must be a real 404 instead.
      const prefix = `${config.base}api/`;
      const outDir = path.resolve(config.root, config.build.outDir);
      server.middlewares.use((req, res, next) => {
        const url = req.url?.split('?')[0] ?? '';
        if (
          url.startsWith(prefix) &&
          !existsSync(path.join(outDir, 'api', decodeURIComponent(url.slice(prefix.length))))
        ) {
          res.statusCode = 404;
          res.setHeader('Content-Type', 'application/json');
          res.end('{"error":"Not Found"}');
          return;
        }
        next();
      });
    },
    async generateBundle() {
      let documents: Api;
      try {
        documents = await load();
      } catch (error) {
        this.error(describe(error));
      }
      for (const [docPath, file] of documents) {
        this.emitFile({ type: 'asset', fileName: `api/${docPath}`, source: file.body });
      }
    },
  };
}

function describe(error: unknown): string {
  if (error instanceof ContentError) return `Content error: ${error.message}`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
