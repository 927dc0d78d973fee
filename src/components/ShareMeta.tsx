import { inlineJson } from '../inlineJson.ts';

export interface ShareMetaProps {
  canonical: string;
  /** Open Graph properties (`og:title`, `article:tag`, …) in order; a property may repeat. */
  openGraph: readonly (readonly [property: string, content: string])[];
  /** Twitter card tags (`twitter:card`, …). */
  twitter: readonly (readonly [name: string, content: string])[];
  jsonLd: object;
}

/**
 * Canonical URL, Open Graph, Twitter card and JSON-LD for search engines and
 * link previews. React hoists the link and meta tags into <head> (on the
 * server too, so crawlers that run no JavaScript see them); the JSON-LD stays
 * where it is rendered, which search engines accept anywhere in the page.
 */
export function ShareMeta({ canonical, openGraph, twitter, jsonLd }: ShareMetaProps) {
  return (
    <>
      <link rel="canonical" href={canonical} />
      {openGraph.map(([property, content], index) => (
        <meta key={`${property}-${String(index)}`} property={property} content={content} />
      ))}
      {twitter.map(([name, content]) => (
        <meta key={name} name={name} content={content} />
      ))}
      <script
        type="application/ld+json"
        // A data block, never run; inlineJson() keeps every string inside it.
        dangerouslySetInnerHTML={{ __html: inlineJson(jsonLd) }}
      />
    </>
  );
}
