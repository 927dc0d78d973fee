/** One block of headlines on a page: its stories, or undefined while they load. */
export interface Block<Story extends { slug: string }> {
  stories: readonly Story[] | undefined;
  limit: number;
}

/**
 * Each story once on a page: takes up to `limit` stories from each block in
 * turn, leaving out those an earlier block took and those in `seen` (the
 * story on the page, say). A block still loading holds back every block after
 * it, since what it will take is not yet known: those stay undefined too (a
 * block that failed passes `[]`).
 */
export function distinctBlocks<Story extends { slug: string }>(
  blocks: readonly Block<Story>[],
  seen: Iterable<string> = [],
): (Story[] | undefined)[] {
  const taken = new Set<string>(seen);
  let waiting = false;
  return blocks.map(({ stories, limit }) => {
    if (waiting || !stories) {
      waiting = true;
      return undefined;
    }
    const picked: Story[] = [];
    for (const story of stories) {
      if (picked.length >= limit) break;
      if (taken.has(story.slug)) continue;
      taken.add(story.slug);
      picked.push(story);
    }
    return picked;
  });
}
