import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { server } from './server.ts';

const CONFIG = 'https://site.test/news/broadsheet.config.json';

function serveConfig(body: string, status = 200) {
  server.use(
    http.get(
      CONFIG,
      () => new HttpResponse(body, { status, headers: { 'Content-Type': 'application/json' } }),
    ),
  );
}

describe('loadConfig', () => {
  it('resolves a relative source URL against the config file, not the page', async () => {
    serveConfig('{ "source": { "type": "native", "url": "api" } }');
    await expect(loadConfig(CONFIG)).resolves.toEqual({
      source: { type: 'native', url: 'https://site.test/news/api/' },
    });
  });

  it('keeps an absolute source URL', async () => {
    serveConfig('{ "source": { "type": "native", "url": "https://cdn.example/news/v1/" } }');
    await expect(loadConfig(CONFIG)).resolves.toEqual({
      source: { type: 'native', url: 'https://cdn.example/news/v1/' },
    });
  });

  it('says the file is missing', async () => {
    serveConfig('Not found', 404);
    await expect(loadConfig(CONFIG)).rejects.toThrow(
      new ConfigError(CONFIG, 'The file is missing. Put it next to index.html (see the README).'),
    );
  });

  it('says the file is not JSON', async () => {
    serveConfig('{ source: native }');
    await expect(loadConfig(CONFIG)).rejects.toThrow('The file is not valid JSON.');
  });

  it('names the field that is wrong', async () => {
    serveConfig('{ "source": { "type": "rss", "url": "api/" } }');
    await expect(loadConfig(CONFIG)).rejects.toThrow(
      /“source.type”: Expected "type" to be one of native, jsonfeed, wordpress/,
    );
  });

  it('refuses a source that is not http(s)', async () => {
    serveConfig('{ "source": { "type": "native", "url": "javascript:alert(1)" } }');
    await expect(loadConfig(CONFIG)).rejects.toThrow(/only http and https/);
  });
});
