import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, or the one CHROMIUM_PATH names (see scripts/ensure-chromium.sh). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What Chromium is started with, beside headless (the bench starts it so too). */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

/** Headless Chromium; Playwright gives each launch a fresh, temporary user data dir. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS],
  });
}

/** The name of the binding the page calls for each Content-Security-Policy violation. */
const REPORT_BINDING = '__e2eReportViolation';

/**
 * Collects what must never happen in a page: uncaught errors, unhandled
 * rejections, and Content-Security-Policy violations (the page's own
 * `securitypolicyviolation` events, and Chromium's console report of them as a
 * second witness). Call before the first navigation; a test asserts the list
 * stays empty.
 */
export async function watchErrors(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) {
      errors.push(`console: ${message.text()}`);
    }
  });
  await page.exposeBinding(REPORT_BINDING, (_source, report: string) => {
    errors.push(`securitypolicyviolation: ${report}`);
  });
  // Injected by the browser itself (not an inline <script>), so the CSP does not apply to it.
  await page.addInitScript((binding: string) => {
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        const report = (window as unknown as Record<string, unknown>)[binding];
        if (typeof report !== 'function') return;
        const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : '';
        const what = event.blockedURI || 'inline';
        const sample = event.sample ? ` (${event.sample})` : '';
        (report as (text: string) => void)(
          `${event.effectiveDirective} blocked ${what}${where}${sample}`,
        );
      },
      true,
    );
  }, REPORT_BINDING);
  return errors;
}
