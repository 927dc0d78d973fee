import { createSanitizer } from './sanitizer.ts';

// Loaded on demand, with DOMPurify: only an article that the browser fetches
// itself needs it (one rendered on the server arrives sanitized). Exported for
// the browser tests too, which put thousands of payloads through it.
export const sanitizeBody = createSanitizer(window);
