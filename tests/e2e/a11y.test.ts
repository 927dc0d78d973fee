import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { expectH1, sessionForFile, waitForSettled } from './support.ts';

// axe-core checks each page as it is served, strict CSP included: the script
// goes in through the DevTools protocol (page.evaluate), which the page's CSP
// does not govern, so neither an inline <script> nor a CSP exemption is needed.
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

const session = sessionForFile();

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}

interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => 'axe' in window);
  if (!loaded) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<unknown> } })
      .axe;
    const results = (await axe.run(document, {
      resultTypes: ['violations'],
    })) as { violations: AxeViolation[] };
    // Plain data only (no DOM references) back to Node.
    return results.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      helpUrl: violation.helpUrl,
      nodes: violation.nodes.map((node) => ({
        target: node.target,
        html: node.html,
        ...(node.failureSummary ? { failureSummary: node.failureSummary } : {}),
      })),
    }));
  });
}

function describeViolations(where: string, violations: AxeViolation[]): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes
        .slice(0, 5)
        .map((node) => {
          const summary = (node.failureSummary ?? '').replace(/\n\s*/g, ' ');
          return `      ${JSON.stringify(node.target)}\n        ${node.html.slice(0, 200)}\n        ${summary}`;
        })
        .join('\n');
      const more =
        violation.nodes.length > 5 ? `\n      … and ${violation.nodes.length - 5} more` : '';
      return `  [${violation.impact ?? 'unknown'}] ${violation.id}: ${violation.help} (${where})\n    ${violation.helpUrl}\n${nodes}${more}`;
    })
    .join('\n');
}

interface PageCase {
  name: string;
  path: () => string;
  h1: () => string;
}

const pages: PageCase[] = [
  {
    name: 'front page',
    path: () => '/',
    h1: () => `${session().api.site().name}: front page`,
  },
  {
    name: 'article',
    path: () => `/article/${session().api.listing('top').items[0]?.slug ?? ''}`,
    h1: () => session().api.listing('top').items[0]?.headline ?? '',
  },
  {
    name: 'tag listing',
    path: () => '/tag/port-avel',
    h1: () => session().api.listing('tags/port-avel').title,
  },
  {
    name: 'Not Found',
    path: () => '/no/such/page',
    h1: () => 'Page not found',
  },
];

const widths = [1280, 320];

describe.each(pages)('$name', ({ path, h1 }) => {
  test.each(widths)(
    'at %ipx: one h1, the landmarks, and no serious or critical axe violations in light or dark',
    async (width) => {
      const page = await session().open(path(), { viewport: { width, height: 800 } });
      await expectH1(page, h1());
      await waitForSettled(page);

      // Structure a screen reader user navigates by.
      expect(await page.getByRole('heading', { level: 1 }).count(), 'h1 elements').toBe(1);
      expect(await page.getByRole('banner').count(), 'banner landmarks').toBe(1);
      expect(await page.getByRole('navigation').count(), 'navigation landmarks').toBeGreaterThan(0);
      expect(await page.getByRole('main').count(), 'main landmarks').toBe(1);
      expect(await page.getByRole('contentinfo').count(), 'contentinfo landmarks').toBe(1);

      // Nothing runs off the side of a narrow screen.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, 'horizontal overflow in px').toBeLessThanOrEqual(0);

      const problems: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        await expect
          .poll(() =>
            page.evaluate(() => window.matchMedia('(prefers-color-scheme: dark)').matches),
          )
          .toBe(colorScheme === 'dark');
        const violations = (await runAxe(page)).filter(
          (violation) => violation.impact === 'serious' || violation.impact === 'critical',
        );
        if (violations.length > 0) {
          problems.push(describeViolations(`${width}px, ${colorScheme}`, violations));
        }
      }
      if (problems.length > 0) console.log(`axe on ${path()}:\n${problems.join('\n')}`);
      expect(problems.join('\n'), 'serious or critical axe violations').toBe('');
    },
  );
});
