// The reader's display settings (settings.ts), applied by an inline script at
// the top of every page's <head>: it runs before the first paint, so a page
// the server rendered never flashes in the wrong theme or size. Inline, it
// costs no request; the Content-Security-Policy allows it by its hash alone.
//
// It does what readSettings() and applySettings() do, in a few bytes of
// plain script: tests/unit/settings.test.ts checks the two agree on any
// stored value, and that the hash is this script's.

export const PREPAINT_SCRIPT =
  'try{var s=JSON.parse(localStorage.getItem("broadsheet:settings")),d=document.documentElement;' +
  'if(["light","dark"].indexOf(s.theme)>=0)d.dataset.theme=s.theme;' +
  'if(["small","large","largest"].indexOf(s.textSize)>=0)d.dataset.textSize=s.textSize}catch(e){}';

/** For the policy's script-src: `'sha256-…'` of PREPAINT_SCRIPT. */
export const PREPAINT_SCRIPT_HASH = "'sha256-jP9lkya6AeHMSkTZyzh3NZYHeA1nEk+z6qaMGGe5mck='";

/**
 * The same for the widget's iframe page (/embed/feed), after its element: a
 * frame on `theme="auto"` takes the reader's theme where this browser keeps
 * it, which is on the reader's own site (a frame on another site has storage
 * of its own).
 */
export const FRAME_THEME_SCRIPT =
  'try{var t=JSON.parse(localStorage.getItem("broadsheet:settings")).theme,' +
  'f=document.querySelector("broadsheet-feed").shadowRoot.querySelector(".feed[data-theme=auto]");' +
  'if(f&&(t==="light"||t==="dark"))f.dataset.theme=t}catch(e){}';

export const FRAME_THEME_SCRIPT_HASH = "'sha256-QOGqHg7XFSCNRdrsWkMaxT5SZUVSGG9dP3pa/D0QjtY='";
