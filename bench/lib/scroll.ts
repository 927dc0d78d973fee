// Long listing scroll: long tasks over 50 ms while a reader scrolls through a
// listing of 10,000 loaded items. A place for the measurement, which is still
// to be written: it should fill ScrollSection's `measured` shape.
import type { ScrollSection } from './result.ts';

export function measureLongListingScroll(): Promise<ScrollSection> {
  return Promise.resolve({ status: 'not measured yet' });
}
