// `npm run content`: validate content/ and, with --out DIR, write the API documents there.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildSampleNews, ContentError } from './sample-news.ts';

const args = process.argv.slice(2);
const outIndex = args.indexOf('--out');
const out = outIndex >= 0 ? args[outIndex + 1] : undefined;

try {
  const { api, articleCount } = await buildSampleNews(path.resolve('content'));
  if (out) {
    for (const [docPath, file] of api) {
      const target = path.join(out, docPath);
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, file.body);
    }
  }
  console.log(
    `content/ is valid: ${articleCount} articles, ${api.size} documents${out ? ` written to ${out}` : ''}.`,
  );
} catch (error) {
  if (error instanceof ContentError) {
    console.error(`Content error: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
