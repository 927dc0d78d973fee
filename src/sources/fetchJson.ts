import { LIMITS } from '../news/limits.ts';
import { takeEarly } from './early.ts';
import { SourceError } from './SourceError.ts';

/** Give up on a document after this long, so a stalled server never leaves the reader waiting. */
export const DOCUMENT_TIMEOUT_MS = 15_000;
/** How long a failed request's second look (did it redirect?) may take. */
const PROBE_TIMEOUT_MS = 3_000;

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
      // Asked for already, before this code had loaded (./early.ts), or now.
      response = await (takeEarly(url, controller.signal) ??
        fetch(url, {
          signal: controller.signal,
          headers: { Accept: 'application/json' },
        }));
    } catch (cause) {
      throw await failure(cause);
    }
    if (!response.ok) {
      // Nothing more of an error's body is read.
      void response.body?.cancel().catch(() => undefined);
      const { status } = response;
      throw status === 404 || status === 410
        ? new SourceError('not-found', url, `${url} was not found (HTTP ${status}).`, { status })
        : new SourceError('http', url, `${url} answered HTTP ${status}.`, { status });
    }
    let text: string;
    try {
      text = await readText(response, url);
    } catch (cause) {
      if (cause instanceof SourceError) throw cause;
      throw await failure(cause, { answered: true });
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

  /** Why the request failed; `answered`: the server had answered, so it did not redirect. */
  async function failure(cause: unknown, { answered = false } = {}): Promise<unknown> {
    // The browser reports a redirect it may not follow exactly like a dropped connection.
    const redirected =
      !answered && !timedOut && !signal?.aborted && !isCrossOrigin(url) && (await redirects(url));
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
    if (redirected) {
      return new SourceError(
        'network',
        url,
        `${url} redirects to an address that does not allow this site to read it.`,
        { cause, crossOrigin: true, redirected: true },
      );
    }
    return new SourceError('network', url, `${url} could not be reached.`, {
      cause,
      crossOrigin: isCrossOrigin(url),
    });
  }

  /** Whether `url` answers with a redirect, asked again without following it (briefly). */
  async function redirects(target: string): Promise<boolean> {
    const probe = new AbortController();
    const stop = () => {
      probe.abort();
    };
    const probeTimer = setTimeout(stop, PROBE_TIMEOUT_MS);
    controller.signal.addEventListener('abort', stop, { once: true });
    try {
      const response = await fetch(target, {
        signal: probe.signal,
        redirect: 'manual',
        headers: { Accept: 'application/json' },
      });
      void response.body?.cancel().catch(() => undefined);
      // A browser answers 'opaqueredirect'; other fetch implementations show the 3xx.
      return (
        response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)
      );
    } catch {
      return false;
    } finally {
      clearTimeout(probeTimer);
      controller.signal.removeEventListener('abort', stop);
    }
  }
}

/**
 * The body as text, read no further than the reader's limit: a document of
 * any size must not fill memory, nor freeze the page while it is parsed.
 */
async function readText(response: Response, url: string): Promise<string> {
  const limit = LIMITS.documentBytes;
  const declared = Number(response.headers.get('Content-Length'));
  if (declared > limit) {
    void response.body?.cancel().catch(() => undefined);
    throw tooLarge(url, declared);
  }
  if (!response.body) return response.text();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      void reader.cancel();
      throw tooLarge(url, size);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function tooLarge(url: string, bytes: number): SourceError {
  const megabytes = (value: number) => `${(value / 1_000_000).toFixed(1)} MB`;
  return new SourceError(
    'invalid-data',
    url,
    `${url} is too large to read (at least ${megabytes(bytes)}; the reader reads documents of up to ${megabytes(LIMITS.documentBytes)}).`,
  );
}

function isCrossOrigin(url: string): boolean {
  try {
    // On a server there is no page, so no CORS to explain.
    const page = globalThis.location as Location | undefined;
    return page !== undefined && new URL(url).origin !== page.origin;
  } catch {
    return false;
  }
}
