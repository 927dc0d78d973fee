// `npm run bench [-- options]`: builds the reader and the floor (a bare SPA on
// the same libraries, bench/floor/) into bench/.build/, measures both, and
// writes the figures as JSON (--out) and a Markdown summary to stdout.
// Progress goes to stderr. See README.md, "Benchmark", and `--help`.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { measureWidget } from '../scripts/bundle-budget.ts';
import { launchBrowser } from '../tests/e2e/browser.ts';
import { CONDITIONS, conditionLabel, type Condition } from './lib/browser.ts';
import { buildFloor, buildReader, builds, haveBuilds } from './lib/build.ts';
import { measureBytes, type PageBytes } from './lib/bytes.ts';
import { measureContent } from './lib/contentScale.ts';
import { measureHeap } from './lib/heap.ts';
import { startLighthouse, type Lighthouse, type LighthouseFigures } from './lib/lighthouse.ts';
import { formatRatio, formatValue, toMarkdown } from './lib/markdown.ts';
import { parseOptions, USAGE, type Section } from './lib/options.ts';
import { measureClick, measureLoad } from './lib/paint.ts';
import {
  definePages,
  firstParagraph,
  normal,
  type MeasuredPages,
  type PageCase,
  type PageName,
} from './lib/pages.ts';
import { note, runSteps, type Step } from './lib/progress.ts';
import {
  row,
  SUBJECTS,
  type BenchResult,
  type Row,
  type Subject,
  type Table,
} from './lib/result.ts';
import { measureLongListingScroll } from './lib/scroll.ts';
import { startProductionServer, startStaticServer, type Running } from './lib/servers.ts';
import { median, ratio, rotate } from './lib/stats.ts';
import { loadTest } from './lib/throughput.ts';

if (process.argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
const options = parseOptions(process.argv.slice(2));
const HOVER_MS = 300;
const started = performance.now();
const target = builds();

function commit(): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
    }).trim();
    return dirty ? `${hash} (with uncommitted changes)` : hash;
  } catch {
    return 'unknown';
  }
}

const result: BenchResult = {
  schema: 1,
  startedAt: new Date().toISOString(),
  seconds: 0,
  machine: `${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${String(availableParallelism())} cores, Node ${process.version}`,
  commit: commit(),
  options: {
    runs: options.runs,
    lighthouseRuns: options.lighthouseRuns,
    heapNavigations: options.heapNavigations,
    loadSeconds: options.loadSeconds,
    connections: options.connections,
    hoverMs: HOVER_MS,
    quick: options.quick,
  },
  tables: [],
  widget: null,
  server: [],
  content: { status: 'skipped', reason: 'not asked for (--only).' },
  scroll: { status: 'skipped', reason: 'not asked for (--only).' },
  warnings: [],
};

// ---------------------------------------------------------------------------

interface World {
  servers: Record<Subject, Running>;
  browser: Browser;
  lighthouse: Lighthouse;
}

const world: Partial<World> = {};
const need = <K extends keyof World>(key: K): World[K] => {
  const value = world[key];
  if (value === undefined) throw new Error(`${key} is not ready: an earlier step failed`);
  return value;
};
// Read from the build's API once, when a step first needs them (after the build).
let measuredPages: MeasuredPages | undefined;
const samplePages = () => (measuredPages ??= definePages(target.readerDist));
const url = (subject: Subject, appPath: string) => `${need('servers')[subject].url}${appPath}`;
const wants = (section: Section) => options.only.includes(section);

/** One line of medians for the progress: `server 512 ms (1.21×), static …, floor 423 ms`. */
function summary(runs: Partial<Record<Subject, number[]>>): string {
  const floor = median(runs.floor ?? []);
  return SUBJECTS.filter((subject) => runs[subject])
    .map((subject) => {
      const value = median(runs[subject] ?? []);
      return subject === 'floor'
        ? `floor ${formatValue(value, 'ms')}`
        : `${subject} ${formatValue(value, 'ms')} (${formatRatio(ratio(value, floor))})`;
    })
    .join(', ');
}

