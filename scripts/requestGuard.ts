import { STATUS_CODES, type ServerResponse } from 'node:http';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import {
  isFileLoadingAllowed,
  normalizePath,
  type Connect,
  type Logger,
  type ResolvedConfig,
  type ViteDevServer,
} from 'vite';

/** What the guard makes of a request target: its decoded path, or the answer it gets instead. */
export type Verdict = { ok: true; pathname: string } | { ok: false; status: 400 | 404 };

/**
 * Judges a raw request target (`req.url`) before anything else reads it. A
 * path that does not decode is a bad request; one that could step outside
 * where it points once decoded (`..` segments, encoded or back slashes, NUL)
 * names nothing this server serves. The query is left to whoever reads it.
 */
export function judgeRequestTarget(target: string): Verdict {
  // Absolute-form and asterisk-form targets are for proxies, not for these servers.
  if (!target.startsWith('/')) return { ok: false, status: 400 };
  const raw = target.split(/[?#]/, 1)[0] ?? '';
  let pathname: string;
  try {
    pathname = decodeURIComponent(raw);
  } catch {
    return { ok: false, status: 400 };
  }
  if (/%(?:2f|5c)/i.test(raw) || raw.includes('\\') || pathname.includes('\0')) {
    return { ok: false, status: 404 };
  }
  if (pathname.split('/').includes('..')) return { ok: false, status: 404 };
  return { ok: true, pathname };
}

/** A short plain-text answer: the status line's words, or `message`; nothing about the server. */
export function answerPlain(res: ServerResponse, status: number, message?: string): void {
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'no-store');
  res.end(`${message ?? STATUS_CODES[status] ?? 'Error'}\n`);
}

/**
 * The first middleware of the dev and preview servers: answers what
 * `judgeRequestTarget` refuses, and what `allows` refuses of the decoded path
 * (404), in plain text; passes everything else on.
 */
export function requestGuard(
  options: { allows?: (pathname: string) => boolean } = {},
): Connect.NextHandleFunction {
  return (req, res, next) => {
    const verdict = judgeRequestTarget(req.url ?? '');
    if (!verdict.ok) {
      answerPlain(res, verdict.status);
      return;
    }
    if (options.allows && !options.allows(verdict.pathname)) {
      answerPlain(res, 404);
      return;
    }
    next();
  };
}

const FS_PREFIX = '/@fs/';

/**
 * Whether the dev server may serve the file a decoded path names, by Vite's
 * own `server.fs` rules. Vite refuses those files with a 403 page that lists
 * the allowed directories (absolute paths), and only when the file exists; a
 * 404 for every refused path, existing or not, gives neither away.
 */
export function viteServes(config: ResolvedConfig): (pathname: string) => boolean {
  const root = normalizePath(config.root);
  return (pathname) => {
    const local = pathname.startsWith(config.base)
      ? pathname.slice(config.base.length - 1)
      : pathname;
    if (local.startsWith(FS_PREFIX)) {
      const rest = local.slice(FS_PREFIX.length);
      return isFileLoadingAllowed(config, normalizePath(/^[a-z]:/i.test(rest) ? rest : `/${rest}`));
    }
    // Under the root Vite refuses its deny list (`.env`, `.git`, certificates),
    // and any name with a colon; a colon here is an app route or a virtual
    // module (`/@id/virtual:x`) far more often than a file, so it is let through.
    return isFileLoadingAllowed(config, path.posix.join(root, local.replaceAll(':', '-')));
  };
}

/**
 * An error handler for the end of the middleware chain: logs the error and
 * answers a plain 500, where Vite (or Connect's final handler) would send its
 * stack and absolute paths to the client. On the dev server the error still
 * reaches the browser's error overlay, through the HMR connection.
 */
export function plainErrors(logger: Logger, server?: ViteDevServer): Connect.ErrorHandleFunction {
  // Connect tells an error handler by its four parameters, so `_next` stays though unused.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  return (error: unknown, _req, res, _next) => {
    const shown = overlayError(error);
    const where = [shown.plugin && `  Plugin: ${shown.plugin}`, shown.id && `  File: ${shown.id}`];
    logger.error(
      [`Internal server error: ${shown.message}`, ...where, shown.frame, shown.stack]
        .filter(Boolean)
        .join('\n'),
      { timestamp: true, ...(error instanceof Error ? { error } : {}) },
    );
    server?.environments.client.hot.send({ type: 'error', err: shown });
    if (res.headersSent) {
      res.destroy();
      return;
    }
    answerPlain(res, 500);
  };
}

interface OverlayError {
  message: string;
  stack: string;
  id?: string;
  frame?: string;
  plugin?: string;
  pluginCode?: string;
  loc?: { file?: string; line: number; column: number };
}

/** What Vite's overlay shows of an error: message, stack, and the plugin's file, frame and location. */
function overlayError(error: unknown): OverlayError {
  const text = (value: unknown) =>
    typeof value === 'string' ? stripVTControlCharacters(value) : undefined;
  if (typeof error !== 'object' || error === null) return { message: String(error), stack: '' };
  const field = (key: string): unknown => Reflect.get(error, key);
  const shown: OverlayError = {
    message: text(field('message')) ?? 'Unknown error',
    stack: text(field('stack')) ?? '',
  };
  for (const key of ['id', 'frame', 'plugin', 'pluginCode'] as const) {
    const value = text(field(key));
    if (value) shown[key] = value;
  }
  const loc = field('loc');
  if (typeof loc === 'object' && loc !== null) {
    const line: unknown = Reflect.get(loc, 'line');
    const column: unknown = Reflect.get(loc, 'column');
    const file = text(Reflect.get(loc, 'file'));
    if (typeof line === 'number' && typeof column === 'number') {
      shown.loc = { line, column, ...(file ? { file } : {}) };
    }
  }
  return shown;
}
