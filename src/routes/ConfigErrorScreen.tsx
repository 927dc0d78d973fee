import { ConfigError } from '../config.ts';
import { PageMeta } from '../components/PageMeta.tsx';

/** Shown when the reader cannot even start: its runtime config is missing or wrong. */
export function ConfigErrorScreen({ error }: { error: unknown }) {
  const file = error instanceof ConfigError ? error.file : undefined;
  const problem =
    error instanceof Error ? error.message : 'An unexpected error stopped the reader.';
  return (
    <main id="main" className="page page--error config-error">
      <PageMeta
        title="This news site can’t start"
        description="Its settings file has a problem, so the reader does not know where to find the news."
      />
      <div className="error-message">
        <h1>This news site can’t start</h1>
        <p>Its settings file has a problem, so the reader does not know where to find the news.</p>
        {file && (
          <p>
            File: <code>{file}</code>
          </p>
        )}
        <p>
          Problem: <strong>{problem}</strong>
        </p>
        <p>If you run this site, fix the file and reload. If you are a reader, try again later.</p>
        <div className="error-message__actions">
          <button type="button" className="button" onClick={() => window.location.reload()}>
            Reload
          </button>
        </div>
      </div>
    </main>
  );
}
