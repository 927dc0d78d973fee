import { formatDate, formatFullDate } from '../news/formatDate.ts';
import { useSite } from './SiteContext.ts';
import { useClock } from './Clock.ts';

/**
 * A date by formatDate's rule (`withTime`: beside the story's other date, on
 * the same day), its full date and time in the title.
 */
export function DateTime({ iso, withTime = false }: { iso: string; withTime?: boolean }) {
  const site = useSite();
  // Relative dates are as of when the page was shown.
  const { now, timeZone } = useClock();
  return (
    <time dateTime={iso} title={formatFullDate(iso, site.language, timeZone)}>
      {formatDate(iso, now, site.language, { withTime, timeZone })}
    </time>
  );
}
