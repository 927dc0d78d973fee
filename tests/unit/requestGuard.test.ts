import { describe, expect, it } from 'vitest';
import { judgeRequestTarget } from '../../scripts/requestGuard.ts';

describe('judgeRequestTarget', () => {
  it.each([
    ['/', '/'],
    ['/api/site.json', '/api/site.json'],
    ['/news/api/latest/2.json?x=1', '/news/api/latest/2.json'],
    ['/article/caf%C3%A9', '/article/café'],
    ['/tag/a%20b', '/tag/a b'],
    ['/@id/virtual:module', '/@id/virtual:module'],
    ['/..foo/bar..', '/..foo/bar..'],
    // The query is the app's to read, malformed or not.
    ['/latest?page=%E0%A4%A', '/latest'],
  ])('lets %s through as %s', (target, pathname) => {
    expect(judgeRequestTarget(target)).toEqual({ ok: true, pathname });
  });

  it.each(['/api/%E0%A4%A', '/%E0%A4%A', '/%', '/%zz', '/a%2', '/%E0%A4%A.html'])(
    'answers %s, which does not decode, with 400',
    (target) => {
      expect(judgeRequestTarget(target)).toEqual({ ok: false, status: 400 });
    },
  );

  it.each(['http://example.org/api/site.json', '*', ''])(
    'answers %s, not a path, with 400',
    (target) => {
      expect(judgeRequestTarget(target)).toEqual({ ok: false, status: 400 });
    },
  );

  it.each([
    '/api/..%2F..%2Fpackage.json',
    '/api/..%2fpackage.json',
    '/api/%2e%2e/%2e%2e/package.json',
    '/api/%2E%2E/package.json',
    '/api/..%5C..%5Cpackage.json',
    '/api/..\\..\\package.json',
    '/api/../../package.json',
    '/..',
    '/a/..',
    '/api/%00',
    '/index.html%00.json',
    '/assets/..%2F..%2Fpackage.json',
  ])('answers %s, which could leave where it points, with 404', (target) => {
    expect(judgeRequestTarget(target)).toEqual({ ok: false, status: 404 });
  });
});
