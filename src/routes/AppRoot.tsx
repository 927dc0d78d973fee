import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import { LinkContext } from '../components/NewsLink.tsx';
import { AppContext } from './AppContext.ts';
import { prefetch } from './prefetch.ts';
import { readerLink } from './ReaderLink.tsx';
import type { RouterDeps } from './router.tsx';

/**
 * What every page reads from above: the query cache and the reader's services.
 * `children` is the router: the browser's, or the server's static one.
 */
export function AppRoot({ deps, children }: { deps: RouterDeps; children: ReactNode }) {
  const services = useMemo(
    () => ({
      source: deps.source,
      sanitizer: deps.sanitizer,
      origin: deps.origin,
      publicOrigin: deps.publicOrigin ?? deps.origin,
      appRoot: deps.appRoot,
      // In the first code, not loaded on the first intent: on a slow network that
      // load took the round trip a hover has to win (docs/decisions/016).
      prefetch: (path: string) => {
        prefetch(deps, path);
      },
    }),
    [deps],
  );
  return (
    <QueryClientProvider client={deps.queryClient}>
      <AppContext value={services}>
        <LinkContext value={readerLink}>{children}</LinkContext>
      </AppContext>
    </QueryClientProvider>
  );
}
