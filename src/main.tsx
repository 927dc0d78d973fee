import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter } from 'react-router';
import { ConfigErrorScreen } from './components/ConfigErrorScreen.tsx';
import { configUrlFor, loadConfig } from './config.ts';
import { createQueryClient } from './queries/queryClient.ts';
import { AppRoot } from './routes/AppRoot.tsx';
import { createRoutes } from './routes/router.tsx';
import { createSource } from './sources/createSource.ts';
import './styles.css';

async function start(container: HTMLElement) {
  const root = createRoot(container);
  const configUrl = configUrlFor(window.location);
  try {
    const config = await loadConfig(configUrl);
    const source = createSource(config, configUrl);
    const queryClient = createQueryClient();
    // Keep the base's trailing slash: the home link must be /news/, not /news.
    const router = createBrowserRouter(createRoutes({ source, queryClient }), {
      basename: import.meta.env.BASE_URL,
    });
    root.render(
      <StrictMode>
        <AppRoot router={router} source={source} queryClient={queryClient} />
      </StrictMode>,
    );
  } catch (error) {
    root.render(<ConfigErrorScreen error={error} />);
  }
}

const container = document.getElementById('root');
if (container) void start(container);
