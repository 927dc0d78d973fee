// The embeddable widget (`dist/widget.js`): the same components, model and
// adapters as the reader, on preact/compat and TanStack Query's Preact binding,
// so that a host page pays about a quarter of what React would cost it
// (decision 012). Built after the site, into the same dist/.
import { defineConfig } from 'vite';

export const WIDGET_ENTRY = 'widget.js';

export default defineConfig({
  // Chunks load relative to widget.js itself: it runs on other sites' pages.
  base: './',
  publicDir: false,
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^@tanstack\/react-query$/, replacement: '@tanstack/preact-query' },
    ],
  },
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: false,
    copyPublicDir: false,
    modulePreload: false,
    // Read by scripts/bundle-budget.ts; beside the site's own manifest.
    manifest: '.vite/widget-manifest.json',
    reportCompressedSize: true,
    rolldownOptions: {
      input: { widget: 'src/widget/widget.ts' },
      // Its own name, unhashed: host pages name it in their script tag.
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: '[name].js',
        chunkFileNames: 'assets/widget-[name]-[hash].js',
        assetFileNames: 'assets/widget-[name]-[hash][extname]',
      },
    },
  },
});
