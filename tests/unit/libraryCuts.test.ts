import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseSync } from 'vite';
import { describe, expect, test } from 'vitest';
import {
  applyLibraryCuts,
  LIBRARY_CUTS,
  libraryCuts,
  UNUSED_CLIENT_METHODS,
} from '../../scripts/vite-plugin-library-cuts.ts';

// Each library's production modules, as the browser build sees them: by path
// under node_modules/.
const require = createRequire(import.meta.url);
const nodeModules = path.resolve(path.dirname(require.resolve('react-router/package.json')), '..');
const posix = (file: string) => file.split(path.sep).join('/');
const modulesIn = (folder: string) =>
  readdirSync(path.join(nodeModules, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .map((file) => folder + posix(file));
const filesOf = (target: string) => (target.endsWith('/') ? modulesIn(target) : [target]);
const source = (file: string) => readFileSync(path.join(nodeModules, file), 'utf8');
const everyFile = [...new Set(LIBRARY_CUTS.flatMap(({ file }) => filesOf(file)))];

describe('the browser build’s cuts of its libraries (scripts/vite-plugin-library-cuts.ts)', () => {
  test.each(LIBRARY_CUTS.map((cut) => [cut.name, cut] as const))(
    'finds what it cuts in the installed release: %s',
    (_name, cut) => {
      const matching = filesOf(cut.file).filter((file) => {
        cut.pattern.lastIndex = 0;
        return cut.pattern.test(source(file));
      });
      expect(
        matching,
        `"${cut.name}" no longer matches ${cut.file}: bring the cut up to date`,
      ).not.toHaveLength(0);
    },
  );

  test('leaves every module it changes valid JavaScript', () => {
    const changed = everyFile.filter(
      (file) => applyLibraryCuts(file, source(file)) !== source(file),
    );
    expect(changed).toEqual(
      expect.arrayContaining([
        'react-router/dist/production/lib/router/router.js',
        'react-router/dist/production/lib/hooks.js',
      ]),
    );
    for (const file of changed) {
      const { errors } = parseSync(file, applyLibraryCuts(file, source(file)), {
        sourceType: file.includes('/cjs/') ? 'commonjs' : 'module',
      });
      expect(errors, file).toEqual([]);
    }
  });

  test('the plugin hands each module its own path, and leaves other modules alone', () => {
    const { transform } = libraryCuts();
    if (!transform || typeof transform !== 'object' || !('handler' in transform))
      throw new Error('the plugin transforms with a filtered handler');
    const filter = transform.filter?.id as RegExp;
    const id = posix(path.join(nodeModules, 'react-router/dist/production/lib/hooks.js'));
    expect(filter.test(id)).toBe(true);
    expect(filter.test('/app/node_modules/react-router/dist/development/lib/hooks.js')).toBe(false);
    expect(filter.test('/app/node_modules/react-dom/cjs/react-dom-server.node.production.js')).toBe(
      false,
    );
    expect(filter.test('/app/src/routes/router.tsx')).toBe(false);
    const handler = transform.handler as (code: string, id: string) => { code: string } | null;
    const result = handler.call(
      undefined as never,
      source('react-router/dist/production/lib/hooks.js'),
      id,
    );
    expect(result?.code).not.toMatch(/\bthis\.context\b/);
  });

  test('the lint rule forbids exactly the query client methods the build cuts', () => {
    const config = readFileSync(path.resolve('eslint.config.js'), 'utf8');
    expect(config).toContain(`/^(${UNUSED_CLIENT_METHODS.join('|')})$/`);
  });
});
