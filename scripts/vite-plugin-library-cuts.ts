import type { Plugin } from 'vite';

/**
 * One change to a library's production module in the browser build: what the
 * reader never uses is made unreachable, and the minifier drops it. `file` is
 * a module's path under node_modules/, or a folder there (ending in `/`) for
 * every module in it. Every cut must still match the installed release:
 * tests/unit/libraryCuts.test.ts fails naming the cut when one stops matching
 * (the bytes would come back, and the budgets with them).
 */
export interface LibraryCut {
  name: string;
  file: string;
  pattern: RegExp;
  replacement: string;
}

const ROUTER = 'react-router/dist/production/';

/**
 * What the reader uses of react-router is data-mode routing of GET
 * navigations with loaders, lazy route components, <Link>, <NavLink> and
 * <ScrollRestoration> (docs/decisions/018). An ESLint rule (eslint.config.js)
 * keeps out of src/ what these cuts take away: fetchers, forms and
 * submissions, blockers, view transitions, route middleware and a data
 * strategy of its own. Figures: gzip off every page's entry, measured with
 * scripts/bundle-budget.ts one cut at a time.
 */
export const ROUTER_CUTS: LibraryCut[] = [
  {
    // `const Link = React.forwardRef(…)` and `Link.displayName = "Link"` must be
    // assumed to have effects: every component react-router has would stay
    // (its Link, NavLink, Form and what they use). Marked pure, with the names
    // only React's developer tools read dropped, what is unused falls away
    // (4.1 kB).
    name: 'components the reader does not render',
    file: ROUTER,
    pattern: /= (React\$1|React)\.(forwardRef|createContext|memo)\(/g,
    replacement: '= /* @__PURE__ */ $1.$2(',
  },
  {
    name: "components' display names",
    file: ROUTER,
    pattern: /^\w+\.displayName = "\w+";$/gm,
    replacement: '',
  },
  {
    // createRouter's `if (init.instrumentations) …`: an option the reader never passes (1.2 kB).
    name: 'instrumentation',
    file: ROUTER + 'lib/router/router.js',
    pattern: /\binit\.instrumentations\b/g,
    replacement: '(void 0)',
  },
  {
    // Routes added as the app goes: every route of the reader is known at start (0.6 kB).
    name: 'route discovery on navigation',
    file: ROUTER + 'lib/router/router.js',
    pattern: /\binit\.patchRoutesOnNavigation\b/g,
    replacement: '(void 0)',
  },
  {
    // The reader reads: no navigation of it is a POST, PUT, PATCH or DELETE,
    // so no route action ever runs, nor what reloads after one (1.0 kB).
    name: 'actions',
    file: ROUTER + 'lib/router/router.js',
    pattern: /(?<!function )\bisMutationMethod\([\w.?]+\)/g,
    replacement: 'false',
  },
  {
    // router.fetch and the rest are what useFetcher, useBlocker and
    // patchRoutes call; the router's own navigation never does (1.25 kB).
    name: 'fetchers, blockers and route patches',
    file: ROUTER + 'lib/router/router.js',
    pattern:
      /^\t\t(?:fetch|getFetcher|resetFetcher|getBlocker|deleteBlocker|patchRoutes|deleteFetcher: queueFetcherForDeletion),\n/gm,
    replacement: '',
  },
  {
    // Without fetchers, no fetcher's data ever needs loading again after a
    // navigation (0.35 kB).
    name: "fetchers' revalidation",
    file: ROUTER + 'lib/router/router.js',
    pattern: /^\tfetchLoadMatches\.forEach\(\(f, key\) => \{$/m,
    replacement: '\tif (false) fetchLoadMatches.forEach((f, key) => {',
  },
  {
    // No route has middleware and the router is given no dataStrategy: its
    // own strategy runs the loaders as they are (0.45 kB, and 0.6 kB more
    // for what it would hand a data strategy of its own).
    name: 'route middleware',
    file: ROUTER + 'lib/router/router.js',
    pattern: /^\tif \(!args\.matches\.some\(\(m\) => m\.route\.middleware\)\) return /m,
    replacement: '\treturn ',
  },
  {
    name: "a data strategy's middleware",
    file: ROUTER + 'lib/router/router.js',
    pattern: /^\tlet runClientMiddleware = isStaticHandler \? [\s\S]*?\n\t};\n/m,
    replacement: '\tlet runClientMiddleware;\n',
  },
  {
    // No link of the reader asks for a view transition: RouterProvider's
    // code that starts and ends one is never reached (0.1 kB).
    name: 'view transitions',
    file: ROUTER + 'lib/components.js',
    pattern:
      /let isViewTransitionAvailable = router\.window != null && router\.window\.document != null && typeof router\.window\.document\.startViewTransition === "function"/,
    replacement: 'let isViewTransitionAvailable = false',
  },
  {
    // React Server Components: the reader renders on the server the classic
    // way and hydrates, so no RSC context is ever provided and the error
    // boundary's context is always `false`; its RSC redirects go (0.55 kB).
    name: "server components' redirects",
    file: ROUTER + 'lib/hooks.js',
    pattern: /\bthis\.context\b/g,
    replacement: 'false',
  },
];

const REACT_DOM = 'react-dom/cjs/react-dom-client.production.js';

/**
 * What the reader uses of react-dom is rendering and hydrating: no
 * <ViewTransition>, no resource hints from script (preload, preinit,
 * preconnect, prefetchDNS) and no form actions (docs/decisions/019). An
 * ESLint rule keeps them out of src/. Figures: gzip off every page's entry,
 * measured one cut at a time.
 */
export const REACT_DOM_CUTS: LibraryCut[] = [
  {
    // A commit starts a view transition only when it holds a <ViewTransition>
    // (its fiber, or one below it, sets the flag): without one, the code that
    // runs a transition, measures and names its elements is never reached
    // (1.9 kB).
    name: 'view transitions',
    file: REACT_DOM,
    pattern: /\bshouldStartViewTransition(\n\s*\? \(pendingViewTransition = startViewTransition\()/,
    replacement: 'false$1',
  },
  {
    // ReactDOM.preload(), preinit(), preconnect() and the rest, called from
    // script, are all that reach these (rendered <link>s do not): they do
    // what the server's renderer does without them, nothing (0.8 kB).
    name: 'resource hints from script',
    file: REACT_DOM,
    pattern:
      /^ {2}([DCLmXSM]): (?:prefetchDNS|preconnect|preload|preloadModule|preinitScript|preinitStyle|preinitModuleScript)(,?)$/gm,
    replacement: '  $1: previousDispatcher.$1$2',
  },
  {
    // A form's `action` (or a button's `formAction`) as a function, and the
    // pending state useFormStatus reads: the reader's forms are handled by
    // their onSubmit (0.2 kB).
    name: 'form actions',
    file: REACT_DOM,
    pattern:
      /^ {6}extractEvents\$1\(\n {8}dispatchQueue,\n {8}domEventName,\n {8}targetInst,\n {8}nativeEvent,\n {8}nativeEventTarget\n {6}\);\n/m,
    replacement: '',
  },
];

/**
 * The QueryClient methods the reader never calls (a class keeps every method
 * it has, called or not): it reads through `query()` and the hooks, and
 * writes nothing (docs/decisions/017, 019). An ESLint rule keeps these calls
 * out of src/.
 */
export const UNUSED_CLIENT_METHODS = [
  ...['ensureQueryData', 'setQueryData', 'setQueriesData', 'removeQueries', 'resetQueries'],
  ...['cancelQueries', 'invalidateQueries', 'refetchQueries', 'fetchQuery', 'prefetchQuery'],
  ...['infiniteQuery', 'fetchInfiniteQuery', 'prefetchInfiniteQuery', 'ensureInfiniteQueryData'],
  ...['setQueryDefaults', 'setMutationDefaults', 'isMutating'],
];

export const QUERY_CUTS: LibraryCut[] = [
  {
    name: "the query client's methods the reader never calls",
    file: '@tanstack/query-core/build/modern/queryClient.js',
    pattern: new RegExp(
      `^\\t(?:async )?(?:${UNUSED_CLIENT_METHODS.join('|')})\\(.*\\) \\{\\n[\\s\\S]*?^\\t\\}\\n`,
      'gm',
    ),
    replacement: '',
  },
];

/** Every cut the browser build makes, in every library. */
export const LIBRARY_CUTS: LibraryCut[] = [...ROUTER_CUTS, ...REACT_DOM_CUTS, ...QUERY_CUTS];

const applies = (target: string, file: string) =>
  target.endsWith('/') ? file.startsWith(target) : file === target;

/** `code` with every cut for `file` applied (a module's path under node_modules/). */
export function applyLibraryCuts(file: string, code: string): string {
  return LIBRARY_CUTS.reduce(
    (cut, { file: target, pattern, replacement }) =>
      applies(target, file) ? cut.replace(pattern, replacement) : cut,
    code,
  );
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The libraries as the reader uses them, in the browser build (LIBRARY_CUTS;
 * the server's build keeps them as they are). Where a release writes these
 * otherwise, nothing here matches: the bytes come back, and the budget test
 * and tests/unit/libraryCuts.test.ts say so.
 */
export function libraryCuts(): Plugin {
  // A folder's modules, or one module.
  const target = (file: string) => (file.endsWith('/') ? `${escaped(file)}.*\\.js` : escaped(file));
  const targets = [...new Set(LIBRARY_CUTS.map(({ file }) => target(file)))];
  return {
    name: 'broadsheet-library-cuts',
    apply: 'build',
    transform: {
      filter: { id: new RegExp(`node_modules/(${targets.join('|')})$`) },
      handler(code, id) {
        const file = id.replace(/^.*\/node_modules\//, '');
        const cut = applyLibraryCuts(file, code);
        return cut === code ? null : { code: cut, map: null };
      },
    },
  };
}
