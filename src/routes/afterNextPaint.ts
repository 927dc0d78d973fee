import { startTransition, useEffect, useState, useSyncExternalStore } from 'react';

const subscribeToNothing = () => () => undefined;

/**
 * True from the frame after the one in which `key` became what it is, so that
 * this frame paints without what it holds back; at once on the server and
 * while hydrating what the server rendered (its page already shows it all).
 */
export function useAfterNextPaint(key: string | undefined): boolean {
  const serverOrHydrating = useSyncExternalStore(
    subscribeToNothing,
    () => false,
    () => true,
  );
  const [done, setDone] = useState(serverOrHydrating ? key : undefined);
  useEffect(() => {
    if (key === undefined || done === key) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    // An animation frame's callback runs just before its frame is drawn: a
    // task queued from there runs after it.
    const later = () => {
      timer = setTimeout(() => {
        startTransition(() => {
          setDone(key);
        });
      }, 0);
    };
    let frame: number | undefined;
    // A hidden page draws no frames: nothing to wait for.
    if (document.hidden) later();
    else frame = requestAnimationFrame(later);
    return () => {
      if (frame !== undefined) cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [key, done]);
  return key !== undefined && done === key;
}
