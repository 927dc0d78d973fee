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
    return afterNextPaint(() => {
      startTransition(() => {
        setDone(key);
      });
    });
  }, [key, done]);
  return key !== undefined && done === key;
}

/**
 * Runs `then` in a task after the next frame is drawn (at once in a task of
 * its own on a hidden page, which draws none); returns what cancels it.
 */
export function afterNextPaint(then: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  // An animation frame's callback runs just before its frame is drawn: a
  // task queued from there runs after it.
  const later = () => {
    timer = setTimeout(then, 0);
  };
  let frame: number | undefined;
  if (document.hidden) later();
  else frame = requestAnimationFrame(later);
  return () => {
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
