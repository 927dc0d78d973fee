// `npm run content [-- --content DIR] [--out API] [--stats FILE]`: validate a content
// folder (content/ by default) and, with --out, write its API documents there as
// they are made. One summary line on success; --stats FILE also writes the figures
// as JSON: { articles, documents, seconds, peakRssBytes }.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ContentError, directorySink, discardSink, generateApi } from './sample-news.ts';

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined || value.startsWith('--')) {
    console.error(
      `${name} needs a value: npm run content -- [--content DIR] [--out API] [--stats FILE]`,
    );
    process.exit(2);
  }
  return value;
};
const contentDir = option('--content') ?? 'content';
const out = option('--out');
const statsFile = option('--stats');

const started = performance.now();
try {
  const { articleCount, documentCount } = await generateApi(
    path.resolve(contentDir),
    out ? directorySink(path.resolve(out)) : discardSink(),
  );
  const seconds = (performance.now() - started) / 1000;
  // maxRSS is in kilobytes.
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  if (statsFile) {
    await writeFile(
      statsFile,
      `${JSON.stringify({ articles: articleCount, documents: documentCount, seconds, peakRssBytes })}\n`,
    );
  }
  const figures = `${seconds.toFixed(1)} s, peak ${Math.round(peakRssBytes / 2 ** 20)} MB`;
  const folder = `${contentDir.replace(/\/+$/, '')}/`;
  console.log(
    out
      ? `Broadsheet: ${articleCount} articles → ${documentCount} API documents in ${out.replace(/\/+$/, '')}/ (${figures})`
      : `Broadsheet: ${folder} is valid: ${articleCount} articles, ${documentCount} API documents (${figures})`,
  );
} catch (error) {
  if (error instanceof ContentError) {
    console.error(`Content error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
