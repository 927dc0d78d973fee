import {
  memo,
  useLayoutEffect,
  useReducer,
  useRef,
  useState,
  type FocusEvent,
  type ReactNode,
} from 'react';
import { flushSync } from 'react-dom';
import { DatesClock } from '../components/DateTime.tsx';
import { StoryCard } from '../components/StoryCard.tsx';
import type { Summary } from '../news/types.ts';
import {
  drawnRows,
  MeasuredHeights,
  nextWindow,
  spanOf,
  windowRows,
  type RowWindow,
} from './windowRows.ts';

/**
 * What a list learnt of its rows, kept by its owner beyond the list's life: a
 * list drawn again (Back) is as tall as it was, so the browser's scroll
 * position comes back to the same stories.
 */
export class RowMemory {
  /** The width and the columns the heights were measured at; either changing starts afresh. */
  private width = 0;
  columns = 1;
  heights = new MeasuredHeights();

  /** Whether the heights were measured at this width. */
  measuredAt(width: number): boolean {
    return width === this.width;
  }

  /** Whether the list is laid out as it was measured; if not, it forgets every height. */
  keeps(width: number, columns: number): boolean {
    if (width === this.width && columns === this.columns) return true;
    this.width = width;
    this.columns = columns;
    this.heights = new MeasuredHeights();
    return false;
  }

  measured(row: number, height: number): void {
    this.heights.set(row, height);
  }

  /** What a row never drawn counts as: the mean of those measured, or a guess before any. */
  get estimate(): number {
    return this.heights.mean ?? FALLBACK_HEIGHT;
  }
}

/** What a row counts as before any has been measured. */
const FALLBACK_HEIGHT = 200;

/**
 * Faster than this many screens' heights a second, the stories the window
 * takes in are drawn as passing rows: twice the fastest fling a phone makes
 * (Android caps one at 8,000 dp/s, about ten screens), so only a scrollbar
 * dragged, a key held or a fast trackpad gets there.
 */
const PASSING_SCREENS_PER_SECOND = 20;
/** A frame at 60 Hz: scroll events come once a frame, and nearer ones are not a speed. */
const FRAME_MS = 16;
/** Steps further apart than this (three frames) are not in a row. */
const STREAK_GAP_MS = 50;
/** How long after the last fast step the passing rows become cards. */
const SETTLE_MS = 150;

/** One story of the list; the same story at the same place is not drawn again when the window moves. */
const Row = memo(function Row({
  story,
  position,
  size,
  showSection,
}: {
  story: Summary;
  position: number;
  size: number;
  showSection: boolean;
}) {
  return (
    <li aria-posinset={position} aria-setsize={size}>
      <StoryCard story={story} showSection={showSection} />
    </li>
  );
});

/**
 * A story the window took in while the list went past too fast to read: its
 * headline alone, in the height its card had, or is reckoned to have
 * (docs/design.md, "Long listings"). It becomes the story's card once the
 * scroll slows.
 */
const PassingRow = memo(function PassingRow({
  story,
  position,
  size,
  height,
}: {
  story: Summary;
  position: number;
  size: number;
  height: number;
}) {
  return (
    <li
      aria-posinset={position}
      aria-setsize={size}
      className="long-list__passing"
      data-passing=""
      style={{ height: `${String(height)}px` }}
    >
      <p className="long-list__passing-headline">{story.headline}</p>
    </li>
  );
});

interface WindowedStoryListProps {
  stories: Summary[];
  showSection: boolean;
  memory: RowMemory;
}

/**
 * A list of any number of stories that draws only those near the screen (a
 * screen's height above and below it at least, two at most: nextWindow), and
 * the one holding focus with its neighbours, in the page's flow: spacers stand
 * in for the rest, so the page is as tall as the whole list, the
 * browser's scroll anchoring keeps what is on screen in place, and Tab moves
 * through the stories in order. The stories go one or two to a row, as the
 * stylesheet lays out the list; a row is measured each time it is drawn.
 * Going past too fast to read, it draws the stories it takes in as passing
 * rows, their headlines alone, until the scroll slows.
 */
