import { describe, expect, it } from 'vitest';
import { createHandler } from '../../src/server/handler.ts';
import { serverDom } from '../../src/server/serverDom.ts';
import { createNativeSource } from '../../src/sources/native.ts';
import { API } from '../unit/server.ts';
import { READER, renderPage } from './renderPage.ts';

// One address per page of a listing: `?page=1`, and a page that is no page, are
// the first page under another name (docs/design.md, "Paging").
describe('a listing page asked for by another name', () => {
  it.each([
    ['/', '/latest?page=two', '/latest'],
    ['/', '/latest?page=0', '/latest'],
    ['/', '/latest?page=', '/latest'],
    ['/', '/latest?page=%E0%A4%A', '/latest'],
    ['/', '/tag/port-avel?page=-1&from=home', '/tag/port-avel?from=home'],
    ['/news/', '/news/latest?page=abc', '/news/latest'],
    ['/news/', '/news/tag/port-avel?page=1.5&from=home', '/news/tag/port-avel?from=home'],
    ['/news/', '/news/tag/port-avel?page=1', '/news/tag/port-avel'],
  ])('under base %s, %s redirects to %s', async (base, path, location) => {
    const { response } = await renderPage(path, { base });
    expect(response.status).toBe(301);
    expect(response.headers.get('Location')).toBe(location);
  });

  it('is redirected by the request handler, which lets caches keep the redirect', async () => {
    const handle = createHandler({
      source: createNativeSource(API),
      config: { type: 'native', url: API },
      sanitize: serverDom().sanitize,
      assets: { script: '/assets/index.js', preload: [], styles: [] },
      base: '/',
    });
    const response = await handle(new Request(new URL('/latest?page=abc', READER)));
    expect(response.status).toBe(301);
    expect(response.headers.get('Location')).toBe('/latest');
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=3600');
  });

  it('leaves a page past the last Not Found', async () => {
    const { response } = await renderPage('/latest?page=999');
    expect(response.status).toBe(404);
  });
});
