// How embed.js turns the heights a frame reports into its iframe's height:
// within bounds, not for a change of a pixel or two, and not at all once the
// height swings back and forth (a page that grows because its frame grew).

export const HEIGHT = { min: 40, max: 8000, ignoreBelow: 3 } as const;
/** Swings (up, then down, then up…) in a row that stop the resizing. */
const SWINGS_TO_STOP = 4;

export interface Resizer {
  /** The height to set for a reported one, or undefined to leave it as it is. */
  next(reported: unknown): number | undefined;
  /** It stopped: the frame keeps its last height. */
  readonly stopped: boolean;
}

export function createResizer(): Resizer {
  let current: number | undefined;
  let lastDirection = 0;
  let swings = 0;
  let stopped = false;
  return {
    get stopped() {
      return stopped;
    },
    next(reported) {
      if (stopped || typeof reported !== 'number' || !Number.isFinite(reported)) return undefined;
      const height = Math.round(Math.min(HEIGHT.max, Math.max(HEIGHT.min, reported)));
      if (current !== undefined && Math.abs(height - current) < HEIGHT.ignoreBelow)
        return undefined;
      const direction = current === undefined ? 0 : Math.sign(height - current);
      if (direction !== 0 && lastDirection !== 0 && direction !== lastDirection) swings++;
      else if (direction === lastDirection) swings = 0;
      lastDirection = direction;
      if (swings >= SWINGS_TO_STOP) {
        stopped = true;
        return undefined;
      }
      current = height;
      return height;
    },
  };
}

/** The message a frame sends its parent. */
export const HEIGHT_MESSAGE = 'broadsheet:height';
/**
 * The message a parent sends a frame to hear its height again: a frame may
 * have reported it before the parent's script was listening.
 */
export const MEASURE_MESSAGE = 'broadsheet:measure';
