// A document asked for before the code that reads it has loaded. A page the
// server rendered carries no source adapter; on its first navigation the
// adapter's code and the document it reads would come one after the other.
// The reader's first code knows where the native format keeps a document
// (./nativeLayout.ts), so it asks for it at once, and the adapter, once in,
// takes that response instead of asking again: one round trip, not two.

interface Started {
  response: Promise<Response>;
  controller: AbortController;
  at: number;
}

/** An early response not taken by then is old news: the adapter asks afresh. */
const FRESH_MS = 10_000;
const started = new Map<string, Started>();

function forgetStale(now: number): void {
  for (const [url, entry] of started) {
    if (now - entry.at <= FRESH_MS) continue;
    entry.controller.abort();
    started.delete(url);
  }
}

/** Ask for the JSON document at `url` now, as `fetchDocument` would, for it to take later. */
export function requestEarly(url: string): void {
  const now = Date.now();
  forgetStale(now);
  if (started.has(url)) return;
  const controller = new AbortController();
  const response = fetch(url, {
    signal: controller.signal,
    headers: { Accept: 'application/json' },
  });
  // Whoever takes it sees the failure; untaken, it is nobody's.
  response.catch(() => undefined);
  started.set(url, { response, controller, at: now });
}

/**
 * The response asked for early at `url`, once, if it is fresh; `signal`
 * (the taker's timeout or navigation) aborts it from then on.
 */
export function takeEarly(url: string, signal: AbortSignal): Promise<Response> | undefined {
  const entry = started.get(url);
  if (!entry) return undefined;
  started.delete(url);
  if (Date.now() - entry.at > FRESH_MS) {
    entry.controller.abort();
    return undefined;
  }
  const abort = () => {
    entry.controller.abort();
  };
  if (signal.aborted) abort();
  else signal.addEventListener('abort', abort, { once: true });
  return entry.response;
}
