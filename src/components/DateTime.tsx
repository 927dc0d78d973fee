import { useState } from 'react';
import { formatDate, formatFullDate } from '../news/formatDate.ts';
import { useSite } from './AppContext.ts';

export function DateTime({ iso, withTime = false }: { iso: string; withTime?: boolean }) {
  const site = useSite();
  // Relative dates are as of when the page was shown.
  const [now] = useState(() => Date.now());
  return (
    <time dateTime={iso} title={formatFullDate(iso, site.language)}>
      {formatDate(iso, now, site.language, { withTime })}
    </time>
  );
}
