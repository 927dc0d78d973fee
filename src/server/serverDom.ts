import { JSDOM } from 'jsdom';
import { createSanitizer, type Sanitize } from '../sanitize/sanitizer.ts';
import { provideHtmlParser } from '../sources/text.ts';

/**
 * The DOM the shared code needs on the server, from jsdom: DOMPurify's
 * authors support it (they warn that lighter imitations such as happy-dom are
 * not safe for sanitizing), and the adapters parse HTML to text with it.
 * One window for the process: both uses are synchronous and leave nothing in it.
 */
export function serverDom(): { sanitize: Sanitize } {
  const { window } = new JSDOM('<!doctype html><html><body></body></html>');
  provideHtmlParser(new window.DOMParser());
  return { sanitize: createSanitizer(window) };
}
