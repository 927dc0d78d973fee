// @ts-check
import js from '@eslint/js';
import pluginQuery from '@tanstack/eslint-plugin-query';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// What the browser build cuts out of react-dom (scripts/vite-plugin-library-cuts.ts,
// decision 019), kept out of every file in src/.
const reactDomCuts = {
  paths: [
    {
      name: 'react',
      importNames: ['ViewTransition', 'unstable_ViewTransition'],
      message:
        'The browser build’s react-dom has no view transitions (scripts/vite-plugin-library-cuts.ts, decision 019).',
    },
    {
      name: 'react-dom',
      importNames: [
        ...['preconnect', 'prefetchDNS', 'preinit', 'preinitModule', 'preload', 'preloadModule'],
        ...['useFormStatus', 'requestFormReset'],
      ],
      message:
        'The browser build’s react-dom has no resource hints from script and no form actions (scripts/vite-plugin-library-cuts.ts, decision 019): render a <link>, handle onSubmit.',
    },
  ],
  syntax: {
    // A form's action is an address; a function there would never run.
    selector:
      "JSXAttribute[name.name=/^(action|formAction)$/][value.type='JSXExpressionContainer']:not([value.expression.type=/^(Literal|TemplateLiteral|MemberExpression)$/])",
    message:
      'The browser build’s react-dom has no form actions (scripts/vite-plugin-library-cuts.ts, decision 019): an action is an address; handle onSubmit.',
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-server',
      'coverage',
      'node_modules',
      '.cache',
      'bench/.build',
      'bench/results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  reactHooks.configs.flat.recommended,
  ...pluginQuery.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // The reader's links are its own (src/routes/ReaderLink.tsx, decision 016): the
    // router's resolve their path and render again at every change of address.
    files: ['src/**'],
    ignores: ['src/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...reactDomCuts.paths,
            {
              name: 'react-router',
              importNames: ['Link', 'NavLink'],
              message: 'Link with ReaderLink (src/routes/ReaderLink.tsx): decision 016.',
            },
            {
              name: 'react-router',
              importNames: [
                ...['Form', 'useSubmit', 'useFormAction', 'useActionData', 'useFetcher'],
                ...['useFetchers', 'useBlocker', 'unstable_usePrompt', 'useViewTransitionState'],
              ],
              message:
                'The reader reads: the browser build has no router forms, actions, fetchers, blockers or view transitions (scripts/vite-plugin-library-cuts.ts, decision 018).',
            },
            {
              name: '@tanstack/react-query',
              importNames: ['usePrefetchQuery', 'usePrefetchInfiniteQuery'],
              message:
                'These hooks call query client methods the browser build cuts (UNUSED_CLIENT_METHODS in scripts/vite-plugin-library-cuts.ts, decision 019): warm a query with prefetchQuery from src/queries/load.ts.',
            },
            {
              name: '@tanstack/react-query',
              importNames: ['useMutation', 'useIsMutating', 'useMutationState'],
              message:
                'The reader reads: its query client holds no mutations (src/queries/noMutations.ts, decision 017).',
            },
          ],
        },
      ],
      // The browser build cuts the router's instrumentation and its route
      // discovery out (scripts/vite-plugin-library-cuts.ts): there they would do
      // nothing. It cuts TanStack Query's own mutation cache too
      // (scripts/vite-plugin-no-mutations.ts): a client needs the one createQueryClient gives it.
      'no-restricted-syntax': [
        'error',
        reactDomCuts.syntax,
        {
          selector:
            'Property[key.name=/^(instrumentations|patchRoutesOnNavigation|dataStrategy|middleware|action|formMethod|formData|viewTransition)$/]',
          message:
            'The browser build drops what of the router the reader never uses: its instrumentations, route discovery, data strategies, middleware, actions and submissions, and view transitions (scripts/vite-plugin-library-cuts.ts, decision 018).',
        },
        {
          selector:
            'MemberExpression[object.name=/router$/i][property.name=/^(fetch|getFetcher|resetFetcher|deleteFetcher|getBlocker|deleteBlocker|patchRoutes)$/]',
          message:
            'The browser build’s router has no fetchers, blockers or route patches (scripts/vite-plugin-library-cuts.ts, decision 018).',
        },
        {
          selector: 'JSXAttribute[name.name=/^(viewTransition|reloadDocument)$/]',
          message:
            'No view transitions in the browser build (scripts/vite-plugin-library-cuts.ts, decision 018); links are ReaderLinks.',
        },
        {
          selector:
            'MemberExpression[object.name=/client$/i][property.name=/^(ensureQueryData|setQueryData|setQueriesData|removeQueries|resetQueries|cancelQueries|invalidateQueries|refetchQueries|fetchQuery|prefetchQuery|infiniteQuery|fetchInfiniteQuery|prefetchInfiniteQuery|ensureInfiniteQueryData|setQueryDefaults|setMutationDefaults|isMutating)$/]',
          message:
            'The browser build’s query client reads through query() and the hooks: its other methods are cut (UNUSED_CLIENT_METHODS in scripts/vite-plugin-library-cuts.ts, decision 019).',
        },
        {
          selector: "NewExpression[callee.name='QueryClient']",
          message:
            'Make a client with createQueryClient (src/queries/queryClient.ts): in the browser build, a client has no mutation cache of its own.',
        },
      ],
    },
  },
  {
    // Components draw the news and nothing else: they import React, the domain
    // model (src/news/) and each other, never the reader's router, queries,
    // sources or server, so that the widget can draw them too (decision 011).
    files: ['src/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: reactDomCuts.paths,
          patterns: [
            {
              regex: '^(?!react(/|$)|\\.\\./news/|\\./|\\.\\./inlineJson\\.ts$)',
              message:
                'Components import only React, ../news/ and each other: the reader’s wiring lives in src/routes/ (decision 011).',
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', reactDomCuts.syntax],
    },
  },
  {
    files: ['**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
