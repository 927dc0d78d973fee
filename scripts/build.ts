// `npm run build [-- vite options]`: the site into dist/, the widget beside it, the server into
// dist-server/, then every page prerendered into dist/. Options (`--base=/news/`)
// go to both builds. Quiet: a line per step; Vite's list of every file it wrote
// comes back with `-- --logLevel info`.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const vite = ['node_modules/vite/bin/vite.js', 'build'];
const given = process.argv.slice(2);
const options = given.some((option) => option.startsWith('--logLevel') || option === '-l')
  ? given
  : [...given, '--logLevel', 'warn'];

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** Files and bytes under a folder. */
function tally(folder: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

const started = performance.now();
run([...vite, ...options]);
// The widget loads its chunks relative to itself on other sites' pages: no --base for it.
run([
  ...vite,
  '--config',
  'vite.widget.config.ts',
  ...options.filter((option) => !option.startsWith('--base')),
]);
run([...vite, '--ssr', '--outDir', 'dist-server', '--emptyOutDir', ...options]);
const site = tally('dist');
const server = tally('dist-server');
console.log(
  `Broadsheet: built the site (${String(site.files)} files, ${(site.bytes / 1e6).toFixed(1)} MB) into dist/ and the server (${String(server.files)} files) into dist-server/ in ${((performance.now() - started) / 1000).toFixed(1)} s; npm run budget gives each page's JavaScript`,
);
run(['dist-server/prerender.js']);
