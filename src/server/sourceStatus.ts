import { isSourceError } from '../sources/SourceError.ts';

/**
 * A source's failure as the gateway error it is: 404 for what it does not
 * have, 504 when it took too long, 503 when it said it is unavailable, 502
 * otherwise; 500 for anything that is not the source's.
 */
export function sourceErrorStatus(error: unknown): number {
  if (!isSourceError(error)) return 500;
  if (error.kind === 'not-found') return 404;
  if (error.kind === 'timeout') return 504;
  if (error.kind === 'http' && error.status === 503) return 503;
  return 502;
}
