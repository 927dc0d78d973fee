import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { loadConfig, type Config } from './config.ts';
import { STATE_ELEMENT_ID } from './pageState.ts';
import { createQueryClient } from './queries/queryClient.ts';
import { AppRoot } from './routes/AppRoot.tsx';
import { BootScreen } from './routes/BootScreen.tsx';
import { drawnAtOnce } from './routes/drawnAtOnce.ts';
import { loadSanitizer } from './routes/lazyModules.ts';
import { wakeIslands } from './routes/island.tsx';
import { applyStoredSettings } from './settings/settings.ts';
import { createRoutes } from './routes/router.tsx';
import { createSource } from './sources/createSource.ts';

// Keep the base's trailing slash: the home link must be /news/, not /news.
const basename = import.meta.env.BASE_URL;

/** A page the browser renders itself: no server state, or state for another page or source. */
export async function renderAfresh(container: HTMLElement, configUrl: string) {
  clearServerPage(container);
  applyStoredSettings();
  const root = createRoot(container);
  try {
    const config = await loadConfig(configUrl);
    const deps = {
      source: await createSource(config),
      queryClient: createQueryClient(),
      sanitizer: loadSanitizer,
      origin: window.location.origin,
      appRoot: basename.replace(/\/$/, ''),
      bootScreen: BootScreen,
    };
    const router = drawnAtOnce(createBrowserRouter(createRoutes(deps), { basename }));
    // Nothing here was rendered by the server: every part loads at once.
    wakeIslands();
    root.render(
      <StrictMode>
        <AppRoot deps={deps}>
          <RouterProvider router={router} useTransitions={false} />
        </AppRoot>
      </StrictMode>,
    );
  } catch (error) {
    await showStartupError(root, error);
  }
}

/**
 * A page rendered ahead of time, hydrated from the source it was built with
 * (`rendered`): when the config now names another, the page is of no use, so
 * render the right one.
 */
export async function checkConfig(
  root: Root,
  container: HTMLElement,
  rendered: Config['source'],
  configUrl: string,
) {
  let config: Config;
  try {
    config = await loadConfig(configUrl);
  } catch {
    return; // Keep the page: the config could not be read just now, and the page already works.
  }
  if (config.source.type === rendered.type && config.source.url === rendered.url) return;
  root.unmount();
  await renderAfresh(container, configUrl);
}

/** What a page rendered for another address left behind: its content and its head tags. */
function clearServerPage(container: HTMLElement) {
  container.replaceChildren();
  document.getElementById(STATE_ELEMENT_ID)?.remove();
  for (const element of document.head.querySelectorAll(
    'title, meta[name="description"], meta[property], meta[name^="twitter:"], link[rel="canonical"]',
  ))
    element.remove();
}

/** Rarely needed, so loaded only then; if even that fails, plain words say what happened. */
async function showStartupError(root: Root, error: unknown) {
  try {
    const { ConfigErrorScreen } = await import('./routes/ConfigErrorScreen.tsx');
    root.render(<ConfigErrorScreen error={error} />);
  } catch {
    root.render(
      <main>
        <h1>This news site can’t start</h1>
        <p>{error instanceof Error ? error.message : 'Its settings could not be loaded.'}</p>
      </main>,
    );
  }
}
