import { dateTimeFormat, listFormat, relativeTimeFormat } from './locale.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A date as the reader sees it, by the one rule every page, card, list and
 * widget follows (docs/design.md, "Dates"), in the site's language:
 *
 * - within 24 hours of `now`, relative: "25 minutes ago", "3 hours ago";
 *   "now" under a minute, and for a date ahead of `now` (clocks disagree);
 * - after that, the date: "8 Nov 2017" (day, short month, year);
 * - that date has the time of day ("8 Nov 2017, 09:15") only `withTime`:
 *   for a story's publication and its update alike, when it has both and
 *   they fall on the same day (`sameDay`), so that they can be told apart;
 *   never for a date alone.
 *
 * Dates are in `timeZone` (IANA name), or the reader's own when it is not
 * given.
 */
export function formatDate(
  iso: string,
  now: number,
  language: string | undefined,
  options: { withTime?: boolean; timeZone?: string | undefined } = {},
): string {
  const time = Date.parse(iso);
  const age = now - time;
  if (Math.abs(age) < DAY_MS) {
    const rtf = relativeTimeFormat(language);
    const minutes = Math.floor(age / 60_000);
    // Under a minute, or ahead of `now`.
    if (minutes < 1) return rtf.format(0, 'second');
    if (minutes < 60) return rtf.format(-minutes, 'minute');
    return rtf.format(-Math.floor(minutes / 60), 'hour');
  }
  return dateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(options.withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    // Undefined: the reader's own.
    timeZone: options.timeZone,
  }).format(time);
}

/** The full date and time, for a `<time>` element's title. */
export function formatFullDate(
  iso: string,
  language: string | undefined,
  timeZone?: string,
): string {
  return dateTimeFormat(language, {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone,
  }).format(Date.parse(iso));
}

/** Both instants fall on the same calendar day in `timeZone` (the reader's own when not given). */
export function sameDay(a: string, b: string, timeZone?: string): boolean {
  // The date as formatDate writes it (in any language: the same day reads the same).
  const day = dateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone,
  });
  return day.format(Date.parse(a)) === day.format(Date.parse(b));
}

/**
 * Build now the formatters a story's dateline and byline will ask for, so the
 * first article a reader opens does not pay for them in its click (building
 * an Intl formatter costs far more than using one). Dates in the reader's own
 * time zone, as the browser shows them once the page is its own.
 */
export function warmFormats(language: string | undefined): void {
  const iso = '2000-01-01T00:00:00Z';
  const long = Date.parse(iso) + 400 * DAY_MS;
  formatDate(iso, long, language);
  formatDate(iso, long, language, { withTime: true });
  formatDate(iso, Date.parse(iso), language);
  formatFullDate(iso, language);
  sameDay(iso, iso);
  listFormat(language);
}
