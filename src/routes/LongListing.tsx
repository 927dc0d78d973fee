import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { StoryCard } from '../components/StoryCard.tsx';
import type { Listing, ListingRef, Summary } from '../news/types.ts';
import { listingQuery } from '../queries/listings.ts';
import { useApp } from './AppContext.ts';
import { RowMemory, WindowedStoryList } from './WindowedStoryList.tsx';

// A listing's pages from `from` to `page` as one list, which "Load more"
// lengthens by a page at a time (docs/design.md, "Long listings"). Each page
// is the same query as the numbered page at its address, which the route
// loads as the address moves on: the list only puts the pages together, and
// keeps them for as long as the document is open, so that Back finds the list
// as it was however long the reader stayed away. Its code comes with the
// first "Load more".

/** What one long list has shown: its pages, its rows' heights, the last page it showed. */
class ListMemory {
  readonly pages = new Map<number, Summary[]>();
  readonly rows = new RowMemory();
  private shown = 0;
  /** The pages joined last, and what they made: each "Load more" joins one page more, not all again. */
  private joinedPages: Summary[][] = [];
  private joined: JoinedPages = { stories: [], lastPageStart: 0 };
  private seen = new Set<string>();

  /** The pages' stories in order, each once (a story that moved to a later page while the reader read shows where it was first seen). */
  join(pages: Summary[][]): JoinedPages {
    const kept = this.joinedPages;
    const grows =
      kept.length <= pages.length && kept.every((items, index) => items === pages[index]);
    if (grows && kept.length === pages.length) return this.joined;
    if (!grows) {
      this.joinedPages = [];
      this.joined = { stories: [], lastPageStart: 0 };
      this.seen = new Set();
    }
    const stories = [...this.joined.stories];
    let lastPageStart = this.joined.lastPageStart;
    for (let index = this.joinedPages.length; index < pages.length; index += 1) {
      lastPageStart = stories.length;
      for (const story of pages[index] ?? []) {
        if (this.seen.has(story.slug)) continue;
        this.seen.add(story.slug);
        stories.push(story);
      }
    }
    this.joinedPages = [...pages];
    this.joined = { stories, lastPageStart };
    return this.joined;
  }

  /** Whether `page` is another last page than the one shown before (Load more, not Back). */
  show(page: number): boolean {
    const moved = page !== this.shown;
    this.shown = page;
    return moved;
  }
}

const memories = new Map<string, ListMemory>();

interface LongListingProps {
  listing: ListingRef;
  /** The page the reader first asked for more on. */
  from: number;
  /** The last page loaded, the one in the address. */
  page: number;
  showSection: boolean;
}

export function LongListing({ listing, from, page, showSection }: LongListingProps) {
  const { source } = useApp();
  const client = useQueryClient();
  const key = JSON.stringify([source.id, listing, from]);
  let memory = memories.get(key);
  if (!memory) {
    memory = new ListMemory();
    memories.set(key, memory);
  }
  const pages: Summary[][] = [];
  for (let number = from; number <= page; number += 1) {
    const loaded = client.getQueryData<Listing>(listingQuery(source, listing, number).queryKey);
    if (loaded) memory.pages.set(number, loaded.items);
    const items = memory.pages.get(number);
    if (items) pages.push(items);
  }
  const { stories, lastPageStart } = memory.join(pages);
  // The first page leads with its newest story, large, as the numbered page does.
  const lead = from === 1 ? stories[0] : undefined;
  const rest = useMemo(() => (lead ? stories.slice(1) : stories), [lead, stories]);
  const firstNew = lastPageStart - (lead ? 1 : 0);

  // "Load more" moves the address on in place, and the page's heading takes
  // focus, as after any navigation; the reader goes on at the first story that
  // came. Back to the list leaves focus on the heading.
  useEffect(() => {
    if (!memory.show(page)) return;
    queueMicrotask(() => {
      document
        .querySelector<HTMLElement>(`.long-list > [aria-posinset="${firstNew + 1}"] h2 a`)
        ?.focus({ preventScroll: true });
    });
  }, [memory, page, firstNew]);

  return (
    <>
      {lead && (
        <section className="listing-page__lead" aria-label="Lead story">
          <StoryCard story={lead} variant="lead" eagerImage showSection={showSection} />
        </section>
      )}
      <WindowedStoryList stories={rest} showSection={showSection} memory={memory.rows} />
    </>
  );
}
interface JoinedPages {
  stories: Summary[];
  /** Where the last page's stories begin among them. */
  lastPageStart: number;
}
