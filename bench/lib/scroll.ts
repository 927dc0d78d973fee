// Long listing scroll: a synthetic site of 10,000 articles (`npm run generate`,
// listings of 100 a page, its API by `npm run content`) behind the reader's
// static build, Latest News loaded to its end with "Load more", then scrolled
// through from top to end at each CPU rate, counting long tasks and timing
// frames. The reader renders that listing in the browser: the build
// prerendered the sample, not this site.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { applyCondition, openTab } from './browser.ts';
import { run } from './contentScale.ts';
import type { ScrollRun, ScrollSection } from './result.ts';
import { loadLongList, scrollThrough } from './scrollLongList.ts';
import { startStaticServer } from './servers.ts';

const ARTICLES = 10_000;

export async function measureLongListingScroll(
  browser: Browser,
  readerDist: string,
  rates: readonly (1 | 4)[],
  progress: (line: string) => void,
): Promise<ScrollSection> {
  const dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-bench-scroll-'));
  try {
    const content = path.join(dir, 'content');
    const api = path.join(dir, 'api');
    await run([
      'scripts/generate.ts',
      ...['--articles', String(ARTICLES), '--seed', 'scroll'],
      ...['--page-size', '100', '--out', content],
    ]);
    await run(['scripts/content.ts', '--content', content, '--out', api]);
    progress(`${ARTICLES.toLocaleString('en')} articles generated, their API written`);
    const site = await startStaticServer({
      root: readerDist,
      mounts: { 'api/': api },
      // Every address to the shell that renders in the browser, as a host
      // serving a source the build did not prerender is set up (README, "Deploy").
      fallback: 'spa',
      shell: 'fallback.html',
    });
    try {
      let loaded = { items: 0, domCards: 0 };
      const runs: ScrollRun[] = [];
      for (const cpu of rates) {
        const tab = await openTab(browser);
        try {
          // Loaded at full speed (a hundred pages), scrolled at the rate measured.
          loaded = await loadLongList(tab.page, `${site.url}latest`);
          await applyCondition(tab.cdp, { cpu, network: 'plain' });
          const scrolled = await scrollThrough(tab.page);
          runs.push({ cpu, ...scrolled });
          progress(
            `${String(cpu)}× CPU: ${String(scrolled.longTasksOver50ms)} tasks over 50 ms in ${String(scrolled.frames)} frames, frame median ${String(scrolled.frameMs.median)} ms`,
          );
        } finally {
          await tab.close();
        }
      }
      return { status: 'measured', items: loaded.items, domCards: loaded.domCards, runs };
    } finally {
      await site.close();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
