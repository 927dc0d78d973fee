import type { Plugin } from 'vite';

/**
 * TanStack Query's client makes a MutationCache of its own when it is given
 * none (`config.mutationCache || new MutationCache()`), which keeps the cache
 * and its Mutation in every bundle. Every client in src/ comes from
 * createQueryClient (an ESLint rule keeps it so), which gives it one that
 * holds no mutations (src/queries/noMutations.ts): in the browser builds the
 * default is cut, and what only mutations use falls away. Where a release
 * writes that line otherwise, nothing here matches: the bytes come back, and
 * only the budget tests notice.
 */
export function noMutationsByDefault(): Plugin {
  return {
    name: 'broadsheet-no-mutations',
    apply: 'build',
    transform: {
      filter: { id: /node_modules\/@tanstack\/query-core\/build\/modern\/queryClient\.js$/ },
      handler(code) {
        const cut = code.replace(
          /config\.mutationCache \|\| new MutationCache\(\)/,
          'config.mutationCache',
        );
        return cut === code ? null : { code: cut, map: null };
      },
    },
  };
}
