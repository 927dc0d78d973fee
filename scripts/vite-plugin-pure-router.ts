import type { Plugin } from 'vite';

/**
 * react-router defines its components with calls and assignments a bundler
 * must assume have effects (`const Link = React.forwardRef(…)`, then
 * `Link.displayName = "Link"`), so every component it has (its Link, NavLink,
 * Form and what they use: prefetch links, form submission) stays in the entry
 * whether the reader uses it or not. In the browser build, this marks those
 * calls pure and drops the names, which only React's developer tools read:
 * what is unused then falls away (4.1 kB gzip of every page's entry, measured
 * with scripts/bundle-budget.ts). The router's instrumentation (an option
 * of createBrowserRouter the reader never passes) is cut off where the
 * router reads it, so that its code falls away too: 1.2 kB more; so is its
 * discovery of routes on navigation (`patchRoutesOnNavigation`), 0.2 kB. Where a
 * release writes these otherwise, nothing here matches: the bytes come back,
 * and only the budget test notices.
 */
export function pureRouter(): Plugin {
  return {
    name: 'broadsheet-pure-router',
    apply: 'build',
    transform: {
      filter: { id: /node_modules\/react-router\/dist\/production\/.*\.js$/ },
      handler(code) {
        const pure = code
          .replace(
            /= (React\$1|React)\.(forwardRef|createContext|memo)\(/g,
            '= /* @__PURE__ */ $1.$2(',
          )
          .replace(/^\w+\.displayName = "\w+";$/gm, '')
          // createRouter's `if (init.instrumentations) …` and its route
          // discovery (`patchRoutesOnNavigation`, for routes added as the app
          // goes): never, in the reader, whose routes are all known at start.
          .replace(/\binit\.instrumentations\b/g, '(void 0)')
          .replace(/\binit\.patchRoutesOnNavigation\b/g, '(void 0)');
        return pure === code ? null : { code: pure, map: null };
      },
    },
  };
}
