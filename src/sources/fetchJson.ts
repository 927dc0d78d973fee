import { SourceError } from './SourceError.ts';

/** Give up on a document after this long, so a stalled server never leaves the reader waiting. */
export const DOCUMENT_TIMEOUT_MS = 15_000;

export interface FetchJsonOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number;
}

/**
 * GET a JSON document. Resolves to the parsed value (still untrusted: the
 * caller validates it) or rejects with a SourceError that says what went wrong.
 */
export async function fetchJson(url: string, options: FetchJsonOptions = {}): Promise<unknown> {
  return (await fetchDocument(url, options)).body;
}

export interface FetchedDocument {
  /** Parsed JSON, still untrusted. */
  body: unknown;
  headers: Headers;
  /** The URL after redirects: relative URLs inside resolve against it. */
  url: string;
}

/** Like fetchJson, with the response's headers and final URL (for paging headers, say). */
export async function fetchDocument(
  url: string,
  options: FetchJsonOptions = {},
): Promise<FetchedDocument> {
  const { signal, timeoutMs = DOCUMENT_TIMEOUT_MS } = options;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const forwardAbort = () => {
    controller.abort();
  };
  signal?.addEventListener('abort', forwardAbort, { once: true });

  try {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: controller.signal,
        headers: { Accept: 'application/json' },
      });
    } catch (cause) {
      throw failure(cause);
    }
    if (response.status === 404 || response.status === 410) {
      throw new SourceError('not-found', url, `${url} was not found (HTTP ${response.status}).`, {
        status: response.status,
      });
    }
    if (!response.ok) {
      throw new SourceError('http', url, `${url} answered HTTP ${response.status}.`, {
        status: response.status,
      });
    }
    let text: string;
    try {
      text = await response.text();
    } catch (cause) {
      throw failure(cause);
    }
    try {
      return {
        body: JSON.parse(text) as unknown,
        headers: response.headers,
        url: response.url || url,
      };
    } catch (cause) {
      throw new SourceError('invalid-json', url, `${url} is not valid JSON.`, { cause });
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }

  function failure(cause: unknown): unknown {
    if (timedOut) {
      return new SourceError(
        'timeout',
        url,
        `${url} did not answer within ${timeoutMs / 1000} seconds.`,
        { cause },
      );
    }
    // The caller gave up (navigated away): let the abort through untouched.
    if (signal?.aborted) return signal.reason ?? cause;
    return new SourceError('network', url, `${url} could not be reached.`, {
      cause,
      crossOrigin: isCrossOrigin(url),
    });
  }
}

function isCrossOrigin(url: string): boolean {
  try {
    return new URL(url).origin !== globalThis.location.origin;
  } catch {
    return false;
  }
}
