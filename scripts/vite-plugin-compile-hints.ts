import type { Plugin } from 'vite';

/** V8's explicit compile hint: every function of the file is compiled as it streams in. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

/**
 * The chunks a click on a headline runs besides the entry: the source's
 * adapter and the browser's own sanitizer with its rules, all three warmed
 * once a page is idle (docs/decisions/020).
 */
export const HINTED_CHUNKS: readonly string[] = ['reader', 'nativeSanitizer', 'policy'];

/**
 * Marks the entry and HINTED_CHUNKS for eager compilation
 * (docs/decisions/021). V8 compiles a function on its first call, on the
 * main thread; a click on a headline is the first call of some 350 of them
 * (the router's navigation, React's update and unmount, the article page,
 * the reading of its document). With the hint, V8 compiles them on a
 * background thread while the file streams in, so the click runs compiled
 * code. The comment must be the file's first line: it is put there after
 * minifying.
 */
export function compileHints(): Plugin {
  return {
    name: 'broadsheet-compile-hints',
    apply: 'build',
    generateBundle: {
      // After Vite's own, which puts the map of a chunk's imports in front.
      order: 'post',
      handler(_options, bundle) {
        const chunks = Object.values(bundle).filter((output) => output.type === 'chunk');
        for (const name of HINTED_CHUNKS)
          if (!chunks.some((chunk) => chunk.name === name))
            throw new Error(
              `No \`${name}\` chunk in the build to hint (scripts/vite-plugin-compile-hints.ts)`,
            );
        for (const chunk of chunks)
          if (chunk.isEntry || HINTED_CHUNKS.includes(chunk.name))
            chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
      },
    },
  };
}
