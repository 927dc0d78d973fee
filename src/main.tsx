import { hydrate } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { createBrowserRouter, matchRoutes, RouterProvider, type RouteObject } from 'react-router';
import { RenderedClock } from './components/Clock.ts';
import type { Config } from './config.ts';
import { configUrlFor } from './configFile.ts';
import { readPageState, routerHydration, STATE_ELEMENT_ID, type PageState } from './pageState.ts';
import { createQueryClient } from './queries/queryClient.ts';
import { AppRoot } from './routes/AppRoot.tsx';
import { loadSanitizer } from './routes/lazyModules.ts';
import { drawnAtOnce } from './routes/drawnAtOnce.ts';
import { deferIslands, wakeIslands } from './routes/island.tsx';
import { createRoutes, type RouterDeps } from './routes/router.tsx';
import { lazySource } from './sources/lazySource.ts';
import { nativeLayout } from './sources/nativeLayout.ts';
import './styles.css';

// Keep the base's trailing slash: the home link must be /news/, not /news.
const basename = import.meta.env.BASE_URL;

async function start(container: HTMLElement) {
  const configUrl = configUrlFor(window.location);
  const state = readPageState(document);
  if (state && rendersHere(state)) {
    // A page rendered ahead of time names the source it was built with; the
    // config may name another by now. It is asked while the page hydrates, and
    // only when it names another does the code that reads a config and a
    // source load (a third of the page's own code).
    const rendered = state.prerendered ? stateConfig(state, configUrl).source : undefined;
    const same = rendered && stillNames(configUrl, rendered);
    try {
      const root = await hydratePage(container, state, configUrl);
      void same?.then(async (yes) => {
        if (yes || !rendered) return;
        const module = await import('./renderAfresh.tsx');
        await module.checkConfig(root, container, rendered, configUrl);
      });
      return;
    } catch (error) {
      console.warn('Broadsheet: rendering the page afresh', error);
    }
  }
  await renderAfresh(container, configUrl);
}

export /** The page was rendered for this address (a static host may add a trailing slash). */
function rendersHere(state: PageState): boolean {
  if (state.path === '*') return true;
  const trim = (path: string) => path.replace(/(.)\/+(\?|$)/, '$1$2');
  return trim(state.path) === trim(window.location.pathname + window.location.search);
}

function depsFor(source: RouterDeps['source']): RouterDeps {
  return {
    source,
    queryClient: createQueryClient(),
    sanitizer: loadSanitizer,
    origin: window.location.origin,
    appRoot: basename.replace(/\/$/, ''),
  };
}

function stateConfig(state: PageState, configUrl: string): Config {
  return { source: { type: state.source.type, url: new URL(state.source.url, configUrl).href } };
}

/**
 * Take over the page the server rendered: the same source (known by the same
 * identity, so its cached documents are the server's), the cache and router
 * state it rendered with, the code of the page's routes loaded first, and the
 * server's clock while hydrating, so every node comes out as it was sent.
 */
async function hydratePage(container: HTMLElement, state: PageState, configUrl: string) {
  const config = stateConfig(state, configUrl);
  const source = lazySource(
    state.source.id,
    () => import('./sources/createSource.ts').then((module) => module.createSource(config)),
    // The native format's documents are where its layout says: asked for beside the adapter.
    config.source.type === 'native' ? nativeLayout(config.source.url) : undefined,
  );
  const deps = { ...depsFor(source), publicOrigin: state.publicOrigin };
  // Fresh as of now: the page was just delivered, its documents with it.
  const now = Date.now();
  hydrate(deps.queryClient, {
    ...state.queries,
    queries: state.queries.queries.map((query) => ({
      ...query,
      state: { ...query.state, dataUpdatedAt: now },
    })),
  });
  const routes = createRoutes(deps);
  await loadMatchedRoutes(routes);
  const router = drawnAtOnce(
    createBrowserRouter(routes, { basename, hydrationData: routerHydration(state) }),
  );
  document.getElementById(STATE_ELEMENT_ID)?.remove();
  // Parts of the page that wait for the reader (islands) wake at the first navigation.
  deferIslands();
  const stopWaiting = router.subscribe(() => {
    stopWaiting();
    wakeIslands();
  });
  return hydrateRoot(
    container,
    <StrictMode>
      <AppRoot deps={deps}>
        <RenderedClock value={state.clock}>
          <RouterProvider router={router} useTransitions={false} />
        </RenderedClock>
      </AppRoot>
    </StrictMode>,
  );
}

/**
 * The config names `source` exactly as the page was rendered with, or could
 * not be read just now (the page then stays: it works). Anything else, even a
 * file that names the same source in other words, goes to the full reading
 * (renderAfresh's checkConfig), which decides.
 */
function stillNames(configUrl: string, source: Config['source']): Promise<boolean> {
  return fetch(configUrl)
    .then((response) => response.json() as Promise<{ source?: { type?: unknown; url?: unknown } }>)
    .then(
      ({ source: named }) =>
        named?.type === source.type &&
        typeof named.url === 'string' &&
        new URL(named.url, configUrl).href === source.url,
    )
    .catch(() => true);
}

/** The code of every route this address shows, in place before hydrating (a lazy route would render nothing yet). */
async function loadMatchedRoutes(routes: RouteObject[]) {
  const matches = matchRoutes(routes, window.location, basename) ?? [];
  await Promise.all(
    matches.map(async ({ route }) => {
      const { lazy } = route;
      if (!lazy || typeof lazy === 'function') return;
      const entries = Object.entries(lazy) as [keyof typeof lazy, () => Promise<unknown>][];
      const loaded = await Promise.all(entries.map(async ([key, load]) => [key, await load()]));
      Object.assign(route, Object.fromEntries(loaded), { lazy: undefined });
    }),
  );
}

/** A page the browser renders itself, in code of its own: a page the server rendered needs none of it. */
async function renderAfresh(container: HTMLElement, configUrl: string) {
  const { renderAfresh: render } = await import('./renderAfresh.tsx');
  await render(container, configUrl);
}

const container = document.getElementById('root');
if (container) void start(container);
