import { dateTimeFormat, relativeTimeFormat } from './locale.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * "3 hours ago" within the last 24 hours, "8 Nov 2017" otherwise (with the
 * time when asked, e.g. for an update on the day), in the site's language. A
 * date in the (near) future reads as "just now" rather than "in 5 minutes":
 * clocks disagree. Dates are in `timeZone` (IANA name), or the reader's own
 * time zone when it is not given.
 */
export function formatDate(
  iso: string,
  now: number,
  language: string | undefined,
  options: { withTime?: boolean; timeZone?: string | undefined } = {},
): string {
  const time = Date.parse(iso);
  const age = now - time;
  if (age < DAY_MS && age > -DAY_MS) {
    const rtf = relativeTimeFormat(language);
    const minutes = Math.max(0, Math.floor(age / 60_000));
    if (minutes < 1) return rtf.format(0, 'second');
    if (minutes < 60) return rtf.format(-minutes, 'minute');
    return rtf.format(-Math.floor(minutes / 60), 'hour');
  }
  return dateTimeFormat(language, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    ...(options.withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
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
    ...(timeZone ? { timeZone } : {}),
  }).format(Date.parse(iso));
}

/** Both instants fall on the same calendar day in `timeZone` (the reader's own when not given). */
export function sameDay(a: string, b: string, timeZone?: string): boolean {
  const day = dateTimeFormat(undefined, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    ...(timeZone ? { timeZone } : {}),
  });
  return day.format(Date.parse(a)) === day.format(Date.parse(b));
}
