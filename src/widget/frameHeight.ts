// The iframe form's page tells the page that framed it how tall it is, each
// time that changes and whenever that page asks (embed.js, resize.ts). Loaded
// by the page the server renders (embed/height.js) and by the one the browser
// draws (embed/frame.js).

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
