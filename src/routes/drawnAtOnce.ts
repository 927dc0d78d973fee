import { flushSync } from 'react-dom';
import type { DataRouter, RouterSubscriber } from 'react-router';

// A navigation the router completes on its own (its loaders done, after a
// click, a back or a timer) is drawn in that same task, before the browser
// paints, not in a task of its own after the frame the router's "loading"
// state was painted in (docs/decisions/016, stop-29 amendment). React gives an
// update the priority of the event it comes in; the router completes a
// navigation a few promise turns after the click, and from a click that a
// script (an assistive technology, a test) dispatched, that is after the event:
// the page then waited for React's scheduler, a task and a frame later.

/**
 * Has `router` hand a new location it reaches outside its own calls to React
 * at once (flushSync), in a microtask: the router finishes its own
 * bookkeeping after it tells its subscribers (which navigation is pending,
 * which history entry it writes), and a page's effect that navigates as it is
 * drawn (a listing replacing `?page=1` with its own address) must start after
 * that, not inside it. Other states it reaches on its own (a scroll position
 * to restore, set from an effect while the server's page is still being
 * hydrated) keep React's default priority: a forced update then would draw
 * parts of the page that are not hydrated yet afresh. A state it reaches
 * inside a call (`navigate()`, `revalidate()`; the browser build has no
 * fetchers, decision 018) is left to React's priority for
 * the event or effect it is called from: flushSync is not allowed inside
 * React's own rendering or effects; states still waiting for their microtask
 * are handed over first, in order. But a navigation's start, reached inside
 * `navigate()` (the page it leaves, now loading), is held until the task
 * ends: a click whose page is drawn from what the reader already has (an
 * article from its listing's summary) completes in the same task, and the
 * state that completes it, with all of the router's state in it, takes the
 * held one's place. The page it leaves was drawn again, busy, for nothing,
 * before the new one (17 ms of a click's 130 at 4x CPU, unminified). A
 * navigation that waits shows its progress a task later.
 */
export function drawnAtOnce(router: DataRouter): DataRouter {
  let calling = 0;
  const inCall = <Method extends (...args: never[]) => unknown>(method: Method): Method =>
    ((...args: Parameters<Method>) => {
      calling += 1;
      try {
        return method(...args);
      } finally {
        calling -= 1;
      }
    }) as Method;
  const subscribe = router.subscribe.bind(router);
  router.subscribe = (subscriber: RouterSubscriber) => {
    let waiting: Parameters<RouterSubscriber>[] = [];
    let location = router.state.location;
    const handOver = (states: Parameters<RouterSubscriber>[]) => {
      for (const [state, options] of states) {
        location = state.location;
        subscriber(state, options);
      }
    };
    const takeWaiting = () => {
      const states = waiting;
      waiting = [];
      return states;
    };
    let held: Parameters<RouterSubscriber> | undefined;
    return subscribe((state, options) => {
      const starting =
        calling > 0 && state.location === location && state.navigation.state !== 'idle';
      if (starting) {
        if (!held)
          setTimeout(() => {
            const start = held;
            held = undefined;
            if (start) handOver([start]);
          });
        held = [state, options];
        return;
      }
      // Whatever the router reaches next has the held state's news, and more.
      held = undefined;
      if (calling > 0) {
        handOver([...takeWaiting(), [state, options]]);
        return;
      }
      waiting.push([state, options]);
      if (waiting.length > 1) return;
      queueMicrotask(() => {
        const states = takeWaiting();
        if (states.some(([state]) => state.location !== location))
          flushSync(() => {
            handOver(states);
          });
        else handOver(states);
      });
    });
  };
  router.navigate = inCall(router.navigate.bind(router));
  router.revalidate = inCall(router.revalidate.bind(router));
  return router;
}
