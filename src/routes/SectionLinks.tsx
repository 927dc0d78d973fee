import { paths } from '../news/paths.ts';
import type { Ref } from '../news/types.ts';
import { isCurrent, ReaderLink } from './ReaderLink.tsx';

/**
 * A list item linking to each of the site's sections, for the header, footer
 * and About; with `pathname` (the address shown), the section it is in marked current.
 */
export function SectionLinks({
  sections,
  pathname,
}: {
  sections: readonly Ref[];
  pathname?: string;
}) {
  return sections.map((section) => {
    const to = paths.listing({ kind: 'section', slug: section.slug });
    return (
      <li key={section.slug}>
        <ReaderLink to={to} current={pathname !== undefined && isCurrent(pathname, to)}>
          {section.name}
        </ReaderLink>
      </li>
    );
  });
}
