import { createContext, useContext, type ReactNode } from 'react';
import { formatDate, formatFullDate } from '../news/formatDate.ts';
import { useSite } from './SiteContext.ts';
import { useClock, type Clock } from './Clock.ts';

/** The clock of the dates in a list of stories (DatesClock). */
const ListClock = createContext<Clock | undefined>(undefined);

/**
 * One clock for the dates below it: one store subscription for them all, not
 * one each (decision 009). Only around what holds no island: the clock
 * changes once hydration ends, and a change of context reaching an island
 * not hydrated yet would drop its server markup.
 */
export function DatesClock({ children }: { children: ReactNode }) {
  const outer = useContext(ListClock);
  return outer ? children : <OwnClock>{children}</OwnClock>;
}

function OwnClock({ children }: { children: ReactNode }) {
  return <ListClock value={useClock()}>{children}</ListClock>;
}

interface DateTimeProps {
  iso: string;
  withTime?: boolean;
}

/**
 * A date by formatDate's rule (`withTime`: beside the story's other date, on
 * the same day), its full date and time in the title.
 */
export function DateTime(props: DateTimeProps) {
  const site = useSite();
  const clock = useContext(ListClock);
  return clock ? (
    drawDate(props, site.language, clock)
  ) : (
    <DateOnItsOwnClock {...props} language={site.language} />
  );
}

/** A date outside any DatesClock, with a store of its own. */
function DateOnItsOwnClock({
  language,
  ...props
}: DateTimeProps & { language: string | undefined }) {
  return drawDate(props, language, useClock());
}

function drawDate(
  { iso, withTime = false }: DateTimeProps,
  language: string | undefined,
  clock: Clock,
) {
  // Relative dates are as of when the page was shown.
  const { now, timeZone } = clock;
  return (
    <time dateTime={iso} title={formatFullDate(iso, language, timeZone)}>
      {formatDate(iso, now, language, { withTime, timeZone })}
    </time>
  );
}