/** Each run visits every entry (a subject, say), starting with a different one each time. */
async function alternate<T>(
  entries: readonly T[],
  each: (entry: T) => Promise<void>,
  runs = options.runs,
): Promise<void> {
  for (let run = 0; run < runs; run++) {
    for (const entry of rotate(entries, run)) await each(entry);
  }
}

const steps: Step[] = [];

/** Does `work`; what the progress shows of it is how long it took. */
async function timed(work: () => Promise<void>): Promise<string> {
  const t = performance.now();
  await work();
  return `${((performance.now() - t) / 1000).toFixed(0)} s`;
}

if (options.build || !haveBuilds(target)) {
  steps.push(
    {
      label: 'build the reader into bench/.build/reader',
      run: () =>
        timed(() =>
          buildReader(target, (what) => {
            note(what);
          }),
        ),
    },
    {
      label: 'build the floor into bench/.build/floor',
      run: () => timed(() => buildFloor(target)),
    },
  );
}

const browserSections = (['bytes', 'paint', 'heap', 'lighthouse', 'scroll'] as const).some(wants);
if (browserSections) {
  steps.push({
    label: 'start the servers and Chromium',
    run: async () => {
      const server = await startProductionServer(target.reader);
      const files = await startStaticServer({ root: target.readerDist, fallback: 'pages' });
      const floor = await startStaticServer({
        root: target.floorDist,
        mounts: { 'api/': path.join(target.readerDist, 'api') },
        fallback: 'spa',
      });
      world.servers = { server, static: files, floor };
      world.browser = await launchBrowser();
      // Chromium's own first start is not the pages' to pay for.
      await measureLoad(world.browser, url('floor', ''), pageCase('front page').floorWatch, {
        cpu: 1,
        network: 'plain',
      }).catch(() => Number.NaN);
      return `server ${server.url}, static ${files.url}, floor ${floor.url}`;
    },
  });
}

const pageNames: PageName[] = ['front page', 'article', 'listing'];
const pageCase = (name: PageName) => {
  const found = samplePages().pages.find((page) => page.name === name);
  if (!found) throw new Error(`no page ${name}`);
  return found;
};
const pathOf = (page: PageCase, subject: Subject) =>
  subject === 'floor' ? page.floorPath : page.path;

// JavaScript and CSS before idle.
if (wants('bytes')) {
  const bytesTable: Table = {
    id: 'bytes',
    title: 'JavaScript and CSS loaded before idle',
    note: "What each page asked for until its network was quiet for 500 ms and its main thread idle (no hover, no scroll), sized from the build: gzip at zlib's default level, brotli at quality 11. The floor's feed stands for the front page and the listing.",
    rows: [],
  };
  result.tables.push(bytesTable);
  for (const name of pageNames) {
    steps.push({
      label: `${name}: JS and CSS before idle`,
      run: async () => {
        const page = pageCase(name);
        const measured: Partial<Record<Subject, PageBytes>> = {};
        for (const subject of SUBJECTS) {
          measured[subject] = await measureBytes(
            need('browser'),
            url(subject, pathOf(page, subject)),
            subject === 'floor' ? target.floorDist : target.readerDist,
          );
        }
        const of = (pick: (bytes: PageBytes) => number) =>
          Object.fromEntries(
            SUBJECTS.map((subject) => [
              subject,
              [measured[subject] ? pick(measured[subject]) : Number.NaN],
            ]),
          ) as Record<Subject, number[]>;
        for (const kind of ['js', 'css'] as const) {
          for (const encoding of ['gzip', 'brotli'] as const) {
            bytesTable.rows.push(
              row(
                `${name}: ${kind.toUpperCase()} ${encoding}`,
                'bytes',
                of((bytes) => bytes[kind][encoding]),
              ),
            );
          }
        }
        const kB = (subject: Subject) =>
          `${subject} ${((measured[subject]?.js.gzip ?? Number.NaN) / 1000).toFixed(1)} kB JS gzip (${String(measured[subject]?.js.files ?? 0)} files)`;
        return SUBJECTS.map(kB).join(', ');
      },
    });
  }
}

