import { useLocation } from 'react-router';
import { paths } from '../news/paths.ts';
import { SectionLinks } from './SectionLinks.tsx';
import type { Site } from '../news/types.ts';
import { ReaderLink } from './ReaderLink.tsx';

/** The site's name, and every way on from the end of a page: its sections, feeds and own pages. */
export function SiteFooter({ site }: { site: Site }) {
  const { pathname } = useLocation();
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
              <SectionLinks sections={site.sections} pathname={pathname} />
            </ul>
          )}
          <ul>
            <li>
              <ReaderLink to={paths.listing({ kind: 'latest' })}>Latest News</ReaderLink>
            </li>
            <li>
              <ReaderLink to={paths.listing({ kind: 'top' })}>Top News</ReaderLink>
            </li>
            <li>
              <ReaderLink to={paths.about()}>About</ReaderLink>
            </li>
            <li>
              <ReaderLink to="/embed">Embed these headlines</ReaderLink>
            </li>
          </ul>
        </nav>
        <p className="site-footer__credit">Read with Broadsheet, an open-source news reader.</p>
      </div>
    </footer>
  );
}
