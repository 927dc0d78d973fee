import { useLocation } from 'react-router';

// Whether a listing shows as one long list (docs/design.md, "Long listings"):
// "Load more" writes the page the reader began on into the history entry,
// with this document's token, and both the page (which then draws none of
// its own stories) and the list read it from there.

/** This document: a reload keeps the history's state but not the pages loaded, and starts afresh. */
export const thisDocument = Math.random();

/** What "Load more" writes into the history entry it leads to. */
export interface LongListState {
  document: number;
  from: number;
}

/** The page the long list begins on, for a listing at `page`; 0 when it shows no long list. */
export function useLongListFrom(page: number): number {
  const state = useLocation().state as Partial<LongListState> | null;
  const from = (state?.document === thisDocument && state.from) || 0;
  return from > 0 && from < page ? from : 0;
}
