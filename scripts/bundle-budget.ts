// `npm run budget`: each route's first-load JavaScript, gzipped, from the
// build's manifest (run `npm run build` first). `--check` fails over budget.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** A page the server rendered, until it is idle (issue 8). */
export const SERVER_BUDGET_BYTES = 120_000;
/**
 * A page the browser renders itself, everything it loads until idle, the
 * article's sanitizer beside its data included (docs/decisions/008, 015):
 * 120 kB, as issue 11 asks.
 */
export const CLIENT_BUDGET_BYTES = 120_000;
/** widget.js and everything it loads for one widget on a native source (issue 9). */
export const WIDGET_BUDGET_BYTES = 30_000;
/** The widget build's own manifest (vite.widget.config.ts), beside the site's. */
export const WIDGET_MANIFEST = '.vite/widget-manifest.json';

interface ManifestChunk {
  file: string;
  name?: string;
  imports?: string[];
  dynamicImports?: string[];
}

/**
 * The chunks that carry each route's page, by chunk name (see vite.config.ts;
 * none for the article, whose page is in the entry: docs/decisions/016):
 * `deferred` loads only when the browser renders the page itself (the body's
 * sanitizer, beside the article's data), and so do `islands`: a page the
 * server rendered loads an island's code only when the reader reaches for it,
 * a page the browser renders at once (src/routes/island.tsx, decision 014).
 */
export const routeModules: Record<
  string,
  { page?: string; deferred?: string[]; islands?: string[] }
> = {
  'front page (/)': { page: 'FrontPage' },
  'listings (/latest, /tag/…)': { page: 'ListingPage', islands: ['LoadMore'] },
  // What goes beside the article (ArticleMore) is an island. The body's
  // sanitizer is the browser's (HTML Sanitizer API) with the body's rules;
  // DOMPurify only where that is missing (docs/decisions/015).
  'article (/article/…)': {
    deferred: ['nativeSanitizer'],
    islands: ['ArticleMore'],
  },
};

/** What a browser without the HTML Sanitizer API loads instead of `nativeSanitizer`. */
export const SANITIZER_FALLBACK = 'browserSanitizer';

/**
 * What a page the browser renders itself loads first: reading the config, and
 * the source's adapter (one chunk, `reader`, in vite.config.ts).
 */
const CLIENT_RENDER = ['reader'];

/**
 * What every page loads once it is idle, for the first click on a headline
 * (src/routes/Layout.tsx): the source's adapter and the browser's own
 * sanitizer. A browser without the HTML Sanitizer API warms no sanitizer.
 */
export const WARMED_AT_IDLE = ['reader', 'nativeSanitizer'];

export interface RouteSize {
  route: string;
  /** Hydrating the server's page: the entry, the page, and what loads with it and once it is idle. */
  serverRendered: number;
  /** Rendering in the browser (static host fallback, no server): the page, its islands, the config and the adapter. */
  clientRendered: number;
  /** The same, until idle: with what loads beside the data (the body's sanitizer) and once idle, in a browser that has the HTML Sanitizer API. */
  clientUntilIdle: number;
  /** Loaded beside the data when the browser renders the page itself (the body sanitizer). */
  deferredBytes: number;
  /** The same, in a browser without the HTML Sanitizer API (DOMPurify instead). */
  fallbackDeferredBytes: number;
  files: string[];
}

