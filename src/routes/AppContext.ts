import { createContext, useContext } from 'react';
import type { ArticleReader } from '../queries/articles.ts';

export interface AppServices extends ArticleReader {
  /**
   * Where the reader's pages are published, for canonical and Open Graph URLs:
   * its origin, or '' (root-relative) where a prerendered site did not know it.
   */
  publicOrigin: string;
  /** Warm the data (and code) behind one of the reader's own paths, e.g. on hover. */
  prefetch: (path: string) => void;
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const app = useContext(AppContext);
  if (!app) throw new Error('useApp() needs an <AppContext> provider above it.');
  return app;
}
