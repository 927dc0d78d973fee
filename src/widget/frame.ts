// The iframe form's page (embed/feed?feed=…&limit=…&layout=…&theme=…): the
// widget alone, on the reader's own site, reporting its height to the page
// that framed it.
// The widget's own entry, so that the frame loads widget.js itself, cached with every other use of it.
import './widget.ts';
import { ELEMENT_NAME } from './element.tsx';
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

// resize.ts's HEIGHT_MESSAGE and MEASURE_MESSAGE, written out: embed.js stays one file with nothing to share.
const HEIGHT_MESSAGE = 'broadsheet:height';
const MEASURE_MESSAGE = 'broadsheet:measure';

if (parent !== window) {
  let reported = -1;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === reported) return;
    reported = height;
    parent.postMessage({ type: HEIGHT_MESSAGE, height }, '*');
  };
  new ResizeObserver(report).observe(document.documentElement);
  // The parent's script may have started after the last report: it asks again.
  addEventListener('message', (event: MessageEvent<unknown>) => {
    const { data } = event;
    if (event.source !== parent || typeof data !== 'object' || data === null) return;
    if (!('type' in data) || data.type !== MEASURE_MESSAGE) return;
    reported = -1;
    report();
  });
}
