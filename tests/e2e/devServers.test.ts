import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, request } from 'node:http';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser } from './browser.ts';
import { readApi } from './support.ts';

// The dev server (`npm start`) and the preview server (`npm run preview`), run
// as a person runs them, asked for URLs a page on any other origin can make a
// browser request (an <img src> is enough).

const STARTUP_TIMEOUT = 30_000;
const REQUEST_TIMEOUT = 10_000;

/** The environment a person's shell would have: without the test runner's own variables. */
function userEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        !name.startsWith('VITEST') &&
        name !== 'NODE_ENV' &&
        name !== 'TEST' &&
        name !== 'BROADSHEET_SOURCE',
    ),
  );
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('no port'));
      });
    });
  });
}

interface Served {
  name: string;
  base: string;
  port: number;
  child: ChildProcess;
  output: () => string;
}

const running = new Set<ChildProcess>();

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

// A test run that dies before afterAll must not leave a server behind.
const killAll = () => {
  for (const child of running) killGroup(child, 'SIGKILL');
};

async function startVite(name: string, args: string[], base = '/'): Promise<Served> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      ...args,
      ...(base === '/' ? [] : ['--base', base]),
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--strictPort',
    ],
    // Its own process group, so that stopping it stops everything it started.
    { env: userEnvironment(), stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  running.add(child);
  let output = '';
  const read = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`${name} did not start:\n${output}`));
    }, STARTUP_TIMEOUT);
    const check = () => {
      if (stripVTControlCharacters(output).includes(`http://127.0.0.1:${port}${base}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout.on('data', check);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal ?? ''}) before it served:\n${output}`));
    });
  });
  return { name, base, port, child, output: () => stripVTControlCharacters(output) };
}

async function stopVite(served: Served): Promise<void> {
  const { child } = served;
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    killGroup(child, 'SIGTERM');
    const timer = setTimeout(() => {
      killGroup(child, 'SIGKILL');
    }, 5_000);
    await exited;
    clearTimeout(timer);
  }
  running.delete(child);
}

interface Answer {
  status: number;
  type: string;
  body: string;
}

type Headers = Record<string, string | string[] | undefined>;

/** GET with the path exactly as written: no URL parsing, so `..` and escapes reach the server. */
function getWithHeaders(
  served: Served,
  rawPath: string,
  accept?: string,
): Promise<{ answer: Answer; headers: Headers }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: served.port,
        path: rawPath,
        method: 'GET',
        headers: accept ? { Accept: accept } : {},
        timeout: REQUEST_TIMEOUT,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          body += chunk;
        });
        res.on('end', () => {
          resolve({
            answer: { status: res.statusCode ?? 0, type: res.headers['content-type'] ?? '', body },
            headers: res.headers,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => {
      req.destroy(new Error(`${served.name}: no answer to ${rawPath}`));
    });
    req.on('error', (error) => {
      reject(new Error(`${served.name}: ${rawPath}: ${error.message}`));
    });
    req.end();
  });
}

async function get(served: Served, rawPath: string, accept?: string): Promise<Answer> {
  return (await getWithHeaders(served, rawPath, accept)).answer;
}

// A file outside the project, which neither server may serve or reveal.
const outside = mkdtempSync(path.join(os.tmpdir(), 'broadsheet-outside-'));
const secretFile = path.join(outside, 'secret.txt');
const missingFile = path.join(outside, 'no-such-file.txt');

/** A path relative to `from`, with every slash encoded, as a request path sends it. */
function encodedRelative(from: string, to: string): string {
  return path.relative(from, to).split(path.sep).join('%2F');
}

/** Hostile request paths, relative to the app's base. */
const HOSTILE = [
  'api/%E0%A4%A',
  '%E0%A4%A',
  '%E0%A4%A.html',
  'article/%E0%A4%A',
  'api/..%2F..%2Fpackage.json',
  'api/..%2Fbroadsheet.config.json',
  'api/%2e%2e/%2e%2e/package.json',
  'api/..%5C..%5Cpackage.json',
  'api/..\\..\\package.json',
  'api/%00',
  'api/site.json%00',
  '%00',
  'assets/..%2F..%2Fpackage.json',
  '..%2Fpackage.json',
  '../../package.json',
  'api/../../package.json',
  '%2e%2e/%2e%2e/package.json',
];

