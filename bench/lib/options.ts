// `npm run bench -- [options]`.

export const SECTIONS = [
  'bytes',
  'paint',
  'heap',
  'lighthouse',
  'widget',
  'server',
  'content',
  'scroll',
] as const;
export type Section = (typeof SECTIONS)[number];

export const CLICK_STARTS = ['front page', 'listing'] as const;
export type ClickStart = (typeof CLICK_STARTS)[number];

export interface Options {
  quick: boolean;
  /** Browser runs per figure. */
  runs: number;
  lighthouseRuns: number;
  heapNavigations: number;
  /** Length of each load run on the server, s. */
  loadSeconds: number;
  connections: number;
  /** Article counts for the content section. */
  sizes: number[];
  out: string;
  /** Reuse the last build in the build folder instead of building again. */
  build: boolean;
  only: Section[];
  /** The pages a headline is clicked on. */
  clickFrom: ClickStart[];
}

export const USAGE = `npm run bench -- [options]

  --quick              1 run of everything, 20 heap navigations, 3 s of load, content at 1,000 articles
  --runs N             browser runs per figure (default 5)
  --lighthouse-runs N  Lighthouse runs per page (default 3)
  --heap-navigations N article navigations before the second heap figure (default 100)
  --load-seconds N     length of the server's load run (default 10)
  --sizes A,B,C        article counts for the content section (default 1000,10000,100000)
  --click-from A,B     pages the headline is clicked on: front, listing (default front)
  --out FILE           where the JSON goes (default bench/results/latest.json)
  --no-build           reuse the last build in bench/.build/
  --only A,B           only these sections: ${SECTIONS.join(', ')}
`;

function count(name: string, value: string | undefined, least: number): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < least)
    throw new Error(
      `${name} wants a whole number of at least ${String(least)}, not ${String(value)}`,
    );
  return parsed;
}

export function parseOptions(argv: readonly string[]): Options {
  const quick = argv.includes('--quick');
  const options: Options = {
    quick,
    runs: quick ? 1 : 5,
    lighthouseRuns: quick ? 1 : 3,
    heapNavigations: quick ? 20 : 100,
    loadSeconds: quick ? 3 : 10,
    connections: 50,
    sizes: quick ? [1000] : [1000, 10_000, 100_000],
    out: 'bench/results/latest.json',
    build: true,
    only: [...SECTIONS],
    clickFrom: ['front page'],
  };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    const [name = '', inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg];
    const value = () => inline ?? argv[++index];
    switch (name) {
      case '--quick':
        break;
      case '--runs':
        options.runs = count(name, value(), 1);
        break;
      case '--lighthouse-runs':
        options.lighthouseRuns = count(name, value(), 1);
        break;
      case '--heap-navigations':
        options.heapNavigations = count(name, value(), 1);
        break;
      case '--load-seconds':
        options.loadSeconds = count(name, value(), 1);
        break;
      case '--sizes':
        options.sizes = (value() ?? '').split(',').map((size) => count(name, size.trim(), 1));
        break;
      case '--out': {
        const out = value();
        if (!out) throw new Error('--out wants a file name');
        options.out = out;
        break;
      }
      case '--no-build':
        options.build = false;
        break;
      case '--only':
        options.only = (value() ?? '').split(',').map((section) => {
          const known = SECTIONS.find((candidate) => candidate === section.trim());
          if (!known) throw new Error(`--only: no section ${section} (${SECTIONS.join(', ')})`);
          return known;
        });
        break;
      case '--click-from':
        options.clickFrom = (value() ?? '').split(',').map((start) => {
          const known = CLICK_STARTS.find((candidate) => candidate.startsWith(start.trim()));
          if (!start.trim() || !known)
            throw new Error(`--click-from: front or listing, not ${start}`);
          return known;
        });
        break;
      default:
        throw new Error(`unknown option ${arg}\n\n${USAGE}`);
    }
  }
  return options;
}
