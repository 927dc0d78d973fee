import { lazy, memo, Suspense, useEffect, useRef, type ComponentType, type JSX } from 'react';

// A page the server rendered shows all of itself at once; some parts of it
// (the lists beside an article) need no code until the reader reaches for
// them. Such a part is an island: it hydrates when the reader's pointer or
// focus comes to it, or at the first navigation, and in the meantime shows the
// server's markup, its links plain links. Anywhere else (a page the browser
// renders, a navigation, the server) its code loads at once. See
// docs/decisions/014.

let deferring = false;
let wakeAll: () => void = () => undefined;
const navigated = new Promise<void>((resolve) => {
  wakeAll = resolve;
});

/** Before hydrating a page the server rendered: its islands wait to be reached. */
export function deferIslands() {
  deferring = true;
}

/** Wake every island still waiting, and load new ones at once from now on (a navigation). */
export function wakeIslands() {
  deferring = false;
  wakeAll();
}

/** Events that say the reader reaches for a part of the page. */
const REACHING = ['pointerover', 'pointerdown', 'focusin'];

/**
 * A component whose code loads on its own, late where the server rendered it.
 * It renders inside an element with `display: contents`, so that it lays out
 * as its children would.
 */
export function island<P extends object>(load: () => Promise<ComponentType<P>>) {
  let wake: () => void = () => undefined;
  const reached = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const Lazy = lazy(async () => {
    if (deferring && !import.meta.env.SSR) await Promise.race([reached, navigated]);
    return { default: await load() };
  });
  function Island(props: P) {
    const ref = useRef<HTMLDivElement>(null);
    useEffect(() => {
      // Heard before React's own listeners: React stops events meant for markup it
      // has not hydrated yet from reaching anything around that markup.
      const reach = (event: Event) => {
        if (ref.current?.contains(event.target as Node)) wake();
      };
      for (const type of REACHING) window.addEventListener(type, reach, true);
      return () => {
        for (const type of REACHING) window.removeEventListener(type, reach, true);
      };
    }, []);
    return (
      <div ref={ref} className="island">
        <Suspense>
          <Lazy {...(props as P & JSX.IntrinsicAttributes)} />
        </Suspense>
      </div>
    );
  }
  // An update to markup React has not hydrated yet would make it drop that
  // markup and show the fallback: the island renders again only when its own props change.
  return memo(Island);
}
