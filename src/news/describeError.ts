import { isSourceError } from '../sources/SourceError.ts';

export interface ErrorDescription {
  /** What happened, in a few words. */
  title: string;
  /** Why, and what the reader can do, in plain words: no addresses, codes or header names. */
  detail: string;
  /**
   * The technical part, for the site's owner (shown folded away): the
   * document, what it answered, and what to change.
   */
  forOwner?: string;
}

/**
 * Plain words for every way loading can fail, each of which may pass, so
 * each gets a Retry. A 404 for a page gets a Not Found page instead; the one
 * described here is the site's own document (site.json): the source itself is
 * missing, perhaps for a moment.
 *
 * `origin` is the reader's own (`https://news.example`): a CORS problem is
 * explained to the owner with the header its source must send.
 */
export function describeError(error: unknown, origin: string): ErrorDescription {
  const way = failure(error);
  const allow = `allow this site (CORS): send Access-Control-Allow-Origin: ${origin} (or *)`;
  // Each message already names the document and what it answered (SourceError never holds a password).
  const advice: Partial<Record<Failure, string>> = {
    redirected: ` Point broadsheet.config.json at that address, and have it ${allow}.`,
    crossOrigin: ` If it is up, it must ${allow}.`,
    'not-found': ' Check “source.url” in broadsheet.config.json.',
  };
  return {
    title: TITLES[way],
    detail: DETAILS[way],
    ...(isSourceError(error) && { forOwner: error.message + (advice[way] ?? '') }),
  };
}

/** What happened, in a few words (the title describeError gives): for a place with room for no more. */
export function errorTitle(error: unknown): string {
  return TITLES[failure(error)];
}

type Failure = keyof typeof TITLES;

function failure(error: unknown): Failure {
  if (!isSourceError(error)) return 'unexpected';
  switch (error.kind) {
    case 'network':
      // A browser reports a refusal to read another site exactly like a dropped connection.
      return error.redirected ? 'redirected' : error.crossOrigin ? 'crossOrigin' : 'unreachable';
    case 'http':
      return (error.status ?? 0) >= 500 ? 'serverError' : 'refused';
    default:
      return error.kind;
  }
}

const UNREADABLE = 'We couldn’t read the news source';

const TITLES = {
  unexpected: 'Something went wrong',
  timeout: 'The news server didn’t answer in time',
  redirected: UNREADABLE,
  crossOrigin: UNREADABLE,
  unreachable: 'We couldn’t reach the news server',
  serverError: 'The news server ran into a problem',
  refused: 'The news server refused the request',
  'invalid-json': 'The news server sent something we can’t read',
  'invalid-data': 'The news server sent a document we can’t read',
  'not-found': 'The news can’t be found right now',
};

const DETAILS: Record<Failure, string> = {
  unexpected: 'This page hit an unexpected problem. Try again in a moment.',
  timeout: 'We waited, but no news arrived. It may be busy: try again in a moment.',
  redirected: 'The news has moved to another site, which doesn’t let this one read it.',
  crossOrigin:
    'The news is on another site, which didn’t answer or doesn’t let this one read it. Check your connection and try again.',
  unreachable:
    'The connection dropped or the server is unreachable. Check your connection and try again.',
  serverError: 'This is usually brief: try again in a moment.',
  refused: 'Trying again may not help.',
  'invalid-json': 'A document arrived broken. The site’s editors need to fix it.',
  'invalid-data': 'A document arrived in a shape we don’t know. The site’s editors need to fix it.',
  'not-found': 'Try again in a moment. If it stays missing, the site’s owner needs to fix it.',
};
