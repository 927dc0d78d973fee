// The embeddable widget (`dist/widget.js`): the same components, model and
// adapters as the reader, on preact/compat and TanStack Query's Preact binding,
// so that a host page pays about a quarter of what React would cost it
// (decision 012). Built after the site, into the same dist/.
import { defineConfig, type Plugin } from 'vite';

export const WIDGET_ENTRY = 'widget.js';

/**
 * The iframe form's page, `embed/feed.html` (a static host serves it at
 * /embed/feed; so does `npm run serve`): the widget alone, its height left to
 * its content, its links opening in the page that framed it.
 */
function framePage(): Plugin {
  return {
    name: 'broadsheet-frame-page',
    generateBundle() {
      this.emitFile({
        type: 'asset',
        fileName: 'embed/frame.css',
        source:
          'html,body{height:auto;min-height:0;margin:0;padding:0;background:transparent;overflow:hidden}\n',
      });
      this.emitFile({
        type: 'asset',
        fileName: 'embed/feed.html',
        source: `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<title>News</title>
<base target="_top">
<link rel="stylesheet" href="frame.css">
<script type="module" src="frame.js"></script>
</head>
<body></body>
</html>
`,
      });
    },
  };
}

export default defineConfig({
  plugins: [framePage()],
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
      input: {
        widget: 'src/widget/widget.ts',
        embed: 'src/widget/embed.ts',
        'embed/frame': 'src/widget/frame.ts',
      },
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
