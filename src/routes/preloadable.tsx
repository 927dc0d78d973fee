import { lazy, useState, type ComponentType } from 'react';

/**
 * A component whose code loads on demand (`preload`, or its first render,
 * which suspends until then). Once loaded it renders at once, with no wait
 * for React.lazy's own promise: a page whose code was warmed on hover shows
 * in the same frame as the click.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= load().then(
      (component) => (loaded = component),
      (error: unknown) => {
        // Asked again next time (the connection may be back).
        loading = undefined;
        throw error;
      },
    );
    return loading;
  };
  const Lazy = lazy(async () => ({ default: await preload() }));
  function Preloadable(props: P) {
    // Fixed for the life of this element: a component that changed type would mount afresh.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Component {...props} />;
  }
  return { Component: Preloadable, preload };
}
