import { describe, expect, test } from 'vitest';
import { formatRatio, formatValue, markdownTable, toMarkdown } from '../../bench/lib/markdown.ts';
import { parseOptions } from '../../bench/lib/options.ts';
import { row, type BenchResult } from '../../bench/lib/result.ts';
import { median, percentile, ratio, rotate } from '../../bench/lib/stats.ts';

describe('bench arithmetic', () => {
  test('the median of an odd and an even number of runs, failed runs left out', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7, Number.NaN, 1, 3])).toBe(3);
    expect(median([])).toBeNaN();
  });

  test('nearest-rank percentiles', () => {
    const hundred = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(hundred, 50)).toBe(50);
    expect(percentile(hundred, 95)).toBe(95);
    expect(percentile([10], 95)).toBe(10);
    expect(percentile([], 50)).toBeNaN();
  });

  test('a ratio against the floor, and none against a missing or zero floor', () => {
    expect(ratio(150, 100)).toBe(1.5);
    expect(ratio(150, 0)).toBeNull();
    expect(ratio(Number.NaN, 100)).toBeNull();
    expect(ratio(150, Number.NaN)).toBeNull();
  });

  test('each run starts with the next subject', () => {
    expect(rotate(['a', 'b', 'c'], 0)).toEqual(['a', 'b', 'c']);
    expect(rotate(['a', 'b', 'c'], 1)).toEqual(['b', 'c', 'a']);
    expect(rotate(['a', 'b', 'c'], 5)).toEqual(['c', 'a', 'b']);
  });

  test('a row holds each subject’s median and its ratio to the floor’s', () => {
    const made = row('article, 4× CPU', 'ms', {
      server: [300, 100, 200],
      static: [400, Number.NaN, 500],
      floor: [100, 100, 120],
    });
    expect(made.server).toEqual({ median: 200, runs: [300, 100, 200], ratio: 2 });
    expect(made.static).toEqual({ median: 450, runs: [400, null, 500], ratio: 4.5 });
    expect(made.floor).toEqual({ median: 100, runs: [100, 100, 120] });
  });
});

describe('bench options', () => {
  test('defaults for a full run, and --quick for a try', () => {
    expect(parseOptions([])).toMatchObject({ runs: 5, lighthouseRuns: 3, heapNavigations: 100 });
    expect(parseOptions(['--quick'])).toMatchObject({ runs: 1, lighthouseRuns: 1, quick: true });
  });

  test('reads values after a space or an equals sign, and refuses what it does not know', () => {
    expect(
      parseOptions([
        '--runs',
        '7',
        '--out=x.json',
        '--sizes',
        '1000,10000',
        '--click-from=front,listing',
      ]),
    ).toMatchObject({
      runs: 7,
      out: 'x.json',
      sizes: [1000, 10_000],
      clickFrom: ['front page', 'listing'],
    });
    expect(() => parseOptions(['--runs', '0'])).toThrow(/at least 1/);
    expect(() => parseOptions(['--only', 'everything'])).toThrow(/no section/);
    expect(() => parseOptions(['--fast'])).toThrow(/unknown option/);
  });
});

function benchResult(): BenchResult {
  return {
    schema: 1,
    startedAt: '2026-12-01T10:00:00.000Z',
    seconds: 754,
    machine: 'Test CPU, 2 cores, Node v22.0.0',
    commit: 'abc1234',
    options: {
      runs: 5,
      lighthouseRuns: 3,
      heapNavigations: 100,
      loadSeconds: 10,
      connections: 50,
      hoverMs: 300,
      quick: false,
    },
    tables: [
      {
        id: 'load',
        title: 'Load to the first headline painted',
        note: 'From navigation start.',
        rows: [
          row('article, 4× CPU, Fast 3G', 'ms', {
            server: [1320, 1300, 1340],
            static: [1500],
            floor: [2640],
          }),
          row('front page: JS gzip', 'bytes', { server: [119_600], floor: [0] }),
          row('front page: score', 'score', { server: [0.93], static: [Number.NaN], floor: [1] }),
        ],
      },
    ],
    widget: { gzip: 29_912 },
    server: [
      {
        label: 'as shipped',
        url: '/article/x',
        connections: 50,
        seconds: 10,
        requests: 41_230,
        errors: 0,
        requestsPerSecond: 4123.2,
        p50: 11.6,
        p95: 20.04,
      },
    ],
    content: {
      status: 'measured',
      sizes: [
        {
          articles: 10_000,
          generateSeconds: 3.21,
          documents: 31_050,
          seconds: 12.5,
          peakRssBytes: 412_000_000,
        },
      ],
      failures: [{ articles: 100_000, error: 'out of memory' }],
    },
    scroll: {
      status: 'measured',
      items: 10_000,
      domCards: 148,
      runs: [
        {
          cpu: 1,
          longTasksOver50ms: 0,
          longestTaskMs: 0,
          frames: 930,
          frameMs: { median: 16.7, p95: 16.8 },
        },
        {
          cpu: 4,
          longTasksOver50ms: 2,
          longestTaskMs: 61.4,
          frames: 930,
          frameMs: { median: 16.7, p95: 33.3 },
        },
      ],
    },
    warnings: ['click front page → article, floor: timed out'],
  };
}

