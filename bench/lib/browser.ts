// The conditions the browser figures are taken under, and a fresh tab to take
// them in. Chromium itself (its path, its flags) is the browser tests' own,
// tests/e2e/browser.ts.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';

/** A phone's viewport, as Lighthouse's mobile run has it. */
export const VIEWPORT = { width: 412, height: 823 };

/** Chromium DevTools' "Fast 3G". */
export const FAST_3G = {
  offline: false,
  latency: 562.5,
  downloadThroughput: (1.44 * 1024 * 1024) / 8,
  uploadThroughput: (675 * 1024) / 8,
};

export interface Condition {
  cpu: 1 | 4;
  network: 'plain' | 'Fast 3G';
}

export const CONDITIONS: readonly Condition[] = [
  { cpu: 1, network: 'plain' },
  { cpu: 4, network: 'plain' },
  { cpu: 1, network: 'Fast 3G' },
  { cpu: 4, network: 'Fast 3G' },
];

export function conditionLabel(condition: Condition): string {
  return `${String(condition.cpu)}× CPU${condition.network === 'plain' ? '' : `, ${condition.network}`}`;
}

export interface Tab {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  /** Resolves once no request of the page has been in flight for `ms` (at most `timeout` later). */
  quiet(ms: number, timeout?: number): Promise<void>;
  close(): Promise<void>;
}

/** A fresh context (empty cache, storage) and page, with a DevTools session on it. */
export async function openTab(browser: Browser): Promise<Tab> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const inFlight = new Set<unknown>();
  let lastChange = performance.now();
  page.on('request', (request) => {
    inFlight.add(request);
    lastChange = performance.now();
  });
  const done = (request: unknown) => {
    inFlight.delete(request);
    lastChange = performance.now();
  };
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return {
    context,
    page,
    cdp,
    async quiet(ms, timeout = 10_000) {
      const until = performance.now() + timeout;
      while (performance.now() < until) {
        if (inFlight.size === 0 && performance.now() - lastChange >= ms) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    close: () => context.close().catch(() => undefined),
  };
}

export async function applyCondition(cdp: CDPSession, condition: Condition): Promise<void> {
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: condition.cpu });
  await cdp.send(
    'Network.emulateNetworkConditions',
    condition.network === 'Fast 3G'
      ? FAST_3G
      : { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 },
  );
}
