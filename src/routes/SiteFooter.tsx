import { Link } from 'react-router';
import { paths } from '../news/paths.ts';
import { SectionLinks } from './SectionLinks.tsx';
import type { Site } from '../news/types.ts';

/** The site's name, and every way on from the end of a page: its sections, feeds and own pages. */
export function SiteFooter({ site }: { site: Site }) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <div className="site-footer__about">
          <p className="site-footer__name">{site.name}</p>
          {site.description && <p>{site.description}</p>}
        </div>
        <nav aria-label="Footer" className="site-footer__nav">
          {site.sections.length > 0 && (
            <ul>
              <SectionLinks sections={site.sections} />
            </ul>
          )}
          <ul>
            <li>
              <Link to={paths.listing({ kind: 'latest' })}>Latest News</Link>
            </li>
            <li>
              <Link to={paths.listing({ kind: 'top' })}>Top News</Link>
            </li>
            <li>
              <Link to={paths.about()}>About</Link>
            </li>
            <li>
              <Link to="/embed">Embed these headlines</Link>
            </li>
          </ul>
        </nav>
        <p className="site-footer__credit">Read with Broadsheet, an open-source news reader.</p>
      </div>
    </footer>
  );
}
