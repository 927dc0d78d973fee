import {
  createContext,
  useCallback,
  useContext,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { useNavigate, type NavigateOptions } from 'react-router';
import type { DrawLink } from '../components/NewsLink.tsx';
import { pathOf } from '../news/paths.ts';
import { useApp } from './AppContext.ts';

// The reader's links (docs/decisions/016): a plain <a> whose click the router
// follows. The router's own <Link> resolves its path against the route it sits
// in and re-renders at every change of address, on every link of the page; a
// reader's link is always to an absolute path of its own, so it needs neither.

type Navigate = (to: string, options?: NavigateOptions) => void;

const NavigateContext = createContext<Navigate | null>(null);

/**
 * Gives the links below it the router's navigation: one `useNavigate` for the
 * page, not one a link. Where there is none (outside a route), links load the
 * page anew.
 */
export function ReaderNavigation({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  // The same function for as long as the router's (the links below need not render again).
  const follow = useCallback<Navigate>((to, options) => void navigate(to, options), [navigate]);
  return <NavigateContext value={follow}>{children}</NavigateContext>;
}

export interface ReaderLinkProps
  extends
    Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'>,
    Pick<NavigateOptions, 'replace' | 'preventScrollReset'> {
  /** The history entry's state (`useLocation().state` on the page it leads to). */
  state?: unknown;
  /** One of the reader's paths, from `/`: `paths.article(slug)`. */
  to: string;
  /** Warm the page's data and code when the reader shows intent (hover, focus, touch). */
  prefetch?: boolean;
  /** Marked `aria-current="page"` while the address is at or below `to` (a section, a feed). */
  current?: boolean;
}

/** A click the page should follow itself: the main button, no modifier, no other window. */
function followsHere(event: MouseEvent<HTMLAnchorElement>): boolean {
  const target = event.currentTarget.getAttribute('target');
  return (
    !event.defaultPrevented &&
    event.button === 0 &&
    (!target || target === '_self') &&
    !(event.metaKey || event.altKey || event.ctrlKey || event.shiftKey)
  );
}

/** A link to one of the reader's own pages, followed by the router. */
export function ReaderLink({
  to,
  prefetch = false,
  current = false,
  state,
  replace,
  preventScrollReset,
  onClick,
  ...props
}: ReaderLinkProps) {
  const app = useApp();
  const navigate = useContext(NavigateContext);
  const href = `${app.appRoot}${to}`;
  const warm = prefetch
    ? () => {
        app.prefetch(to);
      }
    : undefined;
  return (
    <a
      href={href}
      aria-current={current ? 'page' : undefined}
      onMouseEnter={warm}
      onFocus={warm}
      onTouchStart={warm}
      {...props}
      onClick={(event) => {
        onClick?.(event);
        if (!navigate || !followsHere(event)) return;
        event.preventDefault();
        // A click with nothing warmed (no hover, focus or touch before it): the
        // page's document is asked for now, before the router's own work.
        warm?.();
        const here = window.location.pathname + window.location.search + window.location.hash;
        // The page it is on again: in place of itself in the history, as the router's own links do.
        navigate(to, {
          state,
          replace: replace ?? here === href,
          ...(preventScrollReset && { preventScrollReset }),
        });
      }}
    />
  );
}

/** Whether the address `pathname` is at or below `to`, as a section's link is current on its pages. */
export function isCurrent(pathname: string, to: string): boolean {
  const path = to.replace(/\?.*$/s, '');
  return pathname === path || pathname.startsWith(`${path}/`);
}

/** The components' links (NewsLink) in the reader: its own, with prefetch. */
export const readerLink: DrawLink = ({ to, ...props }) => (
  <ReaderLink to={pathOf(to)} prefetch {...props} />
);

/** The router's navigation to one of the reader's paths; a page load where there is no router above. */
export function useFollow(): Navigate {
  const navigate = useContext(NavigateContext);
  const { appRoot } = useApp();
  return navigate ?? ((to) => window.location.assign(`${appRoot}${to}`));
}
