import { describe, expect, inject, it } from 'vitest';
import {
  CLIENT_BUDGET_BYTES,
  measureRoutes,
  SERVER_BUDGET_BYTES,
} from '../../scripts/bundle-budget.ts';

describe('the JavaScript budget', () => {
  it('keeps every route’s JavaScript within budget: 120 kB gzip server-rendered until idle, 128 kB client-rendered before it renders', () => {
    const sizes = measureRoutes(inject('builds').root);
    for (const size of sizes) {
      console.log(
        `${size.route}: server-rendered ${(size.serverRendered / 1000).toFixed(1)} kB, client-rendered ${(size.clientRendered / 1000).toFixed(1)} kB gzip (+${(size.deferredBytes / 1000).toFixed(1)} kB beside the data)`,
      );
      expect(size.serverRendered, `${size.route}, server-rendered`).toBeLessThanOrEqual(
        SERVER_BUDGET_BYTES,
      );
      expect(size.clientRendered, `${size.route}, client-rendered`).toBeLessThanOrEqual(
        CLIENT_BUDGET_BYTES,
      );
    }
    expect(sizes).toHaveLength(3);
  });
});
