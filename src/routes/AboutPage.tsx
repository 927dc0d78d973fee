import { PageMeta } from '../components/PageMeta.tsx';
import { useSite } from '../components/SiteContext.ts';
import { paths } from '../news/paths.ts';
import { SectionLinks } from './SectionLinks.tsx';
import { useApp } from './AppContext.ts';
import { ReaderLink } from './ReaderLink.tsx';

/**
 * What the site is and where it leads (/about): its sections, its feeds, its
 * headlines on other sites. It needs only site.json, which the layout loaded
 * before any page, so the route has no loader of its own.
 */
export function AboutPage() {
  const site = useSite();
  const { publicOrigin, appRoot } = useApp();
  return (
    <div className="page about-page">
      <PageMeta
        title={`About ${site.name}`}
        description={
          site.description ??
          `What ${site.name} is: its sections, its feeds, and its headlines on your own site.`
        }
      />
      <link rel="canonical" href={`${publicOrigin}${appRoot}${paths.about()}`} />
      <header className="page-header">
        <h1 tabIndex={-1}>
          About <bdi>{site.name}</bdi>
        </h1>
        {site.description && <p className="standfirst">{site.description}</p>}
      </header>
      <section aria-labelledby="about-sections">
        <h2 id="about-sections">Sections</h2>
        {site.sections.length > 0 ? (
          <ul className="about-page__sections">
            <SectionLinks sections={site.sections} />
          </ul>
        ) : (
          <p>
            <bdi>{site.name}</bdi> has no sections: every story is in Latest News.
          </p>
        )}
      </section>
      <section aria-labelledby="about-feeds">
        <h2 id="about-feeds">Latest and Top News</h2>
        <ul className="about-page__feeds">
          <li>
            <ReaderLink to={paths.listing({ kind: 'latest' })}>Latest News</ReaderLink>: every
            story, newest first.
          </li>
          <li>
            <ReaderLink to={paths.listing({ kind: 'top' })}>Top News</ReaderLink>: the most
            important stories right now.
          </li>
        </ul>
      </section>
      <section aria-labelledby="about-embed">
        <h2 id="about-embed">Headlines on your site</h2>
        <p>
          Any site can show the latest headlines from <bdi>{site.name}</bdi> (all of them, or one
          section’s, tag’s, source’s or author’s) with one script tag or an iframe: the{' '}
          <ReaderLink to="/embed">embed builder</ReaderLink> lets you choose the feed and how it
          looks, shows a preview, and gives you the code to copy.
        </p>
      </section>
      <section aria-labelledby="about-reader">
        <h2 id="about-reader">This reader</h2>
        <p>
          <bdi>{site.name}</bdi> is read with Broadsheet, an open-source news reader: it shows any
          source’s news as a news site does, with a front page, listings and article pages.
        </p>
      </section>
    </div>
  );
}
