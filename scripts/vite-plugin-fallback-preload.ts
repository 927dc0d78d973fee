import type { Plugin } from 'vite';
import { CONFIG_FILE } from '../src/configFile.ts';

/**
 * The built index.html (a static host's fallback shell, dist/fallback.html)
 * renders its page in the browser, which first needs the runtime config and
 * the code that reads it and the source (the `reader` chunk, vite.config.ts).
 * Both are asked for in the head, beside the entry, so the page's news is one
 * round trip after the JavaScript, not three.
 *
 * The config is preloaded, not inlined: it is edited after the build to point
 * the same build at another source.
 */
export function fallbackPreload(): Plugin {
  let base = '/';
  return {
    name: 'broadsheet-fallback-preload',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        if (!bundle) return;
        const reader = Object.values(bundle).find(
          (output) => output.type === 'chunk' && output.name === 'reader',
        );
        if (!reader) throw new Error('No `reader` chunk in the build (see vite.config.ts)');
        return [
          {
            tag: 'link',
            attrs: { rel: 'preload', as: 'fetch', crossorigin: '', href: `${base}${CONFIG_FILE}` },
            injectTo: 'head',
          },
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: '', href: `${base}${reader.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
}
