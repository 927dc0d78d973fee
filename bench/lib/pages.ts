// The pages measured: three of the reader, each with the floor's page that
// does the same (its feed stands for the front page and the listing), and
// what to watch for on each, read from the build's own sample API.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Watch } from './paint.ts';

export type PageName = 'front page' | 'article' | 'listing';

export interface PageCase {
  name: PageName;
  /** App path, without the leading slash. */
  path: string;
  floorPath: string;
  /** The first headline a reader sees on it. */
  watch: Watch;
  floorWatch: Watch;
}

export interface Story {
  slug: string;
  headline: string;
  body?: string;
}

export interface MeasuredPages {
  pages: PageCase[];
  /** The story clicked on the front page and on the listing. */
  clicked: { from: PageCase; story: Story }[];
  /** The articles the heap's navigations visit in turn. */
  heapArticles: Story[];
}

export const normal = (text: string) => text.replace(/\s+/g, ' ').trim();

const ANY_HEADLINE = 'main :is(h1, h2, h3, a)';

/** The pages of the build in `distDir`, whose API is the bench's own making: read as it is. */
export function definePages(distDir: string): MeasuredPages {
  const read = (document: string): unknown =>
    JSON.parse(readFileSync(path.join(distDir, 'api', document), 'utf8'));
  const storiesOf = (document: string) => (read(document) as { items: Story[] }).items;
  const article = (slug: string) => read(`articles/${slug}.json`) as Story & { body: string };

  const top = storiesOf('top/1.json');
  const tag = (read('tags.json') as { items: { slug: string }[] }).items[0]?.slug;
  const lead = top[0];
  const story = top[1];
  if (!lead || !story || !tag) throw new Error('the sample API has too few stories');
  const listingStories = storiesOf(`tags/${tag}/1.json`);
  const listingLead = listingStories[0];
  const listingClicked = listingStories[1];
  if (!listingLead || !listingClicked) throw new Error(`tag ${tag} has too few stories`);
  const feed = { headline: normal(lead.headline), selector: ANY_HEADLINE, afterClick: false };
  const articleWatch = { headline: normal(story.headline), selector: 'main h1', afterClick: false };
  const front: PageCase = {
    name: 'front page',
    path: '',
    floorPath: '',
    watch: feed,
    floorWatch: feed,
  };
  const listing: PageCase = {
    name: 'listing',
    path: `tag/${tag}`,
    floorPath: '',
    watch: { headline: normal(listingLead.headline), selector: ANY_HEADLINE, afterClick: false },
    floorWatch: feed,
  };
  return {
    pages: [
      front,
      {
        name: 'article',
        path: `article/${story.slug}`,
        floorPath: `article/${story.slug}`,
        watch: articleWatch,
        floorWatch: articleWatch,
      },
      listing,
    ],
    clicked: [
      { from: front, story: article(story.slug) },
      { from: listing, story: article(listingClicked.slug) },
    ],
    heapArticles: top.map((item) => ({ slug: item.slug, headline: normal(item.headline) })),
  };
}

/** The first paragraph of a body, as HTML. */
export function firstParagraph(body: string): string {
  const found = /<p>([\s\S]*?)<\/p>/.exec(body)?.[1];
  if (found === undefined) throw new Error('an article body without a paragraph');
  return found;
}
