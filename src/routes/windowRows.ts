// Which rows of a long list to draw: those near the screen. Heights are what
// each row measured when it was last drawn; a row never drawn counts as
// `estimate` (the mean of those that were, kept by RowMemory). Scrolling asks
// where rows are at every frame, among as many as 10,000: the sums are kept
// so that each answer takes a few steps and makes no garbage (a sum over
// every row made 1.2 GB of it while scrolling such a list once, and a major
// collection, a task over 50 ms at 4× CPU, every few seconds).

/** The heights of a list's rows, those measured, and sums over them: a Fenwick tree of each. */
export class MeasuredHeights {
  /** Each row's height; NaN where it was never measured. */
  private values = new Float64Array(0);
  /** Sums of measured heights and counts of measured rows, as Fenwick trees (1-based). */
  private sums = new Float64Array(1);
  private counts = new Int32Array(1);
  /** Rows measured, and their heights' sum. */
  private measuredRows = 0;
  private total = 0;

  /** A list's heights from an array: `undefined` for a row never measured. */
  static from(heights: readonly (number | undefined)[]): MeasuredHeights {
    const measured = new MeasuredHeights();
    heights.forEach((height, row) => {
      if (height !== undefined) measured.set(row, height);
    });
    return measured;
  }

  /** The mean height of the rows measured; undefined before any. */
  get mean(): number | undefined {
    return this.measuredRows > 0 ? this.total / this.measuredRows : undefined;
  }

  set(row: number, height: number): void {
    if (row >= this.values.length) this.grow(row + 1);
    const before = this.values[row] ?? Number.NaN;
    const measuredBefore = !Number.isNaN(before);
    if (measuredBefore && before === height) return;
    const change = measuredBefore ? height - before : height;
    this.values[row] = height;
    this.total += change;
    if (!measuredBefore) this.measuredRows += 1;
    this.add(row, change, measuredBefore ? 0 : 1);
  }

  /** The top of `row`, px below the list's own top: rows before it as measured, or at `estimate`. */
  offset(row: number, estimate: number): number {
    const within = Math.min(Math.max(row, 0), this.values.length);
    let sum = 0;
    let count = 0;
    for (let index = within; index > 0; index -= index & -index) {
      sum += this.sums[index] ?? 0;
      count += this.counts[index] ?? 0;
    }
    return sum + (Math.max(row, 0) - count) * estimate;
  }

  private add(row: number, height: number, measured: number): void {
    for (let index = row + 1; index < this.sums.length; index += index & -index) {
      this.sums[index] = (this.sums[index] ?? 0) + height;
      this.counts[index] = (this.counts[index] ?? 0) + measured;
    }
  }

  /** Room for `rows` rows at least (doubling), the trees built again. */
  private grow(rows: number): void {
    let size = Math.max(16, this.values.length);
    while (size < rows) size *= 2;
    const values = new Float64Array(size).fill(Number.NaN);
    values.set(this.values);
    this.values = values;
    this.sums = new Float64Array(size + 1);
    this.counts = new Int32Array(size + 1);
    values.forEach((value, row) => {
      if (!Number.isNaN(value)) this.add(row, value, 1);
    });
  }
}

export interface RowWindow {
  /** The first row drawn. */
  start: number;
  /** The row after the last one drawn. */
  end: number;
}

/** How tall rows `from` to `to` (not included) are. */
export function spanOf(
  heights: MeasuredHeights,
  from: number,
  to: number,
  estimate: number,
): number {
  return to > from ? heights.offset(to, estimate) - heights.offset(from, estimate) : 0;
}

/** The least row in `low`..`high` for which `holds` is true (which, once true, stays so); `high` if none. */
function firstRow(low: number, high: number, holds: (row: number) => boolean): number {
  let from = low;
  let to = high;
  while (from < to) {
    const middle = (from + to) >>> 1;
    if (holds(middle)) to = middle;
    else from = middle + 1;
  }
  return from;
}

/**
 * The rows of `rows` that lie, wholly or in part, between `top` and `bottom`
 * (pixels from the list's own top; either may be outside the list). Always at
 * least one row when the list has any, so that there is something to measure.
 */
export function windowRows(
  heights: MeasuredHeights,
  rows: number,
  top: number,
  bottom: number,
  estimate: number,
): RowWindow {
  if (rows === 0) return { start: 0, end: 0 };
  // The first row whose bottom is below `top`; the last row if none is.
  const start = Math.min(
    rows - 1,
    firstRow(0, rows, (row) => heights.offset(row + 1, estimate) > top),
  );
  // Then rows down to the first whose top reaches `bottom`, at least one.
  const end = firstRow(start + 1, rows, (row) => heights.offset(row, estimate) >= bottom);
  return { start, end };
}

/**
 * The rows to draw when the screen's top is `top` pixels below the list's own
 * top and the screen `screen` pixels tall. The rows within a screen above and
 * below it must be drawn, and none beyond two screens: `shown` stays as long
 * as it is between the two, and otherwise the rows within one and a half
 * screens either side are drawn.
 * Drawing a row or not moves what follows it by a pixel or so (a row's height
 * is rounded where a spacer's is not) and scroll anchoring moves the page with
 * it: without this slack, a row at the window's edge went in and out with
 * every frame, until React gave up ("Maximum update depth exceeded") and the
 * page showed an error. It also spares every other scroll frame a render.
 */
export function nextWindow(
  shown: RowWindow,
  heights: MeasuredHeights,
  rows: number,
  top: number,
  screen: number,
  estimate: number,
): RowWindow {
  const needed = windowRows(heights, rows, top - screen, top + 2 * screen, estimate);
  const most = windowRows(heights, rows, top - 2 * screen, top + 3 * screen, estimate);
  const within = (inner: RowWindow, outer: RowWindow) =>
    outer.start <= inner.start && inner.end <= outer.end;
  if (within(needed, shown) && within(shown, most)) return shown;
  return windowRows(heights, rows, top - 1.5 * screen, top + 2.5 * screen, estimate);
}

/**
 * The rows to draw, as spans in order, none twice: the window, and the row
 * holding focus (`focused`, or -1) with a row either side of it, wherever the
 * window is, so that Tab and Shift+Tab from a story scrolled out of sight go
 * on to the stories beside it, not past the list.
 */
export function drawnRows(window: RowWindow, focused: number, rows: number): [number, number][] {
  const spans: [number, number][] = [[Math.min(window.start, rows), Math.min(window.end, rows)]];
  if (focused >= 0 && focused < rows)
    spans.push([Math.max(0, focused - 1), Math.min(rows, focused + 2)]);
  spans.sort((a, b) => a[0] - b[0]);
  const drawn: [number, number][] = [];
  for (const [from, to] of spans) {
    const last = drawn.at(-1);
    if (from >= to) continue;
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else drawn.push([from, to]);
  }
  return drawn;
}
