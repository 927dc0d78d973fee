// Content at scale: synthetic sites of many articles (`npm run generate`),
// and the time and peak memory of the API generator on each
// (`npm run content -- --content DIR --out API --stats FILE`).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ContentSection, ContentSize } from './result.ts';

const GENERATOR = 'scripts/generate.ts';

/** `node ARGS`, its output dropped; a failure carries the end of its stderr. */
export function run(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = `${stderr}${chunk.toString('utf8')}`.slice(-2000);
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`node ${args.join(' ')} exited ${String(code)}: ${stderr.trim()}`));
    });
  });
}

function parseStats(text: string): Omit<ContentSize, 'articles' | 'generateSeconds'> {
  const raw: unknown = JSON.parse(text);
  const field = (name: string): number => {
    const value: unknown =
      typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[name] : undefined;
    if (typeof value !== 'number' || !Number.isFinite(value))
      throw new Error(`the stats file has no number "${name}"`);
    return value;
  };
  return {
    documents: field('documents'),
    seconds: field('seconds'),
    peakRssBytes: field('peakRssBytes'),
  };
}

export async function measureContent(
  sizes: readonly number[],
  progress: (line: string) => void,
): Promise<ContentSection> {
  if (!existsSync(GENERATOR))
    return { status: 'skipped', reason: `${GENERATOR} is not there yet (\`npm run generate\`).` };
  const dir = await mkdtemp(path.join(tmpdir(), 'broadsheet-bench-content-'));
  const measured: ContentSize[] = [];
  const failures: { articles: number; error: string }[] = [];
  try {
    for (const articles of sizes) {
      const content = path.join(dir, `content-${String(articles)}`);
      const api = path.join(dir, `api-${String(articles)}`);
      const stats = path.join(dir, `stats-${String(articles)}.json`);
      try {
        const started = performance.now();
        await run([GENERATOR, '--articles', String(articles), '--seed', 'bench', '--out', content]);
        const generateSeconds = (performance.now() - started) / 1000;
        await run(['scripts/content.ts', '--content', content, '--out', api, '--stats', stats]);
        const figures = parseStats(await readFile(stats, 'utf8'));
        measured.push({ articles, generateSeconds, ...figures });
        progress(
          `${articles.toLocaleString('en')} articles: generated in ${generateSeconds.toFixed(1)} s; ${figures.documents.toLocaleString('en')} API documents in ${figures.seconds.toFixed(1)} s, peak RSS ${(figures.peakRssBytes / 1e6).toFixed(0)} MB`,
        );
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        failures.push({ articles, error: message });
        progress(`${articles.toLocaleString('en')} articles: failed: ${message}`);
      } finally {
        await rm(content, { recursive: true, force: true });
        await rm(api, { recursive: true, force: true });
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return { status: 'measured', sizes: measured, failures };
}
