import { describe, expect, test } from 'vitest';
import { describeViolations, runAxe } from './axe.ts';
import { expectH1, sessionForFile, waitForSettled } from './support.ts';

const session = sessionForFile();

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
    name: 'About',
    path: () => '/about',
    h1: () => `About ${session().api.site().name}`,
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
