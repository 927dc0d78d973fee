import type { MutationCache } from '@tanstack/react-query';

/**
 * The reader and the widget only read: they run no mutations. TanStack Query's
 * client builds a MutationCache of its own unless it is given one, and that
 * cache brings its Mutation (1.5 kB gzip on every page and in widget.js); in
 * the browser builds, the client's own default is cut
 * (scripts/vite-plugin-no-mutations.ts) and it is given this one, which holds
 * none. It answers every call the client makes of a cache with no mutations
 * in it; building one, the only way to add one, fails with a message that says
 * why. tests/unit/noMutations.test.ts keeps its methods those of the real one.
 */
class NoMutations {
  readonly config = {};
  readonly listeners = new Set<() => void>();

  build(): never {
    throw new Error('Broadsheet runs no mutations: see src/queries/noMutations.ts');
  }
  add(): void {}
  remove(): void {}
  canRun(): boolean {
    return true;
  }
  runNext(): Promise<unknown> {
    return Promise.resolve();
  }
  clear(): void {}
  getAll(): [] {
    return [];
  }
  find(): undefined {
    return undefined;
  }
  findAll(): [] {
    return [];
  }
  notify(): void {}
  resumePausedMutations(): Promise<unknown[]> {
    return Promise.resolve([]);
  }
  subscribe(): () => void {
    return () => undefined;
  }
  hasListeners(): boolean {
    return false;
  }
  onSubscribe(): void {}
  onUnsubscribe(): void {}
}

/** A mutation cache for a client that runs no mutations. */
export function noMutations(): MutationCache {
  // Its private fields make MutationCache nominal: this is structurally what the client uses of it.
  return new NoMutations() as unknown as MutationCache;
}
