// The builds the bench measures, in a folder of its own (never dist/, which
// others read): the reader as `npm run build` makes it, and the floor.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export const BUILD_DIR = path.resolve('bench/.build');

export interface Builds {
  /** Holds `dist/` and `dist-server/`, as `npm run build` leaves them. */
  reader: string;
  readerDist: string;
  floorDist: string;
}

export function builds(root = BUILD_DIR): Builds {
  return {
    reader: path.join(root, 'reader'),
    readerDist: path.join(root, 'reader', 'dist'),
    floorDist: path.join(root, 'floor'),
  };
}

const VITE = path.resolve('node_modules/vite/bin/vite.js');

/** Runs a Node script quietly; its output is shown only when it fails. */
function node(args: string[], env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer) => {
      output = `${output}${chunk.toString('utf8')}`.slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`node ${args.join(' ')} failed (${String(code)}):\n${output}`));
    });
  });
}

/** `vite build` with warnings and errors only, and `args` after. */
function viteBuild(args: string[]): Promise<void> {
  return node([VITE, 'build', '--logLevel', 'warn', ...args]);
}

/**
 * The steps of scripts/build.ts with another outDir: the site, the widget
 * beside it, the server beside that, then every page prerendered.
 */
export async function buildReader(target: Builds, step: (what: string) => void): Promise<void> {
  const dist = target.readerDist;
  const server = path.join(target.reader, 'dist-server');
  step('reader: site');
  await viteBuild(['--outDir', dist, '--emptyOutDir']);
  step('reader: widget');
  await viteBuild(['--config', 'vite.widget.config.ts', '--outDir', dist]);
  step('reader: server');
  await viteBuild(['--ssr', '--outDir', server, '--emptyOutDir']);
  step('reader: prerendering');
  await node([path.join(server, 'prerender.js')], { BROADSHEET_DIST: dist });
}

export async function buildFloor(target: Builds): Promise<void> {
  await viteBuild(['--config', 'bench/floor/vite.config.ts', '--outDir', target.floorDist]);
}

export function haveBuilds(target: Builds): boolean {
  return (
    existsSync(path.join(target.readerDist, 'index.html')) &&
    existsSync(path.join(target.reader, 'dist-server', 'node.js')) &&
    existsSync(path.join(target.floorDist, 'index.html'))
  );
}
