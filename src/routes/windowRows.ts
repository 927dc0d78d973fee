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
