// `npm run build [-- vite options]`: the site into dist/, the widget beside it, the server into
// dist-server/, then every page prerendered into dist/. Options (`--base=/news/`)
// go to both builds.
import { spawnSync } from 'node:child_process';

const vite = ['node_modules/vite/bin/vite.js', 'build'];
const options = process.argv.slice(2);

function run(args: string[]): void {
  const result = spawnSync(process.execPath, args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run([...vite, ...options]);
// The widget loads its chunks relative to itself on other sites' pages: no --base for it.
run([
  ...vite,
  '--config',
  'vite.widget.config.ts',
  ...options.filter((option) => !option.startsWith('--base')),
]);
run([...vite, '--ssr', '--outDir', 'dist-server', '--emptyOutDir', ...options]);
run(['dist-server/prerender.js']);
