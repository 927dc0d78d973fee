import { JSDOM } from 'jsdom';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { render, type RenderOptions } from '../../src/server/render.tsx';
import { serverDom } from '../../src/server/serverDom.ts';
import { createNativeSource } from '../../src/sources/native.ts';
import { API, server } from '../unit/server.ts';

export const READER = 'http://reader.test';

const { sanitize } = serverDom();

beforeAll(() => {
  server.listen({ onUnhandledFrame: 'error' });
});
afterEach(() => {
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});

export interface RenderedPage {
  response: Response;
  html: string;
  /** The HTML parsed, scripts not run. */
  document: Document;
}

/** The server's answer for `path` of a reader at READER, reading the sample news (served by MSW at API). */
export async function renderPage(
  path: string,
  options: Partial<RenderOptions> & { timeoutMs?: number } = {},
): Promise<RenderedPage> {
  const { timeoutMs, ...rest } = options;
  const response = await render(new Request(new URL(path, READER)), {
    source: createNativeSource(API, timeoutMs ? { timeoutMs } : {}),
    config: { type: 'native', url: API },
    sanitize,
    assets: { script: '/assets/index.js', preload: [], styles: ['/assets/index.css'] },
    base: '/',
    ...rest,
  });
  const html = await response.text();
  return { response, html, document: new JSDOM(html).window.document };
}
