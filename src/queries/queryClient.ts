import { QueryClient } from '@tanstack/react-query';
import { isSourceError } from '../sources/SourceError.ts';
import { noMutations } from './noMutations.ts';

/**
 * Retry once, and only what may be passing (a dropped connection, a 5xx):
 * a 404, a timeout or a malformed document will not get better by asking again
 * at once, and the reader has a Retry button.
 */
export function createQueryClient(): QueryClient {
  // The one place that makes a client (an ESLint rule sees to it): the browser
  // builds cut the client's own mutation cache (scripts/vite-plugin-no-mutations.ts).
  // eslint-disable-next-line no-restricted-syntax
  return new QueryClient({
    mutationCache: noMutations(),
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        retry: (failureCount, error) =>
          failureCount < 1 &&
          isSourceError(error) &&
          (error.kind === 'network' || (error.kind === 'http' && (error.status ?? 0) >= 500)),
        retryDelay: 800,
      },
    },
  });
}