describe('bench report', () => {
  test('values in their units, and a dash where there is none', () => {
    expect(formatValue(1234.4, 'ms')).toBe('1234 ms');
    expect(formatValue(119_600, 'bytes')).toBe('119.6 kB');
    expect(formatValue(4_250_000, 'MB')).toBe('4.3 MB');
    expect(formatValue(0.93, 'score')).toBe('93');
    expect(formatValue(0.01234, 'shift')).toBe('0.012');
    expect(formatValue(null, 'ms')).toBe('—');
    expect(formatRatio(1.234)).toBe('1.23×');
    expect(formatRatio(null)).toBe('—');
  });

  test('a Markdown table escapes what would break it', () => {
    expect(markdownTable(['a', 'b'], [['x | y', 'z']])).toBe(
      '| a | b |\n| --- | --- |\n| x \\| y | z |',
    );
  });

  test('the summary has every table with medians and ratios, the server, content and warnings', () => {
    const markdown = toMarkdown(JSON.parse(JSON.stringify(benchResult())) as BenchResult);
    expect(markdown).toContain(
      'commit abc1234, Test CPU, 2 cores, Node v22.0.0; 12 min 34 s in all',
    );
    // Only the figures taken over several runs are called medians.
    expect(markdown).toContain('the JavaScript and CSS and the heap are one run each');
    expect(markdown).toContain('### Load to the first headline painted\n\nFrom navigation start.');
    expect(markdown).toContain('|  | server-rendered | ÷ floor | static | ÷ floor | floor |');
    expect(markdown).toContain(
      '| article, 4× CPU, Fast 3G | 1320 ms | 0.50× | 1500 ms | 0.57× | 2640 ms |',
    );
    // No ratio against a floor of zero, and a dash for a run that failed (null once in JSON).
    expect(markdown).toContain('| front page: JS gzip | 119.6 kB | — | — | — | 0.0 kB |');
    expect(markdown).toContain('| front page: score | 93 | 0.93× | — | — | 100 |');
    expect(markdown).toContain(
      '`widget.js` and what it loads for one widget on a native source: 29.9 kB gzip.',
    );
    expect(markdown).toContain(
      '| as shipped, 50 connections, 10 s | 4123 | 11.6 ms | 20.0 ms | 41230 | 0 |',
    );
    expect(markdown).toContain('| 10,000 | 3.2 s | 31,050 | 12.5 s | 412.0 MB |');
    expect(markdown).toContain('100,000 articles failed: out of memory');
    expect(markdown).toContain(
      'Latest News with 10,000 stories loaded by "Load more" (148 story cards in the document)',
    );
    expect(markdown).toContain('| 1× | 0 | – | 930 | 16.7 ms | 16.8 ms |');
    expect(markdown).toContain('| 4× | 2 | 61 ms | 930 | 16.7 ms | 33.3 ms |');
    expect(markdown).toContain('- click front page → article, floor: timed out');
  });

  test('says why a section was skipped', () => {
    const skipped: BenchResult = {
      ...benchResult(),
      content: { status: 'skipped', reason: 'scripts/generate.ts is not there yet.' },
      scroll: { status: 'skipped', reason: 'not asked for (--only).' },
      server: [],
      widget: null,
      warnings: [],
    };
    const markdown = toMarkdown(skipped);
    expect(markdown).toContain('Skipped: scripts/generate.ts is not there yet.');
    expect(markdown).toContain('### Long listing scroll\n\nSkipped: not asked for (--only).');
    expect(markdown).toContain('### The server under load\n\nNot measured.');
    expect(markdown).not.toContain('### Warnings');
  });
});
