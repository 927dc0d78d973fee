import { createContext, useContext } from 'react';
import type { Site } from '../news/types.ts';

/** The site as the source describes it; the root route loads it before any page renders. */
export const SiteContext = createContext<Site | null>(null);

export function useSite(): Site {
  const site = useContext(SiteContext);
  if (!site) throw new Error('useSite() needs a <SiteContext> provider above it.');
  return site;
}
