// The domain model: what every page of the reader works with, whatever the
// source. Adapters in src/sources/ are the only code that knows wire formats.

export interface Ref {
  slug: string;
  name: string;
}

export interface Image {
  /** Absolute URL, already resolved against the document that held it. */
  src: string;
  alt: string;
  caption?: string;
  credit?: string;
  width?: number;
  height?: number;
}

export interface Summary {
  slug: string;
  headline: string;
  summary?: string;
  /** RFC 3339 instant with offset; some real feeds have items without a date. */
  publishedAt?: string;
  updatedAt?: string;
  section?: Ref;
  source?: Ref;
  authors: Ref[];
  tags: Ref[];
  image?: Image;
}

export interface Article extends Summary {
  /** Untrusted HTML fragment: sanitize before it reaches the DOM. */
  body: string;
  /** Absolute URL of the document the body came from; relative links in it resolve against this. */
  baseUrl: string;
  /** The body was longer than the reader shows (src/news/limits.ts), and was cut. */
  bodyCut?: true;
  related: Summary[];
}

export interface Listing {
  title: string;
  page: number;
  pageCount: number;
  total: number;
  items: Summary[];
}

export interface Site {
  name: string;
  description?: string;
  language?: string;
  sections: Ref[];
  pageSize: number;
}

export const listingKinds = ['latest', 'top', 'section', 'tag', 'source', 'author'] as const;
export type ListingKind = (typeof listingKinds)[number];

/** Which listing: the feeds have no slug, the others do. */
export type ListingRef =
  { kind: 'latest' | 'top' } | { kind: 'section' | 'tag' | 'source' | 'author'; slug: string };
