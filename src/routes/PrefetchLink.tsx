import { Link, type LinkProps } from 'react-router';
import type { DrawLink } from '../components/NewsLink.tsx';
import { pathOf } from '../news/paths.ts';
import { useApp } from './AppContext.ts';

/** A router link that starts loading its page's data and code as soon as the reader shows intent. */
export function PrefetchLink({ to, ...props }: LinkProps & { to: string }) {
  const { prefetch } = useApp();
  const warm = () => {
    prefetch(to);
  };
  return <Link to={to} onMouseEnter={warm} onFocus={warm} onTouchStart={warm} {...props} />;
}

/** The components' links (NewsLink) in the reader: its router's, with prefetch. */
export const readerLink: DrawLink = ({ to, ...props }) => (
  <PrefetchLink to={pathOf(to)} {...props} />
);
