// The iframe form's page as a static host serves it (embed/feed.html, which
// loads this as embed/frame.js): the widget alone, drawn in the browser from
// the query string (feed=…&limit=…&layout=…&theme=…), on the reader's own
// site. The server renders this page itself (src/server/feedFrame.tsx).
// The widget's own entry, so that the frame loads widget.js itself, cached with every other use of it.
import './widget.ts';
import { ELEMENT_NAME } from './element.tsx';
import './frameHeight.ts';
import { ATTRIBUTES } from './options.ts';

const widget = document.createElement(ELEMENT_NAME);
const query = new URLSearchParams(location.search);
for (const name of ATTRIBUTES) {
  // Which source is the reader's own: the config next to the widget. Headlines open in the top page.
  if (name === 'source') continue;
  const value = query.get(name);
  if (value !== null) widget.setAttribute(name, value);
}
document.body.append(widget);
