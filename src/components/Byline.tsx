import { Fragment, type ReactNode } from 'react';
import { listFormat } from '../news/locale.ts';
import type { Ref } from '../news/types.ts';
import { useSite } from './SiteContext.ts';
import { NewsLink } from './NewsLink.tsx';

/**
 * "By Jane Doe and Ali Karim, AFP"; "By AFP" when no author is named. Every
 * name links to its listing, isolated for direction: a name written right to
 * left, or one that carries direction controls, cannot reorder the rest.
 * Renders nothing when there is no one to credit.
 */
export function Byline({ authors, source }: { authors: Ref[]; source?: Ref | undefined }) {
  const site = useSite();
  if (authors.length === 0 && !source) return null;

  const sourceLink = source && (
    <NewsLink to={{ listing: { kind: 'source', slug: source.slug } }}>
      <bdi>{source.name}</bdi>
    </NewsLink>
  );
  let names: ReactNode = sourceLink;
  if (authors.length > 0) {
    // One name needs no list (and no list formatter).
    const parts =
      authors.length === 1
        ? [{ type: 'element', value: authors[0]?.slug ?? '' }]
        : listFormat(site.language).formatToParts(authors.map((author) => author.slug));
    const bySlug = new Map(authors.map((author) => [author.slug, author]));
    names = (
      <>
        {parts.map((part, index) => {
          const author = part.type === 'element' ? bySlug.get(part.value) : undefined;
          return (
            <Fragment key={index}>
              {author ? (
                <NewsLink to={{ listing: { kind: 'author', slug: author.slug } }}>
                  <bdi>{author.name}</bdi>
                </NewsLink>
              ) : (
                part.value
              )}
            </Fragment>
          );
        })}
        {sourceLink && <>, {sourceLink}</>}
      </>
    );
  }
  return <span className="byline">By {names}</span>;
}
