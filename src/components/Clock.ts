import { createContext, useContext, useState, useSyncExternalStore } from 'react';

/** The instant relative dates count from, and the time zone dates are shown in. */
export interface Clock {
  now: number;
  /** An IANA time zone; absent: the reader's own. */
  timeZone?: string;
}

/**
 * The clock a page was rendered with: on the server, the request's time in
 * UTC (it cannot know the reader's zone); in the browser, while it hydrates
 * that page, the same value, carried in the page's state. See
 * docs/decisions/009.
 */
export const RenderedClock = createContext<Clock | undefined>(undefined);

const noUpdates = () => () => undefined;

/**
 * The server's clock while hydrating (so the markup matches), then the
 * reader's own: the time the component first showed, in their time zone.
 */
export function useClock(): Clock {
  const rendered = useContext(RenderedClock);
  const [own] = useState<Clock>(() => ({ now: Date.now() }));
  return useSyncExternalStore(
    noUpdates,
    () => own,
    () => rendered ?? own,
  );
}
