// Which rows of a long list to draw: those near the screen. Heights are what
// each row measured when it was last drawn; a row never drawn counts as
// `estimate` (the mean of those that were, kept by RowMemory).

export interface RowWindow {
  /** The first row drawn. */
  start: number;
  /** The row after the last one drawn. */
  end: number;
}

/** How tall rows `from` to `to` (not included) are. */
export function spanOf(
  heights: readonly (number | undefined)[],
  from: number,
  to: number,
  estimate: number,
): number {
  let total = 0;
  for (let row = from; row < to; row += 1) total += heights[row] ?? estimate;
  return total;
}

/**
 * The rows of `rows` that lie, wholly or in part, between `top` and `bottom`
 * (pixels from the list's own top; either may be outside the list). Always at
 * least one row when the list has any, so that there is something to measure.
 */
export function windowRows(
  heights: readonly (number | undefined)[],
  rows: number,
  top: number,
  bottom: number,
  estimate: number,
): RowWindow {
  if (rows === 0) return { start: 0, end: 0 };
  let offset = 0;
  let start = rows - 1;
  for (let row = 0; row < rows; row += 1) {
    const next = offset + (heights[row] ?? estimate);
    if (next > top) {
      start = row;
      break;
    }
    offset = next;
  }
  let end = start + 1;
  while (end < rows && offset + (heights[end - 1] ?? estimate) < bottom) {
    offset += heights[end - 1] ?? estimate;
    end += 1;
  }
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
  heights: readonly (number | undefined)[],
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
