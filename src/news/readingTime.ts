/** Adult silent reading speed for non-fiction, in words per minute. */
const WORDS_PER_MINUTE = 230;

/** Estimated minutes to read an HTML body (at least 1). Counting only: no markup is interpreted. */
export function readingMinutes(html: string): number {
  const text = html.replace(/<[^>]*>/g, ' ');
  const words = text.match(/[^\s]+/g)?.length ?? 0;
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
