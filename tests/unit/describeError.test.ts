import { describe, expect, it } from 'vitest';
import { describeError, errorTitle } from '../../src/news/describeError.ts';
import { SourceError } from '../../src/sources/SourceError.ts';

const ORIGIN = 'https://reader.example';
const URL_ = 'https://news.example/api/latest/1.json';

/** One of each way loading can fail, with the message fetchJson would give. */
const failures: [string, unknown][] = [
  ['unexpected', new TypeError('x is undefined')],
  ['timeout', new SourceError('timeout', URL_, `${URL_} did not answer within 15 seconds.`)],
  [
    'redirect',
    new SourceError('network', URL_, `${URL_} redirects to an address that does not allow…`, {
      crossOrigin: true,
      redirected: true,
    }),
  ],
  [
    'another site',
    new SourceError('network', URL_, `${URL_} could not be reached.`, { crossOrigin: true }),
  ],
  ['dropped', new SourceError('network', URL_, `${URL_} could not be reached.`)],
  ['server error', new SourceError('http', URL_, `${URL_} answered HTTP 502.`, { status: 502 })],
  ['refused', new SourceError('http', URL_, `${URL_} answered HTTP 403.`, { status: 403 })],
  ['broken', new SourceError('invalid-json', URL_, `${URL_} is not valid JSON.`)],
  [
    'invalid',
    new SourceError('invalid-data', URL_, `${URL_} is not a valid document: at “items”, …`),
  ],
  [
    'missing',
    new SourceError('not-found', URL_, `${URL_} was not found (HTTP 404).`, { status: 404 }),
  ],
];

describe('how an error reads', () => {
  it('tells each way of failing apart, in words of its own', () => {
    const details = failures.map(([, error]) => describeError(error, ORIGIN).detail);
    expect(new Set(details).size).toBe(failures.length);
  });

  it.each(failures)(
    '%s: plain words for the reader, the technical part for the owner',
    (_, error) => {
      const { title, detail, forOwner } = describeError(error, ORIGIN);
      expect(`${title} ${detail}`).not.toMatch(
        /CORS|Access-Control|HTTP|\d{3}|https?:|JSON|news\.example/,
      );
      expect(title).toBe(errorTitle(error));
      if (error instanceof SourceError) expect(forOwner).toContain(URL_);
      else expect(forOwner).toBeUndefined();
    },
  );

  it('tells the owner which header a source on another site must send', () => {
    const [, crossOrigin] = failures[3] ?? [];
    expect(describeError(crossOrigin, ORIGIN).forOwner).toContain(
      `Access-Control-Allow-Origin: ${ORIGIN} (or *)`,
    );
  });
});
