// `npm run benchmark:ssr` (after `npm run build`): the server-rendered reader
// against the client-only build of the same commit, in Chromium at Fast 3G
// with a 4x slower CPU, then the production server under load. A benchmark,
// not a test: it prints figures (medians of RUNS runs) and their ratios.
//
//   CHROMIUM_PATH   the browser (default /usr/bin/chromium)
//   RUNS            page loads per case (default 5)
//   LOAD_SECONDS    length of each load run (default 30)
//   LIGHTHOUSE=1    also run Lighthouse (mobile) on both, through npx
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { Agent, request } from 'undici';

const DIST = path.resolve('dist');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RUNS = Number(process.env.RUNS ?? 5);
const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const CONNECTIONS = 50;
// Chromium DevTools' "Fast 3G".
const FAST_3G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.44 * 1024 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8,
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
};

/** `npm run serve` over dist/, on a free port. */
async function startServer(
  env: Record<string, string> = {},
): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['dist-server/node.js'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /serving (http:\/\/\S+)/.exec(chunk.toString());
      if (match?.[1]) resolve(match[1]);
    });
    child.once('exit', () => {
      reject(new Error('the server did not start'));
    });
  });
  // Its per-request log would only slow it down here.
  child.stdout.removeAllListeners('data');
  child.stdout.resume();
  return { url, child };
}

