import { lazy, Suspense, useState } from 'react';

// Its links and copy button load when the reader opens it.
const SharePanel = lazy(() =>
  import('./SharePanel.tsx').then((module) => ({ default: module.SharePanel })),
);

/**
 * "Share": the browser's own share sheet where it has one; elsewhere a panel
 * with a copy-link button and plain links to share by email or on social
 * networks (no script of theirs is loaded). `href` may be root-relative: the
 * page's own address completes it.
 */
export function Share({ href, title }: { href: string; title: string }) {
  const [opened, setOpened] = useState(false);
  const url = () => new URL(href, window.location.href).href;
  return (
    <details className="share" onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary
        onClick={(event) => {
          if (!('share' in navigator)) return;
          event.preventDefault();
          // A reader who closes the sheet without sharing is no error.
          navigator.share({ title, url: url() }).catch(() => undefined);
        }}
      >
        Share
      </summary>
      {opened && (
        <Suspense fallback={null}>
          <SharePanel url={url()} title={title} />
        </Suspense>
      )}
    </details>
  );
}
