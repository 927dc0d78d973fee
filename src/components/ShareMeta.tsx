import { useEffect } from 'react';

export interface ShareMetaProps {
  canonical: string;
  openGraph: Record<string, string>;
  jsonLd: object;
}

/** Canonical URL, Open Graph tags and JSON-LD in <head>, for search engines and link previews; removed with the page. */
export function ShareMeta({ canonical, openGraph, jsonLd }: ShareMetaProps) {
  const og = JSON.stringify(openGraph);
  const ld = JSON.stringify(jsonLd);
  useEffect(() => {
    const link = document.createElement('link');
    link.rel = 'canonical';
    link.href = canonical;
    const added: Element[] = [link];
    for (const [property, content] of Object.entries(JSON.parse(og) as Record<string, string>)) {
      const tag = document.createElement('meta');
      tag.setAttribute('property', property);
      tag.content = content;
      added.push(tag);
    }
    // A data block, not a script: browsers never run application/ld+json, and CSP allows it.
    const script = document.createElement('script');
    script.type = 'application/ld+json';
    script.textContent = ld;
    added.push(script);
    for (const element of added) {
      element.setAttribute('data-page-meta', '');
      document.head.append(element);
    }
    return () => {
      for (const element of added) element.remove();
    };
  }, [canonical, og, ld]);
  return null;
}
