import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { RouterProvider } from 'react-router';
import type { createBrowserRouter } from 'react-router';
import { AppContext } from '../components/AppContext.ts';
import type { NewsSource } from '../sources/NewsSource.ts';
import { loadPrefetch } from './lazyModules.ts';

interface AppRootProps {
  router: ReturnType<typeof createBrowserRouter>;
  source: NewsSource;
  queryClient: QueryClient;
}

export function AppRoot({ router, source, queryClient }: AppRootProps) {
  const services = useMemo(
    () => ({
      source,
      prefetch: (path: string) => {
        void loadPrefetch().then((prefetch) => {
          prefetch({ source, queryClient }, path);
        });
      },
    }),
    [source, queryClient],
  );
  return (
    <QueryClientProvider client={queryClient}>
      <AppContext value={services}>
        <RouterProvider router={router} />
      </AppContext>
    </QueryClientProvider>
  );
}
