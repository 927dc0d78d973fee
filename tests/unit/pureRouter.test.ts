import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parseSync } from 'vite';
import { describe, expect, test } from 'vitest';
import { applyRouterCuts, pureRouter, ROUTER_CUTS } from '../../scripts/vite-plugin-pure-router.ts';

// react-router's production modules, as the browser build sees them.
const require = createRequire(import.meta.url);
const production = path.join(
  path.dirname(require.resolve('react-router/package.json')),
  'dist/production',
);
const modules = readdirSync(production, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.js'))
  .map((file) => file.split(path.sep).join('/'));
const source = (file: string) => readFileSync(path.join(production, file), 'utf8');

describe('the browser build’s cuts of react-router (scripts/vite-plugin-pure-router.ts)', () => {
  test.each(ROUTER_CUTS.map((cut) => [cut.name, cut] as const))(
    'finds what it cuts in the installed release: %s',
    (_name, cut) => {
      const files = cut.file === '*' ? modules : [cut.file];
      const matching = files.filter((file) => {
        cut.pattern.lastIndex = 0;
        return cut.pattern.test(source(file));
      });
      expect(
        matching,
        `"${cut.name}" no longer matches react-router's ${cut.file}: bring the cut up to date`,
      ).not.toHaveLength(0);
    },
  );

  test('leaves every module it changes valid JavaScript', () => {
    const changed = modules.filter((file) => applyRouterCuts(file, source(file)) !== source(file));
    expect(changed).toEqual(expect.arrayContaining(['lib/router/router.js', 'lib/hooks.js']));
    for (const file of changed) {
      const { errors } = parseSync(file, applyRouterCuts(file, source(file)), {
        sourceType: 'module',
      });
      expect(errors, file).toEqual([]);
    }
  });

  test('the plugin hands each module its own path, and leaves other packages alone', () => {
    const { transform } = pureRouter();
    if (!transform || typeof transform !== 'object' || !('handler' in transform))
      throw new Error('the plugin transforms with a filtered handler');
    const filter = transform.filter?.id as RegExp;
    const id = path.join(production, 'lib/hooks.js').split(path.sep).join('/');
    expect(filter.test(id)).toBe(true);
    expect(filter.test('/app/node_modules/react-dom/cjs/react-dom-client.production.js')).toBe(
      false,
    );
    const handler = transform.handler as (code: string, id: string) => { code: string } | null;
    const result = handler.call(undefined as never, source('lib/hooks.js'), id);
    expect(result?.code).not.toMatch(/\bthis\.context\b/);
  });
});
