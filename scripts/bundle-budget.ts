// `npm run budget`: each route's first-load JavaScript, gzipped, from the
// build's manifest (run `npm run build` first). `--check` fails over budget.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 123_000;

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
}

/** The modules that carry each route's page, as named in the manifest. */
export const routeModules: Record<string, { page: string; deferred?: string[] }> = {
  'front page (/)': { page: 'src/routes/FrontPage.tsx' },
  'listings (/latest, /tag/…)': { page: 'src/routes/ListingPage.tsx' },
  'article (/article/…)': {
    page: 'src/routes/ArticlePage.tsx',
    deferred: ['src/components/browserSanitizer.ts', 'src/routes/ArticleMore.tsx'],
  },
};

export interface RouteSize {
  route: string;
  files: string[];
  bytes: number;
  /** Loaded beside the route's data (body sanitizer, content below the story): not needed to start rendering. */
  deferredBytes: number;
}

export function measureRoutes(distDir: string): RouteSize[] {
  const manifest = JSON.parse(
    readFileSync(path.join(distDir, '.vite/manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const gzipped = (file: string) => gzipSync(readFileSync(path.join(distDir, file))).length;
  const staticClosure = (key: string, into: Set<string>) => {
    const chunk = manifest[key];
    if (!chunk || into.has(chunk.file)) return;
    into.add(chunk.file);
    for (const imported of chunk.imports ?? []) staticClosure(imported, into);
  };
  return Object.entries(routeModules).map(([route, { page, deferred = [] }]) => {
    const files = new Set<string>();
    staticClosure('index.html', files);
    staticClosure(page, files);
    const later = new Set<string>();
    for (const name of deferred) {
      const key = Object.keys(manifest).find(
        (candidate) => candidate === name || candidate.includes(`node_modules/${name}/`),
      );
      if (key) staticClosure(key, later);
    }
    const list = [...files];
    return {
      route,
      files: list,
      bytes: list.reduce((sum, file) => sum + gzipped(file), 0),
      deferredBytes: [...later]
        .filter((file) => !files.has(file))
        .reduce((sum, file) => sum + gzipped(file), 0),
    };
  });
}

if (import.meta.main) {
  const dist = path.resolve(
    process.argv.find((arg, index) => index > 1 && !arg.startsWith('--')) ?? 'dist',
  );
  const sizes = measureRoutes(dist);
  let over = false;
  for (const size of sizes) {
    const ok = size.bytes <= BUDGET_BYTES;
    over ||= !ok;
    console.log(
      `${ok ? 'ok  ' : 'OVER'} ${size.route.padEnd(28)} ${(size.bytes / 1000).toFixed(1).padStart(6)} kB gzip` +
        (size.deferredBytes
          ? `  (+${(size.deferredBytes / 1000).toFixed(1)} kB loaded beside the data)`
          : '') +
        `  [${size.files.join(', ')}]`,
    );
  }
  console.log(`Budget: ${BUDGET_BYTES / 1000} kB gzip of JavaScript before each route can render.`);
  if (over && process.argv.includes('--check')) process.exit(1);
}
