// What `npm start` renders on the server with: the same render() as the
// production server, loaded by Vite (scripts/vite-plugin-server-render.ts)
// so that a change to any module renders anew.
import { parseConfig, type Config } from '../config.ts';
import { CONFIG_FILE } from '../configFile.ts';
import { createSource } from '../sources/createSource.ts';
import type { NewsSource } from '../sources/NewsSource.ts';
import { renderFeedFrame } from './feedFrame.tsx';
import { render } from './render.tsx';
import { serverDom } from './serverDom.ts';

const { sanitize } = serverDom();
const sources = new Map<string, Promise<NewsSource>>();

/**
 * `config` is the source as the browser's config names it; `self` is where
 * the dev server itself listens (a relative source URL names a place on it).
 */
export async function renderForDev(
  request: Request,
  options: { config: Config['source']; self: string; base: string },
): Promise<Response> {
  const { config, self, base } = options;
  const key = `${config.type}:${config.url}@${self}`;
  let source = sources.get(key);
  if (!source) {
    const resolved = parseConfig({ source: config }, `${self}${base}${CONFIG_FILE}`);
    source = createSource(resolved, { id: `${config.type}:${config.url}` });
    sources.set(key, source);
  }
  if (new URL(request.url).pathname === `${base}embed/feed`)
    return renderFeedFrame(request, { source: await source, base });
  return render(request, {
    source: await source,
    config,
    sanitize,
    // Vite serves the modules as they are; the stylesheet as a file, so the page is styled before any script runs.
    // Root-relative: Vite's HTML transform puts the base in front.
    assets: {
      script: '/src/main.tsx',
      preload: [],
      styles: ['/src/styles.css'],
      icon: '/favicon.png',
    },
    base,
  });
}
