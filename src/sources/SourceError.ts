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

  constructor(
    kind: SourceErrorKind,
    url: string,
    message: string,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.kind = kind;
    this.url = url;
    this.status = options.status;
  }
}

export function isSourceError(error: unknown): error is SourceError {
  return error instanceof SourceError;
}