export function WindowedStoryList({ stories, showSection, memory }: WindowedStoryListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const [range, setRange] = useState<RowWindow>({ start: 0, end: 0 });
  const [focusedRow, setFocusedRow] = useState(-1);
  const [drawn, redraw] = useReducer((count: number) => count + 1, 0);
  // Going past fast: the rows drawn when it began stay cards, and those the
  // window takes in are passing rows until it slows (null: not passing).
  const [cardRows, setCardRows] = useState<RowWindow | null>(null);
  const shown = useRef(range);
  const { columns, heights } = memory;
  const rows = Math.ceil(stories.length / columns);

  // After each render: measure the rows drawn, then see whether the window has
  // moved (more stories, another layout).
  useLayoutEffect(() => {
    const list = listRef.current;
    if (!list) return;
    const width = list.clientWidth;
    // The columns follow the width: read from the stylesheet only when that changes.
    const laidOut = memory.measuredAt(width)
      ? columns
      : getComputedStyle(list).gridTemplateColumns.split(' ').length;
    if (!memory.keeps(width, laidOut)) {
      redraw();
      return;
    }
    shown.current = range;
    for (const item of list.children) {
      const position = Number(item.getAttribute('aria-posinset'));
      // A passing row is as tall as its card was reckoned to be: nothing to learn from it.
      if (item.hasAttribute('data-passing')) continue;
      if (position > 0)
        memory.measured(Math.floor((position - 1) / columns), item.getBoundingClientRect().height);
    }
    moveWindow(list, rows, memory, setRange);
  }, [stories, showSection, range, focusedRow, columns, rows, memory, drawn, cardRows]);

  // Scrolling moves the window, and it is drawn before the browser paints;
  // a new width is measured afresh.
  useLayoutEffect(() => {
    // How fast the page goes past, the lesser of two speeds: its scroll
    // position's, and that of the stories going past the screen's top,
    // reckoned at the mean row height. A row drawn taller or shorter than
    // reckoned changes one and not the other (the scroll anchoring that
    // follows it moves the page, and the same story stays at the top; a
    // spacer reckoned anew moves the stories, and the page stays).
    let last = { at: performance.now(), y: window.scrollY, row: -1 };
    // Fast steps in a row, a frame apart at least: one or two alone are a jump
    // (Back's restored position, a link scrolled into view), whose cards are
    // drawn at once.
    let streak = 0;
    let settle: ReturnType<typeof setTimeout> | undefined;
    const move = () => {
      const list = listRef.current;
      if (!list) return;
      const estimate = memory.estimate;
      const top = -list.getBoundingClientRect().top;
      const now = {
        at: performance.now(),
        y: window.scrollY,
        row: windowRows(memory.heights, rows, top, top, estimate).start,
      };
      const gone =
        last.row < 0
          ? 0
          : Math.min(Math.abs(now.y - last.y), Math.abs(now.row - last.row) * estimate);
      const perSecond = (gone * 1000) / Math.max(now.at - last.at, FRAME_MS);
      // In a row: each step within a few frames of the one before; jumps
      // seconds apart are no streak.
      const fast =
        perSecond > PASSING_SCREENS_PER_SECOND * window.innerHeight &&
        now.at - last.at < STREAK_GAP_MS;
      streak = fast ? streak + 1 : 0;
      last = now;
      const goingPast = streak >= 3;
      if (goingPast) {
        clearTimeout(settle);
        settle = setTimeout(() => {
          setCardRows(null);
        }, SETTLE_MS);
      }
      flushSync(() => {
        if (goingPast) setCardRows((cards) => cards ?? shown.current);
        moveWindow(list, rows, memory, setRange);
      });
    };
    const resize = () => {
      flushSync(redraw);
    };
    window.addEventListener('scroll', move, { passive: true });
    window.addEventListener('resize', resize);
    return () => {
      clearTimeout(settle);
      // Its timer gone, nothing else would end a passing.
      setCardRows(null);
      window.removeEventListener('scroll', move);
      window.removeEventListener('resize', resize);
    };
  }, [rows, memory]);

  // The story holding focus stays drawn, wherever the window goes.
  const rowOf = (element: EventTarget | null): number => {
    const item = element instanceof Element ? element.closest('[aria-posinset]') : null;
    const position = Number(item?.getAttribute('aria-posinset'));
    return position > 0 ? Math.floor((position - 1) / columns) : -1;
  };
  const onFocus = (event: FocusEvent) => {
    setFocusedRow(rowOf(event.target));
  };
  const onBlur = (event: FocusEvent) => {
    if (!listRef.current?.contains(event.relatedTarget)) setFocusedRow(-1);
  };

  const segments = drawnRows(range, focusedRow, rows);
  const drawnAsCard = (row: number) =>
    !cardRows || row === focusedRow || (row >= cardRows.start && row < cardRows.end);
  const estimate = memory.estimate;
  const children: ReactNode[] = [];
  let cursor = 0;
  const gap = (to: number) => {
    if (to > cursor)
      children.push(
        <li
          key={`gap-${cursor}`}
          className="long-list__gap"
          aria-hidden="true"
          style={{ height: `${spanOf(heights, cursor, to, estimate)}px` }}
        />,
      );
  };
  for (const [from, to] of segments) {
    gap(from);
    for (let index = from * columns; index < Math.min(to * columns, stories.length); index += 1) {
      const story = stories[index];
      if (!story) continue;
      const row = Math.floor(index / columns);
      children.push(
        !drawnAsCard(row) ? (
          <PassingRow
            key={story.slug}
            story={story}
            position={index + 1}
            size={stories.length}
            height={spanOf(heights, row, row + 1, estimate)}
          />
        ) : (
          <Row
            key={story.slug}
            story={story}
            position={index + 1}
            size={stories.length}
            showSection={showSection}
          />
        ),
      );
    }
    cursor = Math.max(cursor, to);
  }
  gap(rows);

  return (
    <DatesClock>
      <ol ref={listRef} className="story-list long-list" onFocus={onFocus} onBlur={onBlur}>
        {children}
      </ol>
    </DatesClock>
  );
}

/** The window moved to where the screen is now, if it must move (nextWindow). */
function moveWindow(
  list: HTMLElement,
  rows: number,
  memory: RowMemory,
  setRange: (update: (shown: RowWindow) => RowWindow) => void,
): void {
  const top = -list.getBoundingClientRect().top;
  const screen = window.innerHeight;
  setRange((shown) => nextWindow(shown, memory.heights, rows, top, screen, memory.estimate));
}
