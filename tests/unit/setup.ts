import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from './server.ts';

// jsdom does not lay out or scroll; react-router's scroll restoration calls this.
window.scrollTo = () => undefined;

beforeAll(() => {
  server.listen({ onUnhandledFrame: 'error' });
});
afterEach(() => {
  cleanup();
  server.resetHandlers();
  document.head.querySelectorAll('[data-page-meta]').forEach((element) => {
    element.remove();
  });
});
afterAll(() => {
  server.close();
});
