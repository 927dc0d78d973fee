// The embeddable widget (`dist/widget.js`): the same components, model and
// adapters as the reader, on preact/compat and TanStack Query's Preact binding,
// so that a host page pays about a quarter of what React would cost it
// (decision 012). Built after the site, into the same dist/.
import { defineConfig, type Plugin } from 'vite';
import { libraryCuts } from './scripts/vite-plugin-library-cuts.ts';
import { noMutationsByDefault } from './scripts/vite-plugin-no-mutations.ts';
import { FRAME_CSS, framePage } from './src/widget/framePage.ts';

export const WIDGET_ENTRY = 'widget.js';

/**
 * The iframe form's page for static hosts, `embed/feed.html` (one that maps
 * /embed/feed to it): the widget alone, drawn in the browser, its height left
 * to its content, its links opening in the page that framed it. The server
 * renders the page itself.
 */
function framePageFile(): Plugin {
  return {
    name: 'broadsheet-frame-page',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'embed/frame.css', source: FRAME_CSS });
      this.emitFile({
        type: 'asset',
        fileName: 'embed/feed.html',
        source: framePage({ script: 'frame.js' }),
      });
    },
  };
}

export default defineConfig({
  plugins: [framePageFile(), noMutationsByDefault(), libraryCuts()],
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
        // What the page the server renders loads: the height reports alone.
        'embed/height': 'src/widget/frameHeight.ts',
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
