// dist/embed.js, for the iframe form: on the host page, it sizes every
// Broadsheet frame to its content. Only messages from the frame itself, from
// its own origin, count.
import { createResizer, HEIGHT_MESSAGE, MEASURE_MESSAGE, type Resizer } from './resize.ts';

const resizers = new WeakMap<HTMLIFrameElement, Resizer>();

addEventListener('message', (event: MessageEvent<unknown>) => {
  const data = event.data;
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as { type?: unknown }).type !== HEIGHT_MESSAGE
  )
    return;
  for (const frame of document.querySelectorAll('iframe')) {
    if (frame.contentWindow !== event.source) continue;
    let origin: string;
    try {
      origin = new URL(frame.src, document.baseURI).origin;
    } catch {
      return;
    }
    if (origin !== event.origin) return;
    let resizer = resizers.get(frame);
    if (!resizer) {
      resizer = createResizer();
      resizers.set(frame, resizer);
    }
    const height = resizer.next((data as { height?: unknown }).height);
    if (height !== undefined) frame.style.height = `${String(height)}px`;
    return;
  }
});

// A frame that loaded before this script ran has reported its height to no
// one: ask every frame once (only Broadsheet's answer; the message holds nothing).
for (const frame of document.querySelectorAll('iframe'))
  frame.contentWindow?.postMessage({ type: MEASURE_MESSAGE }, '*');
