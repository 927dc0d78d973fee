import { Link } from 'react-router';
import { paths } from '../news/paths.ts';
import type { Site } from '../news/types.ts';

export function SiteFooter({ site }: { site: Site }) {
  return (
    <footer className="site-footer">
      <div className="site-footer__inner">
        <p className="site-footer__name">{site.name}</p>
        {site.description && <p>{site.description}</p>}
        <ul className="site-footer__links">
          <li>
            <Link to={paths.listing({ kind: 'latest' })}>Latest News</Link>
          </li>
          <li>
            <Link to={paths.listing({ kind: 'top' })}>Top News</Link>
          </li>
          <li>
            <Link to="/embed">Embed these headlines</Link>
          </li>
        </ul>
        <p className="site-footer__credit">Read with Broadsheet, an open-source news reader.</p>
      </div>
    </footer>
  );
}
