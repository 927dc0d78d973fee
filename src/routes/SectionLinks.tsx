import { NavLink } from 'react-router';
import { paths } from '../news/paths.ts';
import type { Ref } from '../news/types.ts';

/** A list item linking to each of the site's sections (the one shown marked as current): for the header, footer and About. */
export function SectionLinks({ sections }: { sections: readonly Ref[] }) {
  return sections.map((section) => (
    <li key={section.slug}>
      <NavLink to={paths.listing({ kind: 'section', slug: section.slug })}>{section.name}</NavLink>
    </li>
  ));
}
