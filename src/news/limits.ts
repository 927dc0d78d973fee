// The reader's limits on what a source can make it do. Every source goes
// through them (src/sources/boundedSource.ts), so no document, however large
// or odd, can freeze a page or push its layout apart. Documented in
// docs/decisions/006-limits-on-untrusted-sources.md.

export const LIMITS = {
  /** A document larger than this (bytes of JSON) is not read at all. */
  documentBytes: 8_000_000,
  /** Items the reader reads from a JSON Feed, over all its pages. */
  feedItems: 1_000,
  /** Stories shown from one page of a listing. */
  listingItems: 100,
  /** Sections a site shows in its navigation and on its front page. */
  sections: 12,
  /** Tags, authors and related stories of one story. */
  tags: 24,
  authors: 12,
  related: 12,
  /** Characters of one article body's HTML; beyond this it is cut, and says so. */
  bodyCharacters: 50_000,
  /** Characters of plain-text fields; longer text is cut at a word and ends in "…". */
  headline: 400,
  summary: 1_200,
  name: 200,
  caption: 1_200,
  siteDescription: 600,
  /** Image sizes: each side 1 to this many pixels ... */
  imageSide: 10_000,
  /** ... and neither side more than this many times the other. */
  imageAspect: 10,
} as const;

/**
 * An image's width and height, if both are plausible: whole pixels from 1 to
 * 10,000, neither side more than 10 times the other. Otherwise none, and the
 * reader lays the image out without them (it never reserves a 100,000 px gap).
 */
export function saneDimensions(
  width: number | undefined,
  height: number | undefined,
): { width: number; height: number } | undefined {
  if (width === undefined || height === undefined) return undefined;
  const side = (value: number) =>
    Number.isInteger(value) && value >= 1 && value <= LIMITS.imageSide;
  if (!side(width) || !side(height)) return undefined;
  if (Math.max(width / height, height / width) > LIMITS.imageAspect) return undefined;
  return { width, height };
}
