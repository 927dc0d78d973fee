import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { noMutations } from '../../src/queries/noMutations.ts';
import { AppRoot } from '../../src/routes/AppRoot.tsx';
import { BootScreen } from '../../src/routes/BootScreen.tsx';
import { loadSanitizer } from '../../src/routes/lazyModules.ts';
import { createRoutes, type RouterDeps } from '../../src/routes/router.tsx';
import { createNativeSource } from '../../src/sources/native.ts';
import type { NewsSource } from '../../src/sources/NewsSource.ts';
import { API } from './server.ts';

/**
 * The whole reader at `path`, through the real route table and real HTTP
 * handling (answered by MSW), with a fresh cache that does not retry.
 * `before`: addresses in the history before it, for Back.
 */
export function renderApp(
  path: string,
  options: { timeoutMs?: number; source?: NewsSource; before?: string[] } = {},
) {
  const source =
    options.source ??
    createNativeSource(API, options.timeoutMs ? { timeoutMs: options.timeoutMs } : {});
  const queryClient = new QueryClient({
    mutationCache: noMutations(),
    defaultOptions: { queries: { retry: false, staleTime: 60_000 } },
  });
  const deps: RouterDeps = {
    source,
    queryClient,
    sanitizer: loadSanitizer,
    origin: window.location.origin,
    appRoot: '',
    bootScreen: BootScreen,
  };
  const router = createMemoryRouter(createRoutes(deps), {
    initialEntries: [...(options.before ?? []), path],
  });
  const user = userEvent.setup();
  const view = render(
    <AppRoot deps={deps}>
      <RouterProvider router={router} />
    </AppRoot>,
  );
  return { ...view, router, queryClient, user };
}
