import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { compileHints } from './scripts/vite-plugin-compile-hints.ts';
import { fallbackPreload } from './scripts/vite-plugin-fallback-preload.ts';
import { noMutationsByDefault } from './scripts/vite-plugin-no-mutations.ts';
import { libraryCuts } from './scripts/vite-plugin-library-cuts.ts';
import { requestGuardPlugin } from './scripts/vite-plugin-request-guard.ts';
import { sampleNews } from './scripts/vite-plugin-sample-news.ts';
import { serverRender } from './scripts/vite-plugin-server-render.ts';
import { runtimeSource } from './scripts/vite-plugin-source.ts';
import { widgetForDev } from './scripts/vite-plugin-widget.ts';

export default defineConfig(({ isSsrBuild }) => ({
  // The server's build needs none of public/: the site's build carries it.
  publicDir: isSsrBuild ? false : 'public',
  plugins: [
    // First, and in every config: it guards whichever server Vite starts.
    requestGuardPlugin(),
    react(),
    // Tests serve the sample news through MSW or their own server, not through Vite.
    // Before the news and the config, so that it can share them with other sites.
    process.env.VITEST ? null : widgetForDev(),
    process.env.VITEST ? null : sampleNews({ contentDir: 'content' }),
    process.env.VITEST ? null : runtimeSource(),
    process.env.VITEST ? null : serverRender(),
    isSsrBuild ? null : fallbackPreload(),
    isSsrBuild ? null : libraryCuts(),
    isSsrBuild ? null : noMutationsByDefault(),
    isSsrBuild ? null : compileHints(),
  ],
  build: {
    target: 'es2022',
    // Every browser we support preloads modules natively: no polyfill in the entry.
    modulePreload: { polyfill: false },
    // Lets scripts/bundle-budget.ts work out each route's first-load JavaScript.
    manifest: !isSsrBuild,
    rolldownOptions: isSsrBuild
      ? { input: { node: 'src/server/node.ts', prerender: 'src/server/prerenderMain.ts' } }
      : {
          output: {
            codeSplitting: {
              // Everything the entry needs in one chunk. Without this, lazy chunks
              // that share some of it (the source adapters) make the bundler split
              // the entry's own code into a second chunk that every page must load.
              groups: [
                { name: 'index', tags: ['$initial'], priority: 2 },
                // What every page draws besides itself, in one file, not three: its
                // title and description (whose text helpers are the source adapters'
                // too, which would otherwise take them into `reader`), the list of
                // stories and the rule that shows a story once a page. On their own,
                // each cost a file and its compression of its own (0.3 kB gzip more
                // on a page the browser renders, measured with npm run budget).
                {
                  name: 'page',
                  test: /src\/(components\/(PageMeta|StoryList)\.tsx|news\/(plainText|distinct)\.ts)$/,
                  priority: 2,
                },
                // What a page the browser renders itself needs before anything
                // else (the config and the source's adapter) in one file, not five.
                {
                  name: 'reader',
                  test: /src\/(renderAfresh|config|sources\/(createSource|native|fetchJson|boundedSource|validate|text)|news\/limits)\.tsx?$|node_modules\/valibot\//,
                  priority: 1,
                },
              ],
            },
          },
        },
    // Every route's first load is budgeted (see README): report compressed sizes.
    reportCompressedSize: true,
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173 },
  test: {
    // The widget's stylesheet as the builds have it (?inline), for the server's iframe page and the widget.
    css: { include: [/src\/widget\/widget\.css/] },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/unit/setup.ts'],
          // Longer than a wait for what a page shows (5 s, tests/unit/setup.ts), which it must outlast.
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.{ts,tsx}'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/globalSetup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
}));
