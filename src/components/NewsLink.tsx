import { createContext, useContext, type AnchorHTMLAttributes, type ReactNode } from 'react';
import { pathOf, type NewsTarget } from '../news/paths.ts';

/** A link to something the news has: what it points at goes in, the element that links to it comes out. */
export interface NewsLinkProps extends Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> {
  to: NewsTarget;
}

/** Draws the element for a NewsLink: a function of its props that calls no hooks (it may return a component that does). */
export type DrawLink = (props: NewsLinkProps) => ReactNode;

/** A plain link to the reader's own path, root-relative: what a component draws with no host around it. */
const pathLink: DrawLink = ({ to, ...props }) => <a href={pathOf(to)} {...props} />;

/**
 * The one seam between the components and whoever draws them: the reader
 * provides its router's link (client-side navigation, prefetch on intent); the
 * widget, an absolute link to the reader's page. See docs/decisions/011.
 */
export const LinkContext = createContext<DrawLink>(pathLink);

/** A link to an article, a listing or the front page, drawn by the host's link. */
export function NewsLink(props: NewsLinkProps) {
  return useContext(LinkContext)(props);
}
