// The iframe form's page (/embed/feed): the one HTML shell of the file the
// widget build writes (embed/feed.html, drawn in the browser) and of the page
// the server renders. Its URLs are relative to /embed/.

/** The document's reset: its height is its content's, never the frame's (no growth loop). */
export const FRAME_CSS =
  'html,body{height:auto;min-height:0;margin:0;padding:0;background:transparent;overflow:hidden}\n';

/**
 * The page: `script` (a module beside it), `title` and `body` as HTML the
 * caller has made safe. Headlines open in the page that framed it.
 */
export function framePage({
  script,
  title = 'News',
  body = '',
}: {
  script: string;
  title?: string;
  body?: string;
}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="robots" content="noindex">
<title>${title}</title>
<base target="_top">
<link rel="stylesheet" href="frame.css">
<script type="module" src="${script}"></script>
</head>
<body>${body}</body>
</html>
`;
}
