import { renderToStaticMarkup } from 'react-dom/server';
import { RenderedClock } from '../components/Clock.ts';
import { FRAME_THEME_SCRIPT, FRAME_THEME_SCRIPT_HASH } from '../settings/prepaint.ts';
import type { NewsSource } from '../sources/NewsSource.ts';
import { Frame, Headlines } from '../widget/FeedView.tsx';
import { framePage } from '../widget/framePage.ts';
import { ATTRIBUTES, defaultTitle, readOptions } from '../widget/options.ts';
import widgetCss from '../widget/widget.css?inline';
import { sourceErrorStatus } from './sourceStatus.ts';

// The iframe form's page (/embed/feed?feed=…&limit=…), rendered on the server:
// the same markup and styles as <broadsheet-feed>, in a declarative shadow
// root, so that the headlines are there before any script runs and no widget
// code loads at all; only the small script that reports the page's height.

export interface FeedFrameOptions {
  source: NewsSource;
  /** The reader's base path, with its trailing slash. */
  base: string;
  /** The reader's public origin; by default the request's own. */
  origin?: string | undefined;
  now?: () => number;
}

let styleHash: Promise<string> | undefined;

/** The CSP source of the widget's stylesheet, written inline into the page. */
function widgetStyleSource(): Promise<string> {
  styleHash ??= crypto.subtle
    .digest('SHA-256', new TextEncoder().encode(widgetCss))
    .then((digest) => `'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);
  return styleHash;
}

/**
 * What the frame's page may do: nothing but its own scripts (and the one
 * inline script that gives it the reader's theme, by its hash), the widget's
 * stylesheet, frame.css and pictures from anywhere; and, unlike the reader's
 * pages, be framed by any site.
 */
async function framePolicy(): Promise<string> {
  return [
    "default-src 'none'",
    `script-src 'self' ${FRAME_THEME_SCRIPT_HASH}`,
    `style-src 'self' ${await widgetStyleSource()}`,
    'img-src * data:',
    "base-uri 'none'",
    "form-action 'none'",
    'frame-ancestors *',
  ].join('; ');
}

export async function renderFeedFrame(
  request: Request,
  options: FeedFrameOptions,
): Promise<Response> {
  const url = new URL(request.url);
  // The reader's own source, always: a frame never reads one its address names.
  const { options: widget } = readOptions(
    Object.fromEntries(
      ATTRIBUTES.map((name) => [name, name === 'source' ? null : url.searchParams.get(name)]),
    ),
  );
  const policy = await framePolicy();
  const headers = {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': policy,
  };
  let site, listing;
  try {
    [site, listing] = await Promise.all([
      options.source.site(),
      options.source.listing(widget.feed, 1),
    ]);
  } catch (error) {
    // The browser tries again itself, as the widget does, with a Retry of its own.
    console.error(error);
    return new Response(framePage({ script: 'frame.js' }), {
      status: sourceErrorStatus(error),
      headers: { ...headers, 'Cache-Control': 'no-store' },
    });
  }
  const readerRoot = `${options.origin ?? url.origin}${options.base}`;
  const heading = widget.title ?? defaultTitle(widget.feed, site, listing.title) ?? 'News';
  // To the minute, as the reader's pages: the same news gives the same bytes (and ETag).
  const now = Math.floor((options.now ?? Date.now)() / 60_000) * 60_000;
  const markup = renderToStaticMarkup(
    <RenderedClock value={{ now, timeZone: 'UTC' }}>
      <Frame options={widget} heading={heading} language={site.language}>
        <Headlines options={widget} site={site} listing={listing} readerRoot={readerRoot} />
      </Frame>
    </RenderedClock>,
  );
  const body = `<broadsheet-feed><template shadowrootmode="open"><style>${widgetCss}</style>${markup}</template></broadsheet-feed><script>${FRAME_THEME_SCRIPT}</script>`;
  return new Response(
    framePage({ script: 'height.js', title: renderToStaticMarkup(<>{heading}</>), body }),
    { status: 200, headers },
  );
}
