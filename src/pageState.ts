import type { DehydratedState } from '@tanstack/react-query';
import { isRouteErrorResponse, type HydrationState } from 'react-router';
import type { Config } from './config.ts';
import type { Clock } from './components/Clock.ts';
import { isSourceError, SourceError, type SourceErrorKind } from './sources/SourceError.ts';

/** The id of the non-executable element that carries a rendered page's state to the browser. */
export const STATE_ELEMENT_ID = 'broadsheet-state';
const VERSION = 1;

/**
 * What the browser needs to hydrate the page the server rendered: which page
 * and source it was rendered for (a host that serves one file for every
 * path, or a config changed since, must not be mistaken for it), the clock it
 * was rendered with, the router's loader results and the query cache.
 */
export interface PageState {
  version: typeof VERSION;
  /** Path and query the page was rendered for, base path included; `*`: any (Not Found). */
  path: string;
  /**
   * The source the page was rendered from: its URL as the config names it (it
   * may be relative to the config file) and the identity its cached documents
   * go by.
   */
  source: Config['source'] & { id: string };
  /** The origin its canonical and Open Graph URLs name ('' for root-relative). */
  publicOrigin: string;
  /** Rendered ahead of time for a static host: the browser checks the config it would read now. */
  prerendered: boolean;
  clock: Clock;
  router: { loaderData: Record<string, unknown>; errors: Record<string, WireError> | null };
  queries: DehydratedState;
}

type WireError =
  | { type: 'response'; status: number; statusText: string; data: unknown }
  | {
      type: 'source';
      kind: SourceErrorKind;
      url: string;
      message: string;
      status?: number;
      crossOrigin: boolean;
      redirected: boolean;
    }
  | { type: 'error'; message: string };

export function pageState(
  state: Omit<PageState, 'version' | 'router'> & {
    router: { loaderData: Record<string, unknown>; errors: Record<string, unknown> | null };
  },
): PageState {
  const { errors } = state.router;
  return {
    ...state,
    version: VERSION,
    router: {
      loaderData: state.router.loaderData,
      errors: errors
        ? Object.fromEntries(Object.entries(errors).map(([id, error]) => [id, toWire(error)]))
        : null,
    },
  };
}

function toWire(error: unknown): WireError {
  if (isRouteErrorResponse(error)) {
    return { type: 'response', status: error.status, statusText: error.statusText, data: null };
  }
  if (isSourceError(error)) {
    return {
      type: 'source',
      kind: error.kind,
      url: error.url,
      message: error.message,
      ...(error.status === undefined ? {} : { status: error.status }),
      crossOrigin: error.crossOrigin,
      redirected: error.redirected,
    };
  }
  // A bug's message is not for the page; the reader sees the generic words.
  return { type: 'error', message: 'Unexpected error' };
}

/** The router's hydration data, errors made into what the error pages expect again. */
export function routerHydration(state: PageState): HydrationState {
  const { loaderData, errors } = state.router;
  return {
    loaderData,
    errors: errors
      ? Object.fromEntries(Object.entries(errors).map(([id, error]) => [id, fromWire(error)]))
      : null,
  };
}

function fromWire(error: WireError): unknown {
  switch (error.type) {
    case 'response':
      // The shape react-router's isRouteErrorResponse() recognises.
      return {
        status: error.status,
        statusText: error.statusText,
        internal: false,
        data: error.data,
      };
    case 'source':
      return new SourceError(error.kind, error.url, error.message, {
        ...(error.status === undefined ? {} : { status: error.status }),
        crossOrigin: error.crossOrigin,
        redirected: error.redirected,
      });
    case 'error':
      return new Error(error.message);
  }
}

/**
 * The state the server left in the page, if there is any and it reads as one:
 * anything else (a page from an older build, a shell with none) is no state.
 */
export function readPageState(document: Document): PageState | undefined {
  const text = document.getElementById(STATE_ELEMENT_ID)?.textContent;
  if (!text) return undefined;
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch {
    return undefined;
  }
  // The page's own server wrote it, into the same document as the markup it
  // describes: a check of its shape and version is enough (and keeps the
  // schema library out of the first load).
  return isPageState(state) ? state : undefined;
}

function isPageState(value: unknown): value is PageState {
  if (!isObject(value) || value.version !== VERSION || typeof value.path !== 'string') return false;
  const { source, clock, router, queries } = value;
  return (
    isObject(source) &&
    typeof source.type === 'string' &&
    ['native', 'jsonfeed', 'wordpress'].includes(source.type) &&
    typeof source.url === 'string' &&
    typeof source.id === 'string' &&
    typeof value.prerendered === 'boolean' &&
    typeof value.publicOrigin === 'string' &&
    isObject(clock) &&
    typeof clock.now === 'number' &&
    isObject(router) &&
    isObject(router.loaderData) &&
    (router.errors === null || isObject(router.errors)) &&
    isObject(queries) &&
    Array.isArray(queries.queries) &&
    Array.isArray(queries.mutations)
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
