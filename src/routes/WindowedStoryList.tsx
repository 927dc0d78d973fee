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
import { drawnRows, MeasuredHeights, nextWindow, spanOf, type RowWindow } from './windowRows.ts';

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
 */
export function WindowedStoryList({ stories, showSection, memory }: WindowedStoryListProps) {
  const listRef = useRef<HTMLOListElement>(null);
  const [range, setRange] = useState<RowWindow>({ start: 0, end: 0 });
  const [focusedRow, setFocusedRow] = useState(-1);
  const [drawn, redraw] = useReducer((count: number) => count + 1, 0);
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
    for (const item of list.children) {
      const position = Number(item.getAttribute('aria-posinset'));
      if (position > 0)
        memory.measured(Math.floor((position - 1) / columns), item.getBoundingClientRect().height);
    }
    moveWindow(list, rows, memory, setRange);
  }, [stories, showSection, range, focusedRow, columns, rows, memory, drawn]);

  // Scrolling moves the window, and it is drawn before the browser paints;
  // a new width is measured afresh.
  useLayoutEffect(() => {
    const move = () => {
      const list = listRef.current;
      if (!list) return;
      flushSync(() => {
        moveWindow(list, rows, memory, setRange);
      });
    };
    const resize = () => {
      flushSync(redraw);
    };
    window.addEventListener('scroll', move, { passive: true });
    window.addEventListener('resize', resize);
    return () => {
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
      children.push(
        <Row
          key={story.slug}
          story={story}
          position={index + 1}
          size={stories.length}
          showSection={showSection}
        />,
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
