// Which rows of a long list to draw: those near the screen. Heights are what
// each row measured when it was last drawn; a row never drawn counts as the
// mean of those that were (or `fallback` before any was).

export interface RowWindow {
  /** The first row drawn. */
  start: number;
  /** The row after the last one drawn. */
  end: number;
}

/** The height a row never drawn counts as. */
export function estimateOf(heights: readonly (number | undefined)[], fallback: number): number {
  let sum = 0;
  let count = 0;
  for (const height of heights) {
    if (height === undefined) continue;
    sum += height;
    count += 1;
  }
  return count > 0 ? sum / count : fallback;
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
