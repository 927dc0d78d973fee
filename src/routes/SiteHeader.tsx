import { lazy, Suspense, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useLocation } from 'react-router';
import { useClock } from '../components/Clock.ts';
import { dateTimeFormat } from '../news/locale.ts';
import { paths } from '../news/paths.ts';
import { isCurrent, ReaderLink } from './ReaderLink.tsx';
import { SectionLinks } from './SectionLinks.tsx';
import type { Site } from '../news/types.ts';

// Opened by few, and only once the page is in use: its code loads when it opens.
const SettingsPanel = lazy(() =>
  import('../settings/SettingsPanel.tsx').then((module) => ({ default: module.SettingsPanel })),
);

/**
 * The masthead (the site's name, today's date) and the site's sections. On a
 * phone the sections fold into one "Sections" menu (a disclosure, `<details>`:
 * it opens without JavaScript); wider, the styles show them all in a row and
 * hide the menu's button. "Display" opens the reader's settings. Either closes
 * on Escape; a section chosen closes the menu.
 */
export function SiteHeader({ site }: { site: Site }) {
  const header = useRef<HTMLElement>(null);
  const settings = useRef<HTMLDetailsElement>(null);
  // Rendered once opened (the panel is the browser's alone: the server sends it closed).
  const [settingsOpened, setSettingsOpened] = useState(false);
  const { pathname } = useLocation();
  const { now, timeZone } = useClock();
  // A menu closes when the reader goes to another page; one they opened
  // before the page came alive stays open (and the settings fill in).
  const shownPath = useRef(pathname);
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    for (const menu of header.current?.querySelectorAll('details') ?? []) menu.open = false;
  }, [pathname]);
  useEffect(() => {
    if (settings.current?.open) setSettingsOpened(true);
  }, []);
  const closeOnEscape = (event: KeyboardEvent) => {
    const open = header.current?.querySelector('details[open]');
    if (event.key !== 'Escape' || !(open instanceof HTMLDetailsElement)) return;
    open.open = false;
    open.querySelector('summary')?.focus();
  };
  const today = new Date(now);
  const inZone = timeZone ? { timeZone } : {};
  return (
    <header className="site-header" ref={header} onKeyDown={closeOnEscape}>
      <div className="site-header__inner">
        <div className="masthead">
          <ReaderLink to={paths.home()} className="site-name">
            {site.name}
          </ReaderLink>
          <time
            className="masthead__date"
            // YYYY-MM-DD, the day where the reader is (Canadian English writes dates so).
            dateTime={dateTimeFormat('en-CA', { dateStyle: 'short', ...inZone }).format(today)}
          >
            {dateTimeFormat(site.language, { dateStyle: 'full', ...inZone }).format(today)}
          </time>
        </div>
        <details
          className="settings"
          name="site-header"
          ref={settings}
          onToggle={(event) => {
            if (event.currentTarget.open) setSettingsOpened(true);
          }}
        >
          <summary>Display</summary>
          {settingsOpened && (
            <Suspense fallback={<p className="settings__panel">Loading…</p>}>
              <SettingsPanel />
            </Suspense>
          )}
        </details>
        <nav aria-label="Sections" className="site-nav">
          <details name="site-header">
            <summary>Sections</summary>
            <ul>
              <li>
                <ReaderLink
                  to={paths.listing({ kind: 'latest' })}
                  current={isCurrent(pathname, paths.listing({ kind: 'latest' }))}
                >
                  Latest
                </ReaderLink>
              </li>
              <li>
                <ReaderLink
                  to={paths.listing({ kind: 'top' })}
                  current={isCurrent(pathname, paths.listing({ kind: 'top' }))}
                >
                  Top News
                </ReaderLink>
              </li>
              <SectionLinks sections={site.sections} pathname={pathname} />
            </ul>
          </details>
        </nav>
      </div>
    </header>
  );
}
