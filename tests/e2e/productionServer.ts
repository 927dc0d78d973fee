import { spawn } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from './browser.ts';

export interface ProductionServer {
  /** `http://127.0.0.1:port/` */
  url: string;
  /** Every line it logged. */
  log: string[];
  close(): Promise<void>;
}

/** `npm run serve` over the test build, on a free port; `env` adds to its environment (BROADSHEET_SOURCE…). */
export async function startProductionServer(
  env: Record<string, string> = {},
): Promise<ProductionServer> {
  const builds = inject('builds');
  const child = spawn(process.execPath, [builds.server], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', BROADSHEET_DIST: builds.root, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue;
        log.push(line);
        const match = /serving (http:\/\/\S+)/.exec(line);
        if (match?.[1]) resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      reject(new Error(`the server exited (${String(code)}):\n${log.join('\n')}`));
    });
  });
  return {
    url,
    log,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => {
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}

/**
 * One file's Chromium and production server, started before its tests and
 * closed after them: call at the top of the file, read inside the tests.
 */
export function productionServerForFile(): () => { browser: Browser; server: ProductionServer } {
  let started: { browser: Browser; server: ProductionServer } | undefined;
  beforeAll(async () => {
    started = { browser: await launchBrowser(), server: await startProductionServer() };
  });
  afterAll(async () => {
    await started?.browser.close();
    await started?.server.close();
  });
  return () => {
    if (!started) throw new Error('Call productionServerForFile() at the top of the file.');
    return started;
  };
}