/** Pairs of paths to an existing and to a missing file outside what is served: the answers must not differ. */
function oraclePairs(distDir: string | undefined): [string, string][] {
  const apiDir = distDir ? path.join(distDir, 'api') : path.join(process.cwd(), 'api');
  return [
    ['api/..%2F..%2Fpackage.json', 'api/..%2F..%2Fno-such-file.json'],
    ['api/..%2Findex.html', 'api/..%2Fno-such-file.html'],
    ['api/%2e%2e/%2e%2e/package.json', 'api/%2e%2e/%2e%2e/no-such-file.json'],
    [`api/${encodedRelative(apiDir, secretFile)}`, `api/${encodedRelative(apiDir, missingFile)}`],
    [`@fs${secretFile}`, `@fs${missingFile}`],
    [`@fs${secretFile}?raw`, `@fs${missingFile}?raw`],
    [`@fs${secretFile}?import`, `@fs${missingFile}?import`],
  ];
}

/** The body without the request's own path, which an answer may echo without revealing anything. */
function bodyWithoutPath(answer: Answer, rawPath: string): string {
  const requested = rawPath.split('?')[0]?.replace(/^\//, '') ?? '';
  return requested ? answer.body.split(requested).join('<path>') : answer.body;
}

function expectNothingRevealed(answer: Answer, served: Served, rawPath: string): void {
  const context = `${served.name} GET ${rawPath}`;
  const body = bodyWithoutPath(answer, rawPath);
  expect(body, context).not.toMatch(/^\s+at /m);
  expect(body, context).not.toContain(process.cwd());
  expect(body, context).not.toContain('/node_modules/');
  expect(body, context).not.toContain(outside);
  expect(body, context).not.toContain(inject('builds').root);
}

async function expectStillServing(served: Served): Promise<void> {
  const site = await get(served, `${served.base}api/site.json`);
  expect(site.status, `${served.name} still serves the API`).toBe(200);
  expect(site.type).toMatch(/^application\/json/);
  const parsed: unknown = JSON.parse(site.body);
  expect(parsed).toHaveProperty('name');
  const page = await get(served, served.base, 'text/html');
  expect(page.status, `${served.name} still serves the app`).toBe(200);
  expect(page.type).toMatch(/^text\/html/);
  expect(served.child.exitCode, `${served.name} exited:\n${served.output()}`).toBeNull();
  expect(served.child.signalCode).toBeNull();
}

const servers: Record<string, Served> = {};

beforeAll(async () => {
  process.once('exit', killAll);
  writeFileSync(secretFile, 'not for the web\n');
  const builds = inject('builds');
  const started = await Promise.allSettled([
    startVite('dev', []),
    startVite('dev under /news/', [], '/news/'),
    startVite('preview', ['preview', '--outDir', builds.root]),
    startVite('preview under /news/', ['preview', '--outDir', builds.subPath], '/news/'),
  ]);
  for (const result of started) {
    if (result.status === 'fulfilled') servers[result.value.name] = result.value;
  }
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
});

afterAll(async () => {
  await Promise.all(Object.values(servers).map(stopVite));
  killAll();
  process.off('exit', killAll);
  rmSync(outside, { recursive: true, force: true });
});

const NAMES = ['dev', 'dev under /news/', 'preview', 'preview under /news/'];

function server(name: string): Served {
  const served = servers[name];
  if (!served) throw new Error(`${name} did not start`);
  return served;
}

describe.each(NAMES)('%s', (name) => {
  it('serves the API, its 404s and the app routes as before', async () => {
    const served = server(name);
    const site = await get(served, `${served.base}api/site.json`);
    expect(site.status).toBe(200);
    expect(site.type).toMatch(/^application\/json/);
    const missing = await get(served, `${served.base}api/nope.json`);
    expect(missing.status).toBe(404);
    expect(missing.type).toMatch(/^application\/json/);
    expect(missing.body).toBe('{"error":"Not Found"}');
    const nested = await get(served, `${served.base}api/articles/no-such-article.json`);
    expect(nested.status).toBe(404);
    // The dev server renders pages on the server (a story that does not exist is a real 404);
    // the preview server is a static host, answering every route with the app.
    const rendered = name.startsWith('dev');
    const route = await get(served, `${served.base}article/some-slug`, 'text/html');
    expect(route.status).toBe(rendered ? 404 : 200);
    expect(route.type).toMatch(/^text\/html/);
    expect(route.body).toContain('<div id="root">');
    // A query is the app's to read, even one that does not decode.
    const query = await get(served, `${served.base}article/some-slug?q=%E0%A4%A`, 'text/html');
    expect(query.status).toBe(rendered ? 404 : 200);
    expect(query.type).toMatch(/^text\/html/);
  });

  it.runIf(name.startsWith('dev'))(
    'renders an article on the server, and the browser hydrates it without a warning',
    async () => {
      const served = server(name);
      const api = readApi(inject('builds').root);
      const story = api.listing('latest').items[0];
      if (!story) throw new Error('no stories');
      const page = await get(served, `${served.base}article/${story.slug}`, 'text/html');
      expect(page.status).toBe(200);
      expect(page.body).toMatch(/<h1 id="article-headline"[^>]*>[^<]+<\/h1>/);
      expect(page.body).toContain('@vite/client');

      const browser = await launchBrowser();
      try {
        const tab = await browser.newPage();
        const messages: string[] = [];
        tab.on('console', (message) => {
          if (['error', 'warning'].includes(message.type())) messages.push(message.text());
        });
        tab.on('pageerror', (error) => messages.push(error.message));
        await tab.goto(
          `http://127.0.0.1:${String(served.port)}${served.base}article/${story.slug}`,
        );
        // Hydrated: React has attached itself to the server's markup.
        await tab.waitForFunction(
          () =>
            Object.keys(document.querySelector('#article-headline') ?? {}).some((key) =>
              key.startsWith('__react'),
            ),
          undefined,
          { timeout: 20_000 },
        );
        await tab.waitForLoadState('networkidle');
        // React's development build reports any difference between server and client markup here.
        expect(messages).toEqual([]);
      } finally {
        await browser.close();
      }
    },
  );

  it('answers malformed and traversing paths with a plain 400 or 404, and keeps running', async () => {
    const served = server(name);
    const paths = new Set(
      HOSTILE.flatMap((hostile) => [`/${hostile}`, `${served.base}${hostile}`]),
    );
    for (const rawPath of paths) {
      const answer = await get(served, rawPath);
      expect([400, 404], `${name} GET ${rawPath}: ${answer.body}`).toContain(answer.status);
      expectNothingRevealed(answer, served, rawPath);
      if (rawPath.includes('%E0%A4%A')) {
        expect(answer.status, `${name} GET ${rawPath}`).toBe(400);
        expect(answer.type).toMatch(/^text\/plain/);
        expect(answer.body.trim()).toBe('Bad Request');
      }
    }
    await expectStillServing(served);
  });

  it('answers alike for existing and missing files outside what it serves', async () => {
    const served = server(name);
    const distDir = name.startsWith('preview')
      ? name.endsWith('/news/')
        ? inject('builds').subPath
        : inject('builds').root
      : undefined;
    for (const [existing, missing] of oraclePairs(distDir)) {
      for (const prefix of new Set(['/', served.base])) {
        const [there, absent] = await Promise.all([
          get(served, `${prefix}${existing}`),
          get(served, `${prefix}${missing}`),
        ]);
        expect(
          { ...there, body: bodyWithoutPath(there, `${prefix}${existing}`) },
          `${name} GET ${prefix}${existing} vs ${missing}`,
        ).toEqual({ ...absent, body: bodyWithoutPath(absent, `${prefix}${missing}`) });
        expect(there.body).not.toContain('not for the web');
        expectNothingRevealed(there, served, `${prefix}${existing}`);
      }
    }
    await expectStillServing(served);
  });
});

describe.each(NAMES)('%s', (name) => {
  // The test's build under /news/ is the reader's alone.
  it.runIf(name !== 'preview under /news/')(
    'serves the widget as a build ships it: widget.js, embed.js and the frame page, to any origin',
    async () => {
      const served = server(name);
      for (const file of ['widget.js', 'embed.js', 'embed/height.js']) {
        const { answer, headers } = await getWithHeaders(served, `${served.base}${file}`);
        expect(answer.status, `${name} GET ${file}`).toBe(200);
        expect(answer.type, file).toMatch(/javascript/);
        expect(headers['access-control-allow-origin'], file).toBe('*');
      }
      // What the widget reads, but not the app's own code.
      for (const file of ['broadsheet.config.json', 'api/site.json', 'api/top/1.json']) {
        const { answer, headers } = await getWithHeaders(served, `${served.base}${file}`);
        expect(answer.status, `${name} GET ${file}`).toBe(200);
        expect(headers['access-control-allow-origin'], file).toBe('*');
      }
      if (name.startsWith('dev')) {
        const { headers } = await getWithHeaders(served, `${served.base}src/main.tsx`);
        expect(headers['access-control-allow-origin']).toBeUndefined();
      }
      const frame = await get(served, `${served.base}embed/feed?feed=top&limit=2`, 'text/html');
      expect(frame.status).toBe(200);
      expect(frame.type).toMatch(/^text\/html/);
      // The frame runs none of the app, so not Vite's client either: its CSP would refuse that.
      expect(frame.body).not.toContain('@vite/client');
      if (name.startsWith('dev')) {
        // Rendered on the server, as the production server does: the headlines come with the page.
        const top = readApi(inject('builds').root).listing('top').items.slice(0, 2);
        for (const story of top) expect(frame.body).toContain(`/article/${story.slug}`);
        expect(frame.body).toContain('shadowrootmode="open"');
      }
    },
  );

  it.runIf(name.startsWith('dev'))(
    'draws a widget from the dev server on another site’s page, with its headlines',
    async () => {
      const served = server(name);
      const origin = `http://127.0.0.1:${String(served.port)}`;
      const top = readApi(inject('builds').root).listing('top').items[0];
      if (!top) throw new Error('no stories');
      const browser = await launchBrowser();
      try {
        const tab = await browser.newPage();
        const errors: string[] = [];
        tab.on('pageerror', (error) => errors.push(error.message));
        // A host page on a site of its own, which loads the widget from the dev server.
        const host = createHttpServer((_req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/html' });
          res.end(
            '<!doctype html><title>Host</title><broadsheet-feed feed="top" limit="3"></broadsheet-feed>' +
              `<script type="module" src="${origin}${served.base}widget.js"></script>`,
          );
        });
        await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
        const address = host.address();
        if (!address || typeof address !== 'object') throw new Error('no host address');
        try {
          await tab.goto(`http://127.0.0.1:${String(address.port)}/`);
          const feed = tab.getByRole('region', { name: 'Top News' });
          await feed.getByRole('link', { name: top.headline }).waitFor({ timeout: 20_000 });
          expect(await feed.getByRole('link').count()).toBe(3);
          expect(errors).toEqual([]);
        } finally {
          host.close();
        }
      } finally {
        await browser.close();
      }
    },
  );
});

describe.each(['dev', 'dev under /news/'])('%s', (name) => {
  it("hides files Vite's server.fs rules refuse, without naming the directories it allows", async () => {
    const served = server(name);
    for (const denied of ['.git/HEAD', '.git/no-such-file', '.env', `@fs${secretFile}`]) {
      for (const prefix of new Set(['/', served.base])) {
        const answer = await get(served, `${prefix}${denied}`);
        expect(answer.status, `${name} GET ${prefix}${denied}`).toBe(404);
        expect(answer.type).toMatch(/^text\/plain/);
        expectNothingRevealed(answer, served, `${prefix}${denied}`);
      }
    }
    await expectStillServing(served);
  });

  it('answers a request Vite fails on with a plain 500, without its stack or paths', async () => {
    const served = server(name);
    for (const failing of ['index.html?html-proxy&index=99.js', 'index.html?import']) {
      const rawPath = `${served.base}${failing}`;
      const answer = await get(served, rawPath);
      expect(answer.status, `${name} GET ${rawPath}`).toBe(500);
      expect(answer.type).toMatch(/^text\/plain/);
      expectNothingRevealed(answer, served, rawPath);
    }
    // The detail goes to the terminal, as Vite's own errors do.
    expect(served.output()).toContain('Internal server error');
    await expectStillServing(served);
  });

  it('still serves the modules and files of the project', async () => {
    const served = server(name);
    const entry = await get(served, `${served.base}src/main.tsx`);
    expect(entry.status).toBe(200);
    expect(entry.type).toMatch(/javascript/);
    const icon = await get(served, `${served.base}favicon.png`);
    expect(icon.status).toBe(200);
    const client = await get(served, `${served.base}@vite/client`);
    expect(client.status).toBe(200);
  });
});