// Paint: loads, then clicks.
if (wants('paint')) {
  const loadTable: Table = {
    id: 'load',
    title: 'Load to the first headline painted',
    note: `From navigation start to the frame that paints the page's first headline (an article's own), in a fresh context (empty cache) at a 412 × 823 viewport, medians of ${String(options.runs)}. The floor renders in the browser only: its feed stands for the front page and the listing, loaded once a run for both, in turn with them.`,
    rows: [],
  };
  const clickTable: Table = {
    id: 'click',
    title: 'Click on a headline to the article painted',
    note: `From the click on a headline (the second of Top News on the front page, or of the listing) to the frames that paint the article's headline and first paragraph, client-side. ${options.clickFrom.length > 1 ? '' : `Clicked on the ${options.clickFrom.join('')} only (\`--click-from front,listing\` for both). `}The page clicked from loads unthrottled and settles; CPU and network conditions apply from then on. "hover first": the pointer rests on the link ${String(HOVER_MS)} ms before clicking; without, the click comes with no pointer over the link before it, as from a tap. Medians of ${String(options.runs)}; the floor is clicked from its feed.`,
    rows: [],
  };
  result.tables.push(loadTable, clickTable);
  // The front page and the listing in one step, so that the floor's feed, which
  // stands for both, is loaded once a run; the article in another.
  const loadRowOrder = pageNames.flatMap((name) =>
    CONDITIONS.map((condition) => `${name}, ${conditionLabel(condition)}`),
  );
  for (const group of [['front page', 'listing'], ['article']] as const) {
    for (const condition of CONDITIONS) {
      const label = `${group.join(' and ')} load ${conditionLabel(condition)}`;
      steps.push({
        label,
        run: async () => {
          const pages = group.map(pageCase);
          const entries = [
            ...pages.flatMap((page) =>
              (['server', 'static'] as const).map((subject) => ({ subject, page })),
            ),
            { subject: 'floor' as const, page: pages[0] ?? pageCase('article') },
          ];
          const runs = new Map<string, number[]>();
          const key = (subject: Subject, page: PageCase) =>
            subject === 'floor' ? `floor ${page.floorPath}` : `${subject} ${page.name}`;
          await alternate(entries, async ({ subject, page }) => {
            const measured = await measureLoad(
              need('browser'),
              url(subject, pathOf(page, subject)),
              subject === 'floor' ? page.floorWatch : page.watch,
              condition,
            ).catch((error: unknown) => {
              result.warnings.push(`${label}, ${subject} ${page.name}: ${String(error)}`);
              return Number.NaN;
            });
            runs.set(key(subject, page), [...(runs.get(key(subject, page)) ?? []), measured]);
          });
          const lines: string[] = [];
          for (const page of pages) {
            const figures = {
              server: runs.get(key('server', page)) ?? [],
              static: runs.get(key('static', page)) ?? [],
              floor: runs.get(key('floor', page)) ?? [],
            };
            loadTable.rows.push(row(`${page.name}, ${conditionLabel(condition)}`, 'ms', figures));
            lines.push(`${page.name}: ${summary(figures)}`);
          }
          loadTable.rows.sort(
            (a, b) => loadRowOrder.indexOf(a.label) - loadRowOrder.indexOf(b.label),
          );
          return lines.join('; ');
        },
      });
    }
  }
  for (const from of options.clickFrom) {
    for (const condition of CONDITIONS) {
      for (const hover of [false, true]) {
        const label = `${from} → article, ${conditionLabel(condition)}${hover ? ', hover first' : ''}`;
        steps.push({
          label: `click ${label}`,
          run: async () => clickStep(from, condition, hover, label, clickTable),
        });
      }
    }
  }
}

async function clickStep(
  from: 'front page' | 'listing',
  condition: Condition,
  hover: boolean,
  label: string,
  table: Table,
): Promise<string> {
  const clicked = samplePages().clicked.find((entry) => entry.from.name === from);
  if (!clicked) throw new Error(`nothing to click on the ${from}`);
  const headline: Record<Subject, number[]> = { server: [], static: [], floor: [] };
  const paragraph: Record<Subject, number[]> = { server: [], static: [], floor: [] };
  await alternate(SUBJECTS, async (subject) => {
    const measured = await measureClick(need('browser'), {
      url: url(subject, pathOf(clicked.from, subject)),
      headline: normal(clicked.story.headline),
      paragraphHtml: firstParagraph(clicked.story.body ?? ''),
      condition,
      hoverMs: hover ? HOVER_MS : 0,
    }).catch((error: unknown) => {
      result.warnings.push(`click ${label}, ${subject}: ${String(error)}`);
      return { headline: Number.NaN, paragraph: Number.NaN, sameDocument: true };
    });
    if (!measured.sameDocument)
      result.warnings.push(`click ${label}, ${subject}: the click loaded a new document`);
    headline[subject].push(measured.sameDocument ? measured.headline : Number.NaN);
    paragraph[subject].push(measured.sameDocument ? measured.paragraph : Number.NaN);
  });
  table.rows.push(
    row(`${label}: headline`, 'ms', headline),
    row(`${label}: first paragraph`, 'ms', paragraph),
  );
  return `headline ${summary(headline)}; paragraph ${summary(paragraph)}`;
}

// Heap.
if (wants('heap')) {
  const heapTable: Table = {
    id: 'heap',
    title: 'JavaScript heap',
    note: `In use after garbage collection, after the first and after ${String(options.heapNavigations)} navigations from the front page (the floor's feed) to an article of Top News and Back, all in one document, unthrottled.`,
    rows: [],
  };
  result.tables.push(heapTable);
  const first: Partial<Record<Subject, number[]>> = {};
  const last: Partial<Record<Subject, number[]>> = {};
  for (const subject of SUBJECTS) {
    steps.push({
      label: `heap, ${subject}, ${String(options.heapNavigations)} article navigations`,
      run: async () => {
        const heap = await measureHeap(
          need('browser'),
          url(subject, ''),
          samplePages().heapArticles,
          options.heapNavigations,
        );
        first[subject] = [heap.afterFirst];
        last[subject] = [heap.afterLast];
        heapTable.rows = [
          row('after 1 article navigation', 'MB', first),
          row(`after ${String(options.heapNavigations)} article navigations`, 'MB', last),
        ];
        return `${(heap.afterFirst / 1e6).toFixed(1)} MB after 1, ${(heap.afterLast / 1e6).toFixed(1)} MB after ${String(options.heapNavigations)}`;
      },
    });
  }
}

// Lighthouse.
if (wants('lighthouse')) {
  const lighthouseTable: Table = {
    id: 'lighthouse',
    title: 'Lighthouse, mobile',
    note: `Lighthouse's mobile performance run (simulated slow 4G and 4× CPU), one Chromium with a fresh profile, medians of ${String(options.lighthouseRuns)}, each run visiting the reader from its server, from files and the floor in turn. Score out of 100. The floor's feed, measured once, stands for the front page and the listing.`,
    rows: [],
  };
  result.tables.push(lighthouseTable);
  const lighthouseFloor = new Map<string, LighthouseFigures[]>();
  for (const name of pageNames) {
    steps.push({
      label: `${name}: Lighthouse`,
      run: async () => {
        const page = pageCase(name);
        // The floor's feed stands for two pages: measured with the first, kept for the second.
        const floorRuns = lighthouseFloor.get(page.floorPath);
        const runs: Record<Subject, LighthouseFigures[]> = {
          server: [],
          static: [],
          floor: floorRuns ?? [],
        };
        lighthouseFloor.set(page.floorPath, runs.floor);
        await alternate(
          floorRuns ? (['server', 'static'] as const) : SUBJECTS,
          async (subject) => {
            try {
              world.lighthouse ??= await startLighthouse();
              runs[subject].push(await world.lighthouse.run(url(subject, pathOf(page, subject))));
            } catch (error) {
              result.warnings.push(`Lighthouse ${name}, ${subject}: ${String(error)}`);
            }
          },
          options.lighthouseRuns,
        );
        const of = (key: keyof LighthouseFigures) =>
          Object.fromEntries(
            SUBJECTS.map((subject) => [subject, runs[subject].map((figures) => figures[key])]),
          ) as Record<Subject, number[]>;
        const rows: Row[] = [
          row(`${name}: score`, 'score', of('score')),
          row(`${name}: FCP`, 'ms', of('fcp')),
          row(`${name}: LCP`, 'ms', of('lcp')),
          row(`${name}: TBT`, 'ms', of('tbt')),
          row(`${name}: CLS`, 'shift', of('cls')),
        ];
        lighthouseTable.rows.push(...rows);
        const score = (subject: Subject) =>
          `${subject} ${(median(of('score')[subject]) * 100).toFixed(0)}`;
        return `score ${SUBJECTS.map(score).join(', ')}; LCP ${summary(of('lcp'))}`;
      },
    });
  }
}

// Before the servers stop: it needs the browser (and starts a server of its own).
if (wants('scroll')) {
  steps.push({
    label: 'long listing scroll, 10,000 stories',
    run: async () => {
      result.scroll = { status: 'skipped', reason: 'it failed: see the warnings.' };
      result.scroll = await measureLongListingScroll(
        need('browser'),
        target.readerDist,
        options.quick ? [4] : [1, 4],
        note,
      );
      if (result.scroll.status === 'skipped') return `skipped: ${result.scroll.reason}`;
      const { items, runs } = result.scroll;
      return `${items.toLocaleString('en')} stories; ${runs.map((run) => `${String(run.cpu)}×: ${String(run.longTasksOver50ms)} tasks over 50 ms`).join(', ')}`;
    },
  });
}

if (browserSections) {
  steps.push({
    label: 'stop the servers and Chromium',
    run: async () => {
      await stopBrowserAndServers();
      return 'done';
    },
  });
}

if (wants('widget')) {
  steps.push({
    label: 'widget.js',
    run: () => {
      const widget = measureWidget(target.readerDist);
      result.widget = { gzip: widget.native };
      return Promise.resolve(`${(widget.native / 1000).toFixed(1)} kB gzip`);
    },
  });
}

if (wants('server')) {
  steps.push({
    label: `server: ${String(options.connections)} connections for ${String(options.loadSeconds)} s on an article`,
    run: async () => {
      // A fresh server as shipped: a page rendered answers the requests that
      // come while it renders and for 5 s after (BROADSHEET_KEEP_SECONDS).
      const server = await startProductionServer(target.reader);
      try {
        const articlePath = pageCase('article').path;
        const address = `${server.url}${articlePath}`;
        // A short untimed run first: the server's first renders and caches are not the figure.
        await loadTest(address, options.connections, 2);
        const figures = await loadTest(address, options.connections, options.loadSeconds);
        result.server.push({
          label: 'as shipped',
          url: `/${articlePath}`,
          connections: options.connections,
          seconds: options.loadSeconds,
          ...figures,
        });
        return `${figures.requestsPerSecond.toFixed(0)} req/s, p50 ${figures.p50.toFixed(1)} ms, p95 ${figures.p95.toFixed(1)} ms, ${String(figures.errors)} errors`;
      } finally {
        await server.close();
      }
    },
  });
}

if (wants('content')) {
  steps.push({
    label: `content at ${options.sizes.map((size) => size.toLocaleString('en')).join(' / ')} articles`,
    run: async () => {
      result.content = await measureContent(options.sizes, note);
      return result.content.status === 'skipped'
        ? `skipped: ${result.content.reason}`
        : `${String(result.content.sizes.length)} of ${String(options.sizes.length)} sizes measured`;
    },
  });
}

async function stopBrowserAndServers(): Promise<void> {
  const { browser, servers, lighthouse } = world;
  delete world.browser;
  delete world.servers;
  delete world.lighthouse;
  await browser?.close().catch(() => undefined);
  await lighthouse?.close();
  await Promise.all(Object.values(servers ?? {}).map((server) => server.close()));
}

await runSteps(steps, (step, error) => {
  result.warnings.push(`${step.label}: ${error instanceof Error ? error.message : String(error)}`);
});
// Whatever a failed step left open.
await stopBrowserAndServers();

result.seconds = (performance.now() - started) / 1000;
mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`);
console.log(toMarkdown(result));
console.error(`JSON written to ${options.out}; ${result.seconds.toFixed(0)} s in all.`);