export function measureRoutes(distDir: string): RouteSize[] {
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const gzipped = (file: string) => gzipSync(readFileSync(path.join(distDir, file))).length;
  // By source file, package, or chunk name.
  const staticClosure = (name: string, into: Set<string>) => {
    const key = Object.keys(manifest).find(
      (candidate) =>
        candidate === name ||
        candidate.includes(`node_modules/${name}/`) ||
        manifest[candidate]?.name === name,
    );
    const chunk = key === undefined ? undefined : manifest[key];
    if (!chunk || into.has(chunk.file)) return;
    into.add(chunk.file);
    for (const imported of chunk.imports ?? []) staticClosure(imported, into);
  };
  const bytes = (files: Set<string>) => [...files].reduce((sum, file) => sum + gzipped(file), 0);
  for (const name of WARMED_AT_IDLE)
    if (!Object.values(manifest).some((chunk) => chunk.name === name))
      throw new Error(`No chunk named ${name} in ${distDir}`);
  return Object.entries(routeModules).map(([route, modules]) => {
    const { page, deferred = [], islands = [] } = modules;
    const server = new Set<string>();
    staticClosure('index.html', server);
    if (page !== undefined) {
      const before = server.size;
      staticClosure(page, server);
      if (server.size === before) throw new Error(`No chunk named ${page} in ${distDir}`);
    }
    const client = new Set(server);
    for (const name of CLIENT_RENDER) staticClosure(name, client);
    for (const name of islands) {
      const before = client.size;
      staticClosure(name, client);
      if (client.size === before) throw new Error(`No chunk named ${name} in ${distDir}`);
    }
    const later = new Set(client);
    for (const name of deferred) staticClosure(name, later);
    const fallback = new Set(client);
    if (deferred.length > 0) staticClosure(SANITIZER_FALLBACK, fallback);
    const warm = (files: Set<string>) => {
      const warmed = new Set(files);
      for (const name of WARMED_AT_IDLE) staticClosure(name, warmed);
      return warmed;
    };
    const untilIdle = warm(later);
    return {
      route,
      serverRendered: bytes(warm(server)),
      clientRendered: bytes(client),
      clientUntilIdle: bytes(untilIdle),
      deferredBytes: bytes(later) - bytes(client),
      fallbackDeferredBytes: bytes(fallback) - bytes(client),
      files: [...untilIdle],
    };
  });
}

/**
 * widget.js and what it imports for one native-source widget, and what each
 * other adapter adds when a widget asks for it, gzipped.
 */
export function measureWidget(distDir: string): {
  native: number;
  adapters: Record<string, number>;
} {
  const manifest = JSON.parse(readFileSync(path.join(distDir, WIDGET_MANIFEST), 'utf8')) as Record<
    string,
    ManifestChunk
  >;
  const gzipped = (file: string) => gzipSync(readFileSync(path.join(distDir, file))).length;
  const closure = (key: string, into: Set<string>) => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return into;
    into.add(chunk.file);
    for (const imported of chunk.imports ?? []) closure(imported, into);
    return into;
  };
  const bytes = (files: Set<string>) => [...files].reduce((sum, file) => sum + gzipped(file), 0);
  const entry = closure('src/widget/widget.ts', new Set());
  if (entry.size === 0) throw new Error(`No widget entry in ${distDir}/${WIDGET_MANIFEST}`);
  const adapters: Record<string, number> = {};
  for (const name of ['jsonfeed', 'wordpress']) {
    const key = `src/sources/${name}.ts`;
    adapters[name] = bytes(closure(key, new Set(entry))) - bytes(entry);
  }
  return { native: bytes(entry), adapters };
}

if (import.meta.main) {
  const dist = path.resolve(
    process.argv.find((arg, index) => index > 1 && !arg.startsWith('--')) ?? 'dist',
  );
  const sizes = measureRoutes(dist);
  let over = false;
  const kB = (value: number) => `${(value / 1000).toFixed(1).padStart(6)} kB`;
  for (const size of sizes) {
    const ok =
      size.serverRendered <= SERVER_BUDGET_BYTES && size.clientUntilIdle <= CLIENT_BUDGET_BYTES;
    over ||= !ok;
    console.log(
      `${ok ? 'ok  ' : 'OVER'} ${size.route.padEnd(28)} server-rendered ${kB(size.serverRendered)}, ` +
        `client-rendered ${kB(size.clientUntilIdle)}` +
        (size.deferredBytes
          ? ` (${(size.deferredBytes / 1000).toFixed(1)} kB of it beside the data; ${(size.fallbackDeferredBytes / 1000).toFixed(1)} kB without the HTML Sanitizer API)`
          : '') +
        ' gzip',
    );
  }
  const widget = measureWidget(dist);
  const widgetOk = widget.native <= WIDGET_BUDGET_BYTES;
  over ||= !widgetOk;
  console.log(
    `${widgetOk ? 'ok  ' : 'OVER'} ${'widget.js (native source)'.padEnd(28)} ${kB(widget.native)}` +
      Object.entries(widget.adapters)
        .map(([name, extra]) => `, +${(extra / 1000).toFixed(1)} kB with ${name}`)
        .join('') +
      ' gzip',
  );
  console.log(
    `Budgets, gzip: ${SERVER_BUDGET_BYTES / 1000} kB for a server-rendered page until idle, ${CLIENT_BUDGET_BYTES / 1000} kB for a client-rendered one until idle, ${WIDGET_BUDGET_BYTES / 1000} kB for the widget.`,
  );
  if (over && process.argv.includes('--check')) process.exit(1);
}