/** dist/ as a static host serving the client-only shell (fallback.html) for every page. */
async function startClientOnly(): Promise<{ url: string; server: Server }> {
  const types: Record<string, string> = {
    '.js': 'text/javascript',
    '.css': 'text/css',
    '.json': 'application/json',
    '.svg': 'image/svg+xml',
  };
  const server = createServer((req, res) => {
    const pathname = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const file = path.join(DIST, pathname);
    const isFile = file.startsWith(DIST) && statSync(file, { throwIfNoEntry: false })?.isFile();
    if (isFile && !file.endsWith('.html')) {
      res.writeHead(200, {
        'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
      });
      res.end(readFileSync(file));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(readFileSync(path.join(DIST, 'fallback.html')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/`, server };
}

interface Load {
  headline: number;
  lcp: number;
}

/**
 * Lighthouse 12's mobile performance run on `url`, through npx: its score, LCP,
 * TBT and CLS. Run asynchronously: the client-only build is served from this
 * very process.
 */
async function lighthouse(url: string): Promise<string> {
  const child = spawn(
    'npx',
    [
      '--yes',
      'lighthouse@12',
      url,
      '--quiet',
      '--output=json',
      '--only-categories=performance',
      '--chrome-flags=--headless --no-sandbox --disable-gpu',
    ],
    { env: { ...process.env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const result = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (result.stdout += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (result.stderr += chunk.toString('utf8')));
  await new Promise((resolve) => child.once('close', resolve));
  try {
    const report = JSON.parse(result.stdout) as {
      categories: { performance: { score: number } };
      audits: Record<string, { numericValue: number }>;
    };
    const audit = (id: string) => report.audits[id]?.numericValue ?? Number.NaN;
    return [
      `score ${String(Math.round(report.categories.performance.score * 100))}`,
      `FCP ${audit('first-contentful-paint').toFixed(0)} ms`,
      `LCP ${audit('largest-contentful-paint').toFixed(0)} ms`,
      `TBT ${audit('total-blocking-time').toFixed(0)} ms`,
      `CLS ${audit('cumulative-layout-shift').toFixed(3)}`,
    ].join(', ');
  } catch {
    return `did not run (${result.stderr.split('\n').find((line) => line.trim()) ?? 'no output'})`;
  }
}

/** One cold load of `url` at Fast 3G and 4x CPU: when `selector`'s text was first painted, and LCP. */
async function load(browser: Browser, url: string, selector: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', FAST_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.addInitScript((wanted: string) => {
    const marks: Record<string, number> = {};
    Object.assign(window, { __marks: marks });
    const look = () => {
      const element = document.querySelector(wanted);
      if (element?.textContent.trim() && marks.headline === undefined) {
        // The frame after it is in the document is the one that paints it.
        requestAnimationFrame(() => {
          if (marks.headline === undefined) marks.headline = performance.now();
        });
      }
    };
    new MutationObserver(look).observe(document, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) marks.lcp = entry.startTime;
    }).observe({ type: 'largest-contentful-paint', buffered: true });
  }, selector);
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await page.waitForFunction(
    () => (window as unknown as { __marks: { headline?: number } }).__marks.headline !== undefined,
    undefined,
    { timeout: 120_000 },
  );
  await page.waitForTimeout(500);
  const marks = await page.evaluate(
    () => (window as unknown as { __marks: { headline: number; lcp?: number } }).__marks,
  );
  await context.close();
  return { headline: marks.headline, lcp: marks.lcp ?? Number.NaN };
}

/** CONNECTIONS clients asking for `url` for `seconds`: requests per second and latency. */
async function loadTest(url: string, seconds: number) {
  const dispatcher = new Agent({ connections: CONNECTIONS });
  const latencies: number[] = [];
  let errors = 0;
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (performance.now() < until) {
        const started = performance.now();
        try {
          const answer = await request(url, { dispatcher, headers: { 'accept-encoding': 'br' } });
          await answer.body.arrayBuffer();
          if (answer.statusCode !== 200) errors++;
        } catch {
          errors++;
        }
        latencies.push(performance.now() - started);
      }
    }),
  );
  await dispatcher.close();
  return {
    requestsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    errors,
  };
}

function rssMegabytes(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN) / 1024;
}

const api = (document: string) =>
  JSON.parse(readFileSync(path.join(DIST, 'api', document), 'utf8')) as {
    items: { slug: string; headline: string }[];
  };

async function main() {
  const article = api('latest/1.json').items[0];
  if (!article) throw new Error('no article in dist/api: run npm run build');
  const cases = [
    { name: 'article deep link', path: `article/${article.slug}`, selector: 'h1#article-headline' },
    { name: 'front page', path: '', selector: '.front-page__lead h2, .front-page__lead h3' },
  ];
  const server = await startServer();
  const clientOnly = await startClientOnly();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    console.log(`Chromium at Fast 3G, 4x CPU; medians of ${String(RUNS)} cold loads each.`);
    for (const { name, path: appPath, selector } of cases) {
      const figures: Record<string, Load[]> = { server: [], client: [] };
      for (let run = 0; run < RUNS; run++) {
        // Alternate, so that the machine's noise falls on both alike.
        figures.server?.push(await load(browser, `${server.url}${appPath}`, selector));
        figures.client?.push(await load(browser, `${clientOnly.url}${appPath}`, selector));
      }
      const of = (which: string, key: keyof Load) =>
        median((figures[which] ?? []).map((run) => run[key]));
      const line = (key: keyof Load, label: string) =>
        `  ${label.padEnd(18)} server-rendered ${of('server', key).toFixed(0).padStart(6)} ms, client-only ${of('client', key).toFixed(0).padStart(6)} ms, ratio ${(of('server', key) / of('client', key)).toFixed(2)}`;
      console.log(`${name}:\n${line('headline', 'headline painted')}\n${line('lcp', 'LCP')}`);
    }
  } finally {
    await browser.close();
  }

  if (process.env.LIGHTHOUSE === '1') {
    console.log('\nLighthouse mobile (its own throttling: slow 4G, 4x CPU):');
    for (const { name, path: appPath } of cases) {
      for (const [label, base] of [
        ['server-rendered', server.url],
        ['client-only', clientOnly.url],
      ] as const) {
        console.log(`  ${name}, ${label}: ${await lighthouse(`${base}${appPath}`)}`);
      }
    }
  }

  server.child.kill('SIGTERM');
  // A fresh server each time: its first run starts with an empty cache, the
  // second finds it full. Once as shipped (a page rendered answers requests for
  // 5 s), once rendering every request.
  for (const keep of ['5', '0']) {
    const fresh = await startServer({ BROADSHEET_KEEP_SECONDS: keep });
    const target = `${fresh.url}article/${article.slug}`;
    console.log(
      `\nThe server (BROADSHEET_KEEP_SECONDS=${keep}), ${String(CONNECTIONS)} connections for ${String(LOAD_SECONDS)} s on ${target}:`,
    );
    const before = rssMegabytes(fresh.child.pid);
    for (const label of ['cold cache', 'warm cache']) {
      const result = await loadTest(target, LOAD_SECONDS);
      console.log(
        `  ${label}: ${result.requestsPerSecond.toFixed(0)} req/s, p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms, ${String(result.errors)} errors`,
      );
    }
    console.log(
      `  memory (RSS): ${before.toFixed(0)} MB before, ${rssMegabytes(fresh.child.pid).toFixed(0)} MB after`,
    );
    fresh.child.kill('SIGTERM');
  }
  clientOnly.server.close();
}

await main();
