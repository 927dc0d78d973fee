// Lighthouse's mobile performance run (its default: a phone's screen, simulated
// slow 4G and a 4× slower CPU), on a Chromium of our own with a fresh profile.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/e2e/browser.ts';

export interface LighthouseFigures {
  /** 0 to 1. */
  score: number;
  fcp: number;
  lcp: number;
  tbt: number;
  cls: number;
}

async function launchForLighthouse(): Promise<{ port: number; close: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), 'broadsheet-bench-lighthouse-'));
  const child = spawn(
    CHROMIUM,
    [
      ...CHROMIUM_ARGS,
      '--headless',
      '--remote-debugging-port=0',
      `--user-data-dir=${profile}`,
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let seen = '';
      child.stderr.on('data', (chunk: Buffer) => {
        seen += chunk.toString('utf8');
        const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(seen);
        if (match?.[1]) resolve(Number(match[1]));
      });
      child.once('exit', (code) => {
        reject(new Error(`Chromium exited (${String(code)}) before it listened:\n${seen}`));
      });
      setTimeout(() => {
        reject(new Error('Chromium did not open its DevTools port within 30 s'));
      }, 30_000).unref();
    });
    // Nothing else of it is read: let its log go.
    child.stderr.resume();
    return { port, close };
  } catch (error) {
    await close();
    throw error;
  }
}

export interface Lighthouse {
  run(url: string): Promise<LighthouseFigures>;
  close(): Promise<void>;
}

/** One Chromium for every run: Lighthouse opens a tab of its own for each, and clears the site's cache and storage first. */
export async function startLighthouse(): Promise<Lighthouse> {
  const chromium = await launchForLighthouse();
  return {
    async run(url) {
      const result = await lighthouse(url, {
        port: chromium.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance'],
      });
      if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
      const { lhr } = result;
      if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
      const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
      return {
        score: lhr.categories.performance?.score ?? Number.NaN,
        fcp: audit('first-contentful-paint'),
        lcp: audit('largest-contentful-paint'),
        tbt: audit('total-blocking-time'),
        cls: audit('cumulative-layout-shift'),
      };
    },
    close: () => chromium.close(),
  };
}
