import type { ShareMetaProps } from '../components/ShareMeta.tsx';
import type { Site, Summary } from '../news/types.ts';

/** Open Graph tags and JSON-LD NewsArticle for an article page. */
export function articleShareMeta(
  story: Summary,
  wordCount: number | undefined,
  site: Site,
  canonical: string,
): ShareMetaProps {
  const description = story.summary ?? `${story.headline}, from ${site.name}.`;
  const openGraph: Record<string, string> = {
    'og:type': 'article',
    'og:title': story.headline,
    'og:description': description,
    'og:url': canonical,
    'og:site_name': site.name,
  };
  if (story.publishedAt) openGraph['article:published_time'] = story.publishedAt;
  if (story.updatedAt) openGraph['article:modified_time'] = story.updatedAt;
  if (story.section) openGraph['article:section'] = story.section.name;
  if (story.image) {
    openGraph['og:image'] = story.image.src;
    openGraph['og:image:alt'] = story.image.alt;
  }
  const publisher = story.source?.name ?? site.name;
  const modified = story.updatedAt ?? story.publishedAt;
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.headline,
    description,
    ...(story.publishedAt ? { datePublished: story.publishedAt } : {}),
    ...(modified ? { dateModified: modified } : {}),
    mainEntityOfPage: canonical,
    url: canonical,
    ...(story.image ? { image: [story.image.src] } : {}),
    ...(story.section ? { articleSection: story.section.name } : {}),
    ...(story.tags.length > 0 ? { keywords: story.tags.map((tag) => tag.name) } : {}),
    author:
      story.authors.length > 0
        ? story.authors.map((author) => ({ '@type': 'Person', name: author.name }))
        : [{ '@type': 'Organization', name: publisher }],
    publisher: { '@type': 'Organization', name: publisher },
    ...(wordCount ? { wordCount } : {}),
  };
  return { canonical, openGraph, jsonLd };
}
