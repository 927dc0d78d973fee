import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './server.ts';

// A page's code is compiled on first use; on a busy two-core machine that can take seconds.
// A test has longer than that (testTimeout in vite.config.ts), so that it fails on what it waits for.
configure({ asyncUtilTimeout: 5_000 });

// jsdom does not lay out or scroll; react-router's scroll restoration calls this.
window.scrollTo = () => undefined;

beforeAll(() => {
  server.listen({ onUnhandledFrame: 'error' });
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => {
  server.close();
});
