import type { Plugin } from 'vite';
import { plainErrors, requestGuard, viteServes } from './requestGuard.ts';

/**
 * Puts the request guard (./requestGuard.ts) in front of every other
 * middleware of the dev and the preview server, and plain 500s in place of
 * stack traces behind them. It serves nothing itself, so it belongs in every
 * config, whichever other plugins it has.
 */
export function requestGuardPlugin(): Plugin {
  return {
    name: 'broadsheet-request-guard',
    // `order: 'pre'` hooks run in plugin order, and `enforce: 'pre'` plugins
    // come first: the guard sees every request before any other middleware.
    enforce: 'pre',
    configureServer: {
      order: 'pre',
      handler(server) {
        server.middlewares.use(requestGuard({ allows: viteServes(server.config) }));
        return () => {
          server.middlewares.use(plainErrors(server.config.logger, server));
        };
      },
    },
    configurePreviewServer: {
      order: 'pre',
      handler(server) {
        server.middlewares.use(requestGuard());
        // Vite's preview server has no error handler of its own, and Connect's
        // final handler sends the error's stack whenever NODE_ENV is not production.
        return () => {
          server.middlewares.use(plainErrors(server.config.logger));
        };
      },
    },
  };
}
