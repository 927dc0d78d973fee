import { spawn } from 'node:child_process';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { parseSourceChoice } from '../../src/server/sourceChoice.ts';

/** The environment a person's shell would have: without the test runner's own variables. */
function userEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST',
    ),
  );
}

/** Runs `npm run preview` on the e2e build and returns what it printed and the URL it serves. */
async function preview(env: Record<string, string>) {
  const child = spawn(
    'npm',
    [
      'run',
      'preview',
      '--',
      '--port',
      '0',
      '--outDir',
      path.relative(process.cwd(), inject('builds').root),
    ],
    // Its own process group, so that stopping it stops npm, the shell and Vite together.
    { env: { ...userEnvironment(), ...env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`preview did not start:\n${output}`));
    }, 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const found = /Local:\s+(http:\/\/\S+)/.exec(stripVTControlCharacters(output));
      if (found?.[1] && output.includes('Broadsheet:')) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
  });
  return {
    url,
    output: stripVTControlCharacters(output),
    stop: () => {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    },
  };
}

describe('choosing the source without editing a file', () => {
  it('npm run preview with BROADSHEET_SOURCE serves that source as the runtime config, and says so', async () => {
    const server = await preview({ BROADSHEET_SOURCE: 'jsonfeed:https://example.org/feed.json' });
    try {
      expect(server.output).toContain(
        'Broadsheet: reading jsonfeed news from https://example.org/feed.json',
      );
      const config: unknown = await (
        await fetch(new URL('broadsheet.config.json', server.url))
      ).json();
      expect(config).toEqual({
        source: { type: 'jsonfeed', url: 'https://example.org/feed.json' },
      });
    } finally {
      server.stop();
    }
  });

  it('without it, npm run preview serves the build’s own config and says where the news comes from', async () => {
    const server = await preview({ BROADSHEET_SOURCE: '' });
    try {
      expect(server.output).toContain(
        'Broadsheet: reading the source that dist/broadsheet.config.json names',
      );
      const config: unknown = await (
        await fetch(new URL('broadsheet.config.json', server.url))
      ).json();
      expect(config).toEqual({ source: { type: 'native', url: 'api/' } });
    } finally {
      server.stop();
    }
  });

  it('refuses a malformed choice with a message that shows the expected form', () => {
    expect(() => parseSourceChoice('rss:https://example.org/feed.xml')).toThrow(
      /is not TYPE:URL with TYPE one of native, jsonfeed, wordpress/,
    );
    expect(parseSourceChoice('wordpress:https://example.org/wp-json/')).toEqual({
      type: 'wordpress',
      url: 'https://example.org/wp-json/',
    });
  });

  it('refuses a source URL with a user name or password, without repeating it', () => {
    expect(() => parseSourceChoice('native:https://editor:s3cret@example.org/api/')).toThrow(
      /may not carry a user name or password/,
    );
    expect(() => parseSourceChoice('native:https://editor:s3cret@example.org/api/')).not.toThrow(
      /s3cret/,
    );
  });
});
