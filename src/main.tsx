import { StrictMode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { configUrlFor, loadConfig } from './config.ts';
import { createQueryClient } from './queries/queryClient.ts';
import { AppRoot } from './routes/AppRoot.tsx';
import { loadSanitizer } from './routes/lazyModules.ts';
import { createRoutes, type RouterDeps } from './routes/router.tsx';
import { createSource } from './sources/createSource.ts';
import './styles.css';

async function start(container: HTMLElement) {
  const root = createRoot(container);
  const configUrl = configUrlFor(window.location);
  try {
    const config = await loadConfig(configUrl);
    const source = await createSource(config);
    const deps: RouterDeps = {
      source,
      queryClient: createQueryClient(),
      sanitizer: loadSanitizer,
      origin: window.location.origin,
      appRoot: import.meta.env.BASE_URL.replace(/\/$/, ''),
    };
    // Keep the base's trailing slash: the home link must be /news/, not /news.
    const router = createBrowserRouter(createRoutes(deps), {
      basename: import.meta.env.BASE_URL,
    });
    root.render(
      <StrictMode>
        <AppRoot deps={deps}>
          <RouterProvider router={router} />
        </AppRoot>
      </StrictMode>,
    );
  } catch (error) {
    await showStartupError(root, error);
  }
}

/** Rarely needed, so loaded only then; if even that fails, plain words say what happened. */
async function showStartupError(root: Root, error: unknown) {
  try {
    const { ConfigErrorScreen } = await import('./components/ConfigErrorScreen.tsx');
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

const container = document.getElementById('root');
if (container) void start(container);
