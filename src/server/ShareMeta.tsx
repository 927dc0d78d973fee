import { inlineJson } from '../inlineJson.ts';

export interface ShareMetaProps {
  /** Open Graph properties (`og:title`, `article:tag`, …) in order; a property may repeat. */
  openGraph: readonly (readonly [property: string, content: string])[];
  /** Twitter card tags (`twitter:card`, …). */
  twitter: readonly (readonly [name: string, content: string])[];
  jsonLd: object;
}

/**
 * Open Graph, Twitter card and JSON-LD for link previews and search engines,
 * in the <head> of the page the server sends: those who read them (crawlers,
 * preview bots) fetch the page itself and run none of its script, so the
 * browser's bundle carries none of this (the page's canonical link and title
 * it renders itself), and the reader takes them out when it moves on to
 * another page (SHARE_TAGS in src/routes/Layout.tsx).
 */
export function ShareMeta({ openGraph, twitter, jsonLd }: ShareMetaProps) {
  return (
    <>
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
