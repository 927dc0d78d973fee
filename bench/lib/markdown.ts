// `npm run bench`'s summary: Markdown made from the JSON result alone.
import type { BenchResult, Figure, Row, Table, Unit } from './result.ts';

const NONE = '—';

export function formatValue(value: number | null | undefined, unit: Unit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  switch (unit) {
    case 'ms':
      return `${value.toFixed(0)} ms`;
    case 'bytes':
      return `${(value / 1000).toFixed(1)} kB`;
    case 'MB':
      return `${(value / 1_000_000).toFixed(1)} MB`;
    case 'score':
      return (value * 100).toFixed(0);
    case 'shift':
      return value.toFixed(3);
  }
}

export function formatRatio(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NONE;
  return `${value.toFixed(2)}×`;
}

/** A Markdown table; cells may not hold `|` or line breaks. */
export function markdownTable(header: readonly string[], lines: readonly (readonly string[])[]) {
  const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...lines.map(line)].join('\n');
}

function cells(figure: Figure | undefined, unit: Unit, withRatio: boolean): string[] {
  const value = formatValue(figure?.median, unit);
  return withRatio ? [value, formatRatio(figure?.ratio)] : [value];
}

export function tableMarkdown(table: Table): string {
  const has = (key: 'server' | 'static' | 'floor') => table.rows.some((row) => row[key]);
  const header = ['', ...(has('server') ? ['server-rendered', '÷ floor'] : [])];
  if (has('static')) header.push('static', '÷ floor');
  if (has('floor')) header.push('floor');
  const lines = table.rows.map((row: Row) => [
    row.label,
    ...(has('server') ? cells(row.server, row.unit, true) : []),
    ...(has('static') ? cells(row.static, row.unit, true) : []),
    ...(has('floor') ? cells(row.floor, row.unit, false) : []),
  ]);
  return [`### ${table.title}`, '', table.note, '', markdownTable(header, lines)].join('\n');
}

function minutes(seconds: number): string {
  const whole = Math.round(seconds);
  return `${String(Math.floor(whole / 60))} min ${String(whole % 60).padStart(2, '0')} s`;
}

export function toMarkdown(result: BenchResult): string {
  const { options } = result;
  const parts: string[] = [
    '## Broadsheet benchmark',
    '',
    `${result.startedAt}, commit ${result.commit}, ${result.machine}; ${minutes(result.seconds)} in all.` +
      ` Load and click figures are medians of ${String(options.runs)} runs, Lighthouse's of ${String(options.lighthouseRuns)}, each run in turns with the floor; the JavaScript and CSS and the heap are one run each${options.quick ? '; a quick run' : ''}.` +
      ' "÷ floor" is the reader\'s figure over the bare reference SPA\'s, from the same run: 1.00× is as fast (or as small) as React, react-router and TanStack Query alone can be.',
  ];
  for (const table of result.tables) parts.push('', tableMarkdown(table));

  parts.push('', '### Widget', '');
  parts.push(
    result.widget
      ? `\`widget.js\` and what it loads for one widget on a native source: ${formatValue(result.widget.gzip, 'bytes')} gzip.`
      : '`widget.js`: not measured.',
  );

  parts.push('', '### The server under load', '');
  if (result.server.length === 0) parts.push('Not measured.');
  else
    parts.push(
      markdownTable(
        ['', 'requests/s', 'p50', 'p95', 'requests', 'errors'],
        result.server.map((load) => [
          `${load.label}, ${String(load.connections)} connections, ${String(load.seconds)} s`,
          load.requestsPerSecond.toFixed(0),
          `${load.p50.toFixed(1)} ms`,
          `${load.p95.toFixed(1)} ms`,
          String(load.requests),
          String(load.errors),
        ]),
      ),
    );

  parts.push('', '### Content at scale', '');
  const { content } = result;
  if (content.status === 'skipped') parts.push(`Skipped: ${content.reason}`);
  else {
    parts.push(
      markdownTable(
        ['articles', 'generate', 'API documents', 'API generator', 'peak memory (RSS)'],
        content.sizes.map((size) => [
          size.articles.toLocaleString('en'),
          `${size.generateSeconds.toFixed(1)} s`,
          size.documents.toLocaleString('en'),
          `${size.seconds.toFixed(1)} s`,
          formatValue(size.peakRssBytes, 'MB'),
        ]),
      ),
    );
    for (const failure of content.failures)
      parts.push('', `${failure.articles.toLocaleString('en')} articles failed: ${failure.error}`);
  }

  parts.push('', '### Long listing scroll', '');
  const { scroll } = result;
  if (scroll.status === 'skipped') parts.push(`Skipped: ${scroll.reason}`);
  else {
    parts.push(
      `Latest News with ${scroll.items.toLocaleString('en')} stories loaded by "Load more" (${scroll.domCards.toLocaleString('en')} story cards in the document), scrolled from top to end 800 px a frame:`,
      '',
      markdownTable(
        ['CPU', 'tasks over 50 ms', 'longest', 'frames', 'frame median', 'frame p95'],
        scroll.runs.map((run) => [
          `${String(run.cpu)}×`,
          String(run.longTasksOver50ms),
          run.longTasksOver50ms > 0 ? formatValue(run.longestTaskMs, 'ms') : '–',
          String(run.frames),
          `${run.frameMs.median.toFixed(1)} ms`,
          `${run.frameMs.p95.toFixed(1)} ms`,
        ]),
      ),
    );
  }

  if (result.warnings.length > 0) {
    parts.push('', '### Warnings', '');
    for (const warning of result.warnings) parts.push(`- ${warning}`);
  }
  return `${parts.join('\n')}\n`;
}
