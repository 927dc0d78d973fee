// The JavaScript and CSS a page loads before it is idle, sized from the
// build's own files: gzip (zlib's default level, as the budget) and brotli
// (its default quality, 11).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { openTab } from './browser.ts';
import { settle } from './paint.ts';

export interface Sizes {
  files: number;
  gzip: number;
  brotli: number;
}

export interface PageBytes {
  js: Sizes;
  css: Sizes;
}

const sized = new Map<string, { gzip: number; brotli: number }>();

/** A file's compressed sizes, compressed once however many pages load it. */
function sizeOf(file: string): { gzip: number; brotli: number } {
  let size = sized.get(file);
  if (!size) {
    const content = readFileSync(file);
    size = {
      gzip: gzipSync(content).length,
      brotli: brotliCompressSync(content).length,
    };
    sized.set(file, size);
  }
  return size;
}

function total(files: string[]): Sizes {
  const sizes = files.map(sizeOf);
  return {
    files: files.length,
    gzip: sizes.reduce((sum, size) => sum + size.gzip, 0),
    brotli: sizes.reduce((sum, size) => sum + size.brotli, 0),
  };
}

/** Loads `url` in a fresh context, unthrottled, and sizes the scripts and stylesheets it asked for until idle. */
export async function measureBytes(
  browser: Browser,
  url: string,
  root: string,
): Promise<PageBytes> {
  const tab = await openTab(browser);
  const origin = new URL(url).origin;
  const scripts = new Set<string>();
  const styles = new Set<string>();
  tab.page.on('request', (request) => {
    const requested = new URL(request.url());
    if (requested.origin !== origin) return;
    if (request.resourceType() === 'script' || requested.pathname.endsWith('.js'))
      scripts.add(requested.pathname);
    else if (request.resourceType() === 'stylesheet' || requested.pathname.endsWith('.css'))
      styles.add(requested.pathname);
  });
  try {
    await tab.page.goto(url);
    await settle(tab, 500);
  } finally {
    await tab.close();
  }
  const file = (pathname: string) => path.join(root, decodeURIComponent(pathname));
  return {
    js: total([...scripts].map(file)),
    css: total([...styles].map(file)),
  };
}
