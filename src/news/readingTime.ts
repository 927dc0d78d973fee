/** Adult silent reading speed for non-fiction, in words per minute. */
const WORDS_PER_MINUTE = 230;

/** Words in an HTML fragment. Counting only: no markup is interpreted. */
export function countWords(html: string): number {
  return html.replace(/<[^>]*>/g, ' ').match(/[^\s]+/g)?.length ?? 0;
}

/** Estimated minutes to read so many words (at least 1). */
export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
