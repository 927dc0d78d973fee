import { useEffect, useRef } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { paths } from '../news/paths.ts';
import type { Site } from '../news/types.ts';

/**
 * The site's name and its sections. On a phone the sections fold into one
 * "Sections" menu (a disclosure, `<details>`: it opens without JavaScript);
 * wider, the styles show them all in a row and hide the menu's button.
 */
export function SiteHeader({ site }: { site: Site }) {
  const menu = useRef<HTMLDetailsElement>(null);
  const { pathname } = useLocation();
  // A section chosen from the menu closes it.
  useEffect(() => {
    if (menu.current) menu.current.open = false;
  }, [pathname]);
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to={paths.home()} className="site-name">
          {site.name}
        </Link>
        <nav aria-label="Sections" className="site-nav">
          <details ref={menu}>
            <summary>Sections</summary>
            <ul>
              <li>
                <NavLink to={paths.listing({ kind: 'latest' })}>Latest</NavLink>
              </li>
              <li>
                <NavLink to={paths.listing({ kind: 'top' })}>Top News</NavLink>
              </li>
              {site.sections.map((section) => (
                <li key={section.slug}>
                  <NavLink to={paths.listing({ kind: 'section', slug: section.slug })}>
                    {section.name}
                  </NavLink>
                </li>
              ))}
            </ul>
          </details>
        </nav>
      </div>
    </header>
  );
}
