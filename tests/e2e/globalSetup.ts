import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

/** Where the builds go; BROADSHEET_E2E_BUILD moves them, so two runs on one checkout never share one. */
export const BUILD_ROOT = path.resolve(
  process.env.BROADSHEET_E2E_BUILD ?? 'node_modules/.cache/broadsheet-e2e',
);

declare module 'vitest' {
  export interface ProvidedContext {
    builds: { root: string; subPath: string; server: string; prerendered: string };
  }
}

/** The browser tests run the production build: once at the site root, once under /news/. */
export default async function setup(project: TestProject) {
  const builds = {
    root: path.join(BUILD_ROOT, 'root'),
    subPath: path.join(BUILD_ROOT, 'news'),
    /** The production server's entry, built as `npm run build` builds it. */
    server: path.join(BUILD_ROOT, 'server', 'node.js'),
    /** The site build at the root, prerendered as `npm run build` ends. */
    prerendered: path.join(BUILD_ROOT, 'prerendered'),
  };
  // The tests run under VITEST, where the config leaves out the sample-news
  // plugin; the builds need it, as `npm run build` has it.
  // Vitest also sets NODE_ENV=test, and Vite keeps a NODE_ENV it finds: the
  // build would bundle React's development code (larger, slower, with dev-only
  // warnings). Build exactly what `npm run build` ships.
  const saved = { VITEST: process.env.VITEST, NODE_ENV: process.env.NODE_ENV };
  delete process.env.VITEST;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      logLevel: 'warn',
      mode: 'production',
      build: { outDir: builds.root, emptyOutDir: true },
    });
    // The widget beside the site, as `npm run build` puts it.
    await build({
      configFile: 'vite.widget.config.ts',
      logLevel: 'warn',
      mode: 'production',
      build: { outDir: builds.root },
    });
    await build({
      logLevel: 'warn',
      mode: 'production',
      base: '/news/',
      build: { outDir: builds.subPath, emptyOutDir: true },
    });
    await build({
      logLevel: 'warn',
      mode: 'production',
      build: { ssr: true, outDir: path.dirname(builds.server), emptyOutDir: true },
    });
    rmSync(builds.prerendered, { recursive: true, force: true });
    cpSync(builds.root, builds.prerendered, { recursive: true });
    execFileSync(process.execPath, [path.join(path.dirname(builds.server), 'prerender.js')], {
      env: { ...process.env, BROADSHEET_DIST: builds.prerendered },
      stdio: 'pipe',
    });
  } finally {
    if (saved.VITEST === undefined) delete process.env.VITEST;
    else process.env.VITEST = saved.VITEST;
    if (saved.NODE_ENV === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved.NODE_ENV;
  }
  project.provide('builds', builds);
}
