import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import { startStaticServer, type StaticServer } from './staticServer.ts';

/** The reader's build on one origin and host pages on another, as a partner site embeds the widget. */
export interface WidgetHosts {
  /** The reader's site: lets other sites load its widget and read its news (CORS). */
  reader: StaticServer;
  host: StaticServer;
  /**
   * Write a host page `/{name}.html` and give its URL: `body`, and in its
   * head `head` and (unless `widget` is false) the widget's script tag from
   * `from` (default: the reader). `headers` go with its response.
   */
  page(
    name: string,
    body: string,
    options?: { head?: string; headers?: Record<string, string>; from?: string; widget?: boolean },
  ): string;
  /** Write another file of the host site (a stylesheet), at `/{name}`. */
  file(name: string, content: string): void;
  close(): Promise<void>;
}

export async function startWidgetHosts(): Promise<WidgetHosts> {
  // As a static host serves it: /embed/feed from embed/feed.html.
  const reader = await startStaticServer({
    root: inject('builds').root,
    pages: true,
    headers: { 'Access-Control-Allow-Origin': '*' },
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'broadsheet-host-'));
  // Its own icon, so that the browser's request for one answers 200.
  writeFileSync(
    path.join(dir, 'favicon.svg'),
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>',
  );
  const host = await startStaticServer({ root: dir });
  return {
    reader,
    host,
    page(name, body, { head = '', headers, from = reader.url, widget = true } = {}) {
      const script = widget ? `<script type="module" src="${from}widget.js"></script>` : '';
      const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host ${name}</title><link rel="icon" href="/favicon.svg">${head}${script}</head><body>${body}</body></html>`;
      writeFileSync(path.join(dir, `${name}.html`), html);
      if (headers)
        host.fault(`/${name}.html`, {
          body: html,
          headers: { ...headers, 'Content-Type': 'text/html' },
        });
      return `${host.url}${name}.html`;
    },
    file(name, content) {
      writeFileSync(path.join(dir, name), content);
    },
    async close() {
      await reader.close();
      await host.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
