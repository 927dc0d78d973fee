import type { Ref } from '../news/types.ts';
import { NewsLink } from './NewsLink.tsx';

/** "More about: Syria, Conflict, Albu Kamal" */
export function TagLinks({ tags }: { tags: Ref[] }) {
  if (tags.length === 0) return null;
  return (
    <section className="tag-links" aria-labelledby="more-about">
      <h2 id="more-about">More about</h2>
      <ul>
        {tags.map((tag) => (
          <li key={tag.slug}>
            <NewsLink to={{ listing: { kind: 'tag', slug: tag.slug } }}>{tag.name}</NewsLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
