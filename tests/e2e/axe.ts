import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

// axe-core checks each page as it is served, strict CSP included: the script
// goes in through the DevTools protocol (page.evaluate), which the page's CSP
// does not govern, so neither an inline <script> nor a CSP exemption is needed.
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}

export interface AxeViolation {
  id: string;
  impact: 'minor' | 'moderate' | 'serious' | 'critical' | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

export async function runAxe(page: Page): Promise<AxeViolation[]> {
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

export function describeViolations(where: string, violations: AxeViolation[]): string {
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
