import path from 'node:path';
import { build } from 'vite';
import type { TestProject } from 'vitest/node';

export const BUILD_ROOT = path.resolve('node_modules/.cache/broadsheet-e2e');

declare module 'vitest' {
  export interface ProvidedContext {
    builds: { root: string; subPath: string };
  }
}

/** The browser tests run the production build: once at the site root, once under /news/. */
export default async function setup(project: TestProject) {
  const builds = {
    root: path.join(BUILD_ROOT, 'root'),
    subPath: path.join(BUILD_ROOT, 'news'),
  };
  // The tests run under VITEST, where the config leaves out the sample-news
  // plugin; the builds need it, as `npm run build` has it.
  const vitest = process.env.VITEST;
  delete process.env.VITEST;
  try {
    await build({ logLevel: 'warn', build: { outDir: builds.root, emptyOutDir: true } });
    await build({
      logLevel: 'warn',
      base: '/news/',
      build: { outDir: builds.subPath, emptyOutDir: true },
    });
  } finally {
    process.env.VITEST = vitest;
  }
  project.provide('builds', builds);
}
