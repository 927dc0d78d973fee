/**
 * Every way fetching a document can fail, so that the reader can say what
 * happened in words and offer the right way on.
 */
export type SourceErrorKind =
  'not-found' | 'http' | 'timeout' | 'network' | 'invalid-json' | 'invalid-data';

export class SourceError extends Error {
  override readonly name = 'SourceError';
  readonly kind: SourceErrorKind;
  /** The document that failed, as the reader should name it (a URL). */
  readonly url: string;
  readonly status: number | undefined;
  /**
   * The document is on another origin. A browser reports a CORS refusal
   * exactly like a network failure, so for a failed cross-origin request the
   * reader says it may be either.
   */
  readonly crossOrigin: boolean;
  /**
   * The document's own address answered with a redirect that could not be
   * followed: to another origin that does not allow this site (CORS).
   */
  readonly redirected: boolean;

  constructor(
    kind: SourceErrorKind,
    url: string,
    message: string,
    options: { status?: number; cause?: unknown; crossOrigin?: boolean; redirected?: boolean } = {},
  ) {
    // What a reader is shown never carries a password from the config.
    super(withoutCredentials(message), { cause: options.cause });
    this.kind = kind;
    this.url = withoutCredentials(url);
    this.status = options.status;
    this.crossOrigin = options.crossOrigin ?? false;
    this.redirected = options.redirected ?? false;
  }
}

export function isSourceError(error: unknown): error is SourceError {
  return error instanceof SourceError;
}

/**
 * Text with the user name and password taken out of every URL in it
 * (`https://user:secret@host/` becomes `https://host/`): everything up to the
 * authority's last `@`, as a URL parser reads it.
 */
export function withoutCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)[^/?#\s]*@/gi, '$1');
}
