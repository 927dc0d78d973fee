import path from 'node:path';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { buildSampleNews, type Api } from '../../scripts/sample-news.ts';

/** Where the tests' news API lives. Nothing is listening there: MSW answers. */
export const API = 'https://news.test/api/';

let sample: Promise<Api> | undefined;

/** The built-in sample news, generated from content/ exactly as the dev server serves it. */
export function sampleApi(): Promise<Api> {
  sample ??= buildSampleNews(path.resolve('content')).then((news) => news.api);
  return sample;
}

/** A parsed JSON document of the sample API, to compare what the page shows with what was served. */
export async function sampleDocument<T = unknown>(docPath: string): Promise<T> {
  const file = (await sampleApi()).get(docPath);
  if (!file || typeof file.body !== 'string')
    throw new Error(`No JSON document ${docPath} in the sample API`);
  return JSON.parse(file.body) as T;
}

export const sampleHandler = http.get(`${API}*`, async ({ request }) => {
  const docPath = decodeURIComponent(new URL(request.url).pathname.replace(/^\/api\//, ''));
  const file = (await sampleApi()).get(docPath);
  if (!file) return HttpResponse.json({ error: 'Not Found' }, { status: 404 });
  return new HttpResponse(file.body, { headers: { 'Content-Type': file.contentType } });
});

export const server = setupServer(sampleHandler);
