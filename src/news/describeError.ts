import { isSourceError } from '../sources/SourceError.ts';

export interface ErrorDescription {
  /** What happened, in a few words. */
  title: string;
  /** Why, and what the reader can do. */
  detail: string;
  /** The document that failed, if we know it. */
  document?: string;
  /** Trying again may help. */
  retryable: boolean;
}

/** Plain words for every way loading can fail. 404s are not described here: they get a Not Found page. */
/**
 * `origin` is the reader's own (`https://news.example`): a CORS problem is
 * explained with the header its source must send.
 */
export function describeError(error: unknown, origin: string): ErrorDescription {
  if (!isSourceError(error)) {
    return {
      title: TITLES.unexpected,
      detail: 'This page hit an unexpected problem. Try again, or go back to the front page.',
      retryable: true,
    };
  }
  const document = error.url;
  switch (error.kind) {
    case 'timeout':
      return {
        title: TITLES.timeout,
        detail: 'We waited, but no news arrived. It may be busy: try again in a moment.',
        document,
        retryable: true,
      };
    case 'network':
      if (error.redirected) {
        return {
          title: TITLES.unreadable,
          detail: `The news source redirects to another site, which does not allow this site to read it (CORS). Try again later. If you run this site: point broadsheet.config.json at the address it redirects to, and make that server send the header Access-Control-Allow-Origin: ${origin} (or *) with its responses.`,
          document,
          retryable: true,
        };
      }
      if (error.crossOrigin) {
        const sourceOrigin = new URL(error.url).origin;
        return {
          title: TITLES.unreadable,
          detail: `The news source at ${sourceOrigin} did not answer, or did not allow this site to read it (CORS). Check your connection and try again. If you run this site: ${sourceOrigin} must send the header Access-Control-Allow-Origin: ${origin} (or *) with its responses.`,
          document,
          retryable: true,
        };
      }
      return {
        title: TITLES.unreachable,
        detail:
          'The connection dropped or the server is unreachable. Check your connection and try again.',
        document,
        retryable: true,
      };
    case 'http':
      return (error.status ?? 0) >= 500
        ? {
            title: TITLES.serverError,
            detail: `It answered with an error (HTTP ${error.status ?? 'error'}). This is usually brief: try again.`,
            document,
            retryable: true,
          }
        : {
            title: TITLES.refused,
            detail: `It answered HTTP ${error.status ?? 'error'}. Trying again may not help; the front page may still work.`,
            document,
            retryable: true,
          };
    case 'invalid-json':
      return {
        title: TITLES.brokenJson,
        detail:
          'A document arrived broken (it is not valid JSON). The site’s editors need to fix it.',
        document,
        retryable: true,
      };
    case 'invalid-data':
      return {
        title: TITLES.invalidData,
        detail: error.message,
        document,
        retryable: true,
      };
    case 'not-found':
      return {
        title: TITLES.notFound,
        detail: 'There is nothing at this address.',
        document,
        retryable: false,
      };
  }
}

/** What happened, in a few words (the title describeError gives): for a place with room for no more. */
export function errorTitle(error: unknown): string {
  if (!isSourceError(error)) return TITLES.unexpected;
  switch (error.kind) {
    case 'timeout':
      return TITLES.timeout;
    case 'network':
      return error.redirected || error.crossOrigin ? TITLES.unreadable : TITLES.unreachable;
    case 'http':
      return (error.status ?? 0) >= 500 ? TITLES.serverError : TITLES.refused;
    case 'invalid-json':
      return TITLES.brokenJson;
    case 'invalid-data':
      return TITLES.invalidData;
    case 'not-found':
      return TITLES.notFound;
  }
}

const TITLES = {
  unexpected: 'Something went wrong',
  timeout: 'The news server didn’t answer in time',
  unreadable: 'We couldn’t read the news source',
  unreachable: 'We couldn’t reach the news server',
  serverError: 'The news server ran into a problem',
  refused: 'The news server refused the request',
  brokenJson: 'The news server sent something we can’t read',
  invalidData: 'The news server sent a document we can’t read',
  notFound: 'Not found',
};
