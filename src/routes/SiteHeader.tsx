import { Link, NavLink } from 'react-router';
import { paths } from '../news/paths.ts';
import type { Site } from '../news/types.ts';

export function SiteHeader({ site }: { site: Site }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to={paths.home()} className="site-name">
          {site.name}
        </Link>
        <nav aria-label="Sections" className="site-nav">
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
        </nav>
      </div>
    </header>
  );
}
