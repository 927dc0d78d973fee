// The shape of `npm run bench`'s JSON, and how its figures are made from runs.
// Pure: the Markdown report is made from this alone (./markdown.ts).
import { median, ratio } from './stats.ts';

export type Unit = 'ms' | 'bytes' | 'MB' | 'score' | 'shift';

/** Who a figure is of: the reader from its server, the reader as prerendered files, the floor. */
export type Subject = 'server' | 'static' | 'floor';

export const SUBJECTS: readonly Subject[] = ['server', 'static', 'floor'];

/** A figure from one or more runs. A run that failed is null (NaN does not survive JSON). */
export interface Figure {
  median: number | null;
  runs: (number | null)[];
  /** median / the floor's median; absent for the floor itself, null when the floor has no figure. */
  ratio?: number | null;
}

export interface Row {
  label: string;
  unit: Unit;
  server?: Figure;
  static?: Figure;
  floor?: Figure;
}

export interface Table {
  id: string;
  title: string;
  /** How the figures were taken, in a sentence or two. */
  note: string;
  rows: Row[];
}

export interface ServerLoad {
  label: string;
  url: string;
  connections: number;
  seconds: number;
  requests: number;
  errors: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
}

export interface ContentSize {
  articles: number;
  /** How long generating the content folder took, s. */
  generateSeconds: number;
  /** As the API generator reports them (`npm run content -- --stats FILE`). */
  documents: number;
  seconds: number;
  peakRssBytes: number;
}

export type ContentSection =
  | { status: 'measured'; sizes: ContentSize[]; failures: { articles: number; error: string }[] }
  | { status: 'skipped'; reason: string };

/** Scrolling through one long listing, at one CPU rate. */
export interface ScrollRun {
  cpu: 1 | 4;
  longTasksOver50ms: number;
  /** The longest task over 50 ms, 0 without one. */
  longestTaskMs: number;
  frames: number;
  frameMs: { median: number; p95: number };
}

export type ScrollSection =
  | { status: 'skipped'; reason: string }
  | {
      status: 'measured';
      /** Stories loaded into the listing. */
      items: number;
      /** Story cards in the document with all of them loaded. */
      domCards: number;
      runs: ScrollRun[];
    };

export interface BenchResult {
  schema: 1;
  startedAt: string;
  seconds: number;
  machine: string;
  commit: string;
  options: {
    runs: number;
    lighthouseRuns: number;
    heapNavigations: number;
    loadSeconds: number;
    connections: number;
    hoverMs: number;
    quick: boolean;
  };
  tables: Table[];
  widget: { gzip: number } | null;
  server: ServerLoad[];
  content: ContentSection;
  scroll: ScrollSection;
  /** Anything that went wrong without stopping the run. */
  warnings: string[];
}

const finite = (value: number) => (Number.isFinite(value) ? value : null);

export function figure(runs: readonly number[], floor?: readonly number[]): Figure {
  const middle = median(runs);
  return {
    median: finite(middle),
    runs: runs.map(finite),
    ...(floor ? { ratio: ratio(middle, median(floor)) } : {}),
  };
}

/** A row of figures, each with its ratio to the floor's. */
export function row(
  label: string,
  unit: Unit,
  runs: Partial<Record<Subject, readonly number[]>>,
): Row {
  const { floor } = runs;
  const made: Row = { label, unit };
  if (runs.server) made.server = figure(runs.server, floor ?? []);
  if (runs.static) made.static = figure(runs.static, floor ?? []);
  if (floor) made.floor = figure(floor);
  return made;
}
