import type { ShareMetaProps } from './ShareMeta.tsx';
import type { Site, Summary } from '../news/types.ts';

/** Open Graph tags and JSON-LD NewsArticle for an article page. */
export function articleShareMeta(
  story: Summary,
  wordCount: number | undefined,
  site: Site,
  canonical: string,
): ShareMetaProps {
  const description = story.summary ?? `${story.headline}, from ${site.name}.`;
  const openGraph: [string, string][] = [
    ['og:type', 'article'],
    ['og:title', story.headline],
    ['og:description', description],
    ['og:url', canonical],
    ['og:site_name', site.name],
  ];
  if (story.image) {
    openGraph.push(['og:image', story.image.src]);
    if (story.image.width && story.image.height) {
      openGraph.push(['og:image:width', String(story.image.width)]);
      openGraph.push(['og:image:height', String(story.image.height)]);
    }
    if (story.image.alt) openGraph.push(['og:image:alt', story.image.alt]);
  }
  if (story.publishedAt) openGraph.push(['article:published_time', story.publishedAt]);
  if (story.updatedAt) openGraph.push(['article:modified_time', story.updatedAt]);
  if (story.section) openGraph.push(['article:section', story.section.name]);
  for (const tag of story.tags) openGraph.push(['article:tag', tag.name]);
  const twitter: [string, string][] = [
    ['twitter:card', story.image ? 'summary_large_image' : 'summary'],
    ['twitter:title', story.headline],
    ['twitter:description', description],
  ];
  if (story.image) {
    twitter.push(['twitter:image', story.image.src]);
    if (story.image.alt) twitter.push(['twitter:image:alt', story.image.alt]);
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
  return { openGraph, twitter, jsonLd };
}
