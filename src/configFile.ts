// Where the runtime config lives (see config.ts for reading it): small, so
// the first load can know the address without the code that reads the file.

export const CONFIG_FILE = 'broadsheet.config.json';

/** Where the config lives for this build: next to index.html, under Vite's base path. */
export function configUrlFor(location: Location): string {
  return new URL(`${import.meta.env.BASE_URL}${CONFIG_FILE}`, location.href).href;
}
