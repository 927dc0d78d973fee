// `npm run serve`: the production server (see ./nodeServer.ts).
import { fileURLToPath } from 'node:url';
import { main } from './nodeServer.ts';

// This file is built into dist-server/, beside the site's own build in dist/.
await main(fileURLToPath(new URL('../dist/', import.meta.url)));
