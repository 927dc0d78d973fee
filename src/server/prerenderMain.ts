// The last step of `npm run build` (see ./prerender.ts).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONFIG_FILE } from '../configFile.ts';
import { readRawConfig } from './nodeServer.ts';
import { prerenderSite } from './prerender.ts';
import { SOURCE_VARIABLE } from './sourceChoice.ts';

// Built into dist-server/, beside the site's own build in dist/.
const distDir = path.resolve(
  process.env.BROADSHEET_DIST ?? fileURLToPath(new URL('../dist/', import.meta.url)),
);
const config = readRawConfig(distDir);
// Built against another source: the site reads that one too, as its config says.
if (process.env[SOURCE_VARIABLE])
  writeFileSync(
    path.join(distDir, CONFIG_FILE),
    `${JSON.stringify({ source: config }, null, 2)}\n`,
  );
const articles = process.env.BROADSHEET_PRERENDER_ARTICLES;
if (articles !== undefined && articles !== 'all' && !/^\d+$/.test(articles)) {
  console.error(
    `BROADSHEET_PRERENDER_ARTICLES=${articles.slice(0, 40)}: expected a number of articles, or all`,
  );
  process.exit(1);
}
await prerenderSite({
  distDir,
  base: import.meta.env.BASE_URL,
  config,
  origin: process.env.BROADSHEET_ORIGIN,
  ...(articles === undefined ? {} : { articles: articles === 'all' ? Infinity : Number(articles) }),
});
