import { describe, expect, inject, it } from 'vitest';
import {
  CLIENT_BUDGET_BYTES,
  measureRoutes,
  SERVER_BUDGET_BYTES,
} from '../../scripts/bundle-budget.ts';

describe('the JavaScript budget', () => {
  it('keeps every route’s JavaScript within budget until idle: 120 kB gzip server-rendered and client-rendered (an article with its sanitizer)', () => {
    const sizes = measureRoutes(inject('builds').root);
    const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
    for (const size of sizes) {
      console.log(
        `${size.route}: server-rendered ${kB(size.serverRendered)}, client-rendered ${kB(size.clientUntilIdle)} gzip (${kB(size.deferredBytes)} of it beside the data; ${kB(size.fallbackDeferredBytes)} with DOMPurify instead)`,
      );
      expect(
        size.serverRendered,
        `${size.route}, server-rendered: ${kB(size.serverRendered)} against ${kB(SERVER_BUDGET_BYTES)}`,
      ).toBeLessThanOrEqual(SERVER_BUDGET_BYTES);
      expect(
        size.clientUntilIdle,
        `${size.route}, client-rendered until idle: ${kB(size.clientUntilIdle)} against ${kB(CLIENT_BUDGET_BYTES)}`,
      ).toBeLessThanOrEqual(CLIENT_BUDGET_BYTES);
    }
    expect(sizes).toHaveLength(3);
  });
});
