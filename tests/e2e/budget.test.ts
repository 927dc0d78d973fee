import { describe, expect, inject, it } from 'vitest';
import { BUDGET_BYTES, measureRoutes } from '../../scripts/bundle-budget.ts';

describe('the JavaScript budget', () => {
  it('keeps every route’s first-load JavaScript within the budget (123 kB gzip)', () => {
    const sizes = measureRoutes(inject('builds').root);
    for (const size of sizes) {
      console.log(
        `${size.route}: ${(size.bytes / 1000).toFixed(1)} kB gzip (+${(size.deferredBytes / 1000).toFixed(1)} kB beside the data)`,
      );
      expect(size.bytes, size.route).toBeLessThanOrEqual(BUDGET_BYTES);
    }
    expect(sizes).toHaveLength(3);
  });
});
