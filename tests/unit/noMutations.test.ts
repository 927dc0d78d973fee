import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { dehydrate, hydrate, MutationCache } from '@tanstack/react-query';
import { describe, expect, test } from 'vitest';
import { noMutationsByDefault } from '../../scripts/vite-plugin-no-mutations.ts';
import { noMutations } from '../../src/queries/noMutations.ts';
import { createQueryClient } from '../../src/queries/queryClient.ts';

/** Every method name along an object's prototype chain, up to Object's. */
function methodsOf(value: object): string[] {
  const names = new Set<string>();
  for (
    let proto = Object.getPrototypeOf(value) as object | null;
    proto && proto !== Object.prototype;
    proto = Object.getPrototypeOf(proto) as object | null
  ) {
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name !== 'constructor' && typeof (proto as Record<string, unknown>)[name] === 'function')
        names.add(name);
    }
  }
  return [...names].sort();
}

describe('the mutation cache of a client that runs no mutations', () => {
  test('has every method and field of TanStack Query’s own, as the installed release has them', () => {
    const real = new MutationCache();
    const ours = noMutations();
    expect(methodsOf(real).length).toBeGreaterThan(5);
    expect(methodsOf(ours)).toEqual(methodsOf(real));
    for (const field of Object.keys(real)) expect(ours).toHaveProperty(field);
  });

  test('answers as TanStack Query’s own does when empty, and says why when asked to build a mutation', async () => {
    const real = new MutationCache();
    const ours = noMutations();
    expect(ours.getAll()).toEqual(real.getAll());
    expect(ours.findAll({ status: 'pending' })).toEqual(real.findAll({ status: 'pending' }));
    expect(ours.find({ mutationKey: ['x'] })).toEqual(real.find({ mutationKey: ['x'] }));
    expect(await ours.resumePausedMutations()).toEqual(await real.resumePausedMutations());

    const client = createQueryClient();
    client.mount();
    expect(client.getMutationCache()).not.toBeInstanceOf(MutationCache);
    expect(client.isMutating()).toBe(0);
    await expect(client.resumePausedMutations()).resolves.toEqual([]);
    const unsubscribe = client.getMutationCache().subscribe(() => undefined);
    unsubscribe();
    expect(() => client.getMutationCache().build(client, {})).toThrow(/runs no mutations/);
    client.clear();
    client.unmount();
  });

  test('lets the server’s queries cross to the browser (dehydrate, then hydrate)', async () => {
    const server = createQueryClient();
    await server.query({ queryKey: ['site'], queryFn: () => ({ name: 'Broadsheet' }) });
    const state = dehydrate(server);
    expect(state.mutations).toEqual([]);
    const browser = createQueryClient();
    hydrate(browser, state);
    expect(browser.getQueryData(['site'])).toEqual({ name: 'Broadsheet' });
  });
});

describe('the browser builds’ cut of the client’s own mutation cache', () => {
  test('finds the line it cuts in the installed TanStack Query', () => {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('@tanstack/query-core');
    const file = path.join(path.dirname(entry), 'queryClient.js');
    const code = readFileSync(file, 'utf8');
    const { transform } = noMutationsByDefault();
    if (!transform || typeof transform !== 'object' || !('handler' in transform))
      throw new Error('the plugin transforms with a filtered handler');
    expect(transform.filter?.id).toBeInstanceOf(RegExp);
    expect((transform.filter?.id as RegExp).test(file.split(path.sep).join('/'))).toBe(true);
    const cut = (transform.handler as (code: string) => { code: string } | null).call(
      undefined as never,
      code,
    );
    expect(cut, 'the pattern no longer matches: bring the plugin up to date').not.toBeNull();
    expect(cut?.code).not.toMatch(/new MutationCache\(/);
    expect(cut?.code).toMatch(/config\.mutationCache/);
  });
});
