import type { Plugin } from 'vite';
import { plainErrors, requestGuard, viteServes } from './requestGuard.ts';

/**
 * Puts the request guard (./requestGuard.ts) in front of every plugin's and
 * Vite's own serving middleware on the dev and the preview server (only Vite's
 * host, CORS and invalid-request checks run before it), and plain 500s in
 * place of stack traces behind them. It serves nothing itself, so it belongs
 * in every config, whichever other plugins it has.
 *
 * One gap remains: Vite runs a plugin's late middleware before its own
 * index.html step, so an error while the dev server transforms index.html
 * still gets Vite's error page (with the stack). Only the developer's own
 * index.html can cause one.
 */
export function requestGuardPlugin(): Plugin {
  return {
    name: 'broadsheet-request-guard',
    // `order: 'pre'` hooks run in plugin order, and `enforce: 'pre'` plugins
    // come first: the guard sees every request before any plugin's middleware.
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
