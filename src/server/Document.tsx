import type { ReactNode } from 'react';
import { inlineJson } from '../inlineJson.ts';
import { STATE_ELEMENT_ID, type PageState } from '../pageState.ts';
import { PREPAINT_SCRIPT } from '../settings/prepaint.ts';
import { ShareMeta, type ShareMetaProps } from './ShareMeta.tsx';

/** The files a page needs from the client build, as URLs. */
export interface PageAssets {
  /** The entry module. */
  script: string;
  /** Modules the entry imports, fetched in parallel with it. */
  preload: string[];
  styles: string[];
  icon?: string;
}

/**
 * The whole HTML document around the reader. Rendered on the server only: the
 * browser hydrates what is inside #root. The page's own <title>, description and
 * canonical link come from the pages, which React hoists into this <head>; its
 * tags for link previews and search engines only the server writes (ShareMeta).
 */
export function Document({
  assets,
  language,
  state,
  policy,
  share,
  children,
}: {
  assets: PageAssets;
  language: string | undefined;
  /** Absent: a page that the browser renders itself (the fallback shell). */
  state: PageState | undefined;
  /** For a page served without headers (a static host): the policy, as a meta tag. */
  policy?: string | undefined;
  /** The page's Open Graph tags and JSON-LD, for link previews and search engines. */
  share?: ShareMetaProps | undefined;
  children: ReactNode;
}) {
  return (
    <html lang={language ?? 'en'}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        {policy && <meta httpEquiv="Content-Security-Policy" content={policy} />}
        {/* The reader's theme and text size, before anything paints (src/settings/prepaint.ts). */}
        <script dangerouslySetInnerHTML={{ __html: PREPAINT_SCRIPT }} />
        {assets.icon && <link rel="icon" href={assets.icon} type="image/png" />}
        {assets.styles.map((href) => (
          <link key={href} rel="stylesheet" href={href} />
        ))}
        <script type="module" src={assets.script} />
        {assets.preload.map((href) => (
          <link key={href} rel="modulepreload" href={href} />
        ))}
        {share && <ShareMeta {...share} />}
      </head>
      <body>
        <div id="root">{children}</div>
        {state && (
          <script
            type="application/json"
            id={STATE_ELEMENT_ID}
            // Data, never run; inlineJson() keeps every string from the source inside it.
            dangerouslySetInnerHTML={{ __html: inlineJson(state) }}
          />
        )}
      </body>
    </html>
  );
}
