import { Link, type LinkProps } from 'react-router';
import { useApp } from './AppContext.ts';

/** A router link that starts loading its page's data and code as soon as the reader shows intent. */
export function PrefetchLink({ to, ...props }: LinkProps & { to: string }) {
  const { prefetch } = useApp();
  const warm = () => {
    prefetch(to);
  };
  return <Link to={to} onMouseEnter={warm} onFocus={warm} onTouchStart={warm} {...props} />;
}
