import { useEffect } from 'react';

export interface PageMetaProps {
  title: string;
  description: string;
  /** Article pages only: canonical URL, Open Graph and JSON-LD. */
  canonical?: string;
  openGraph?: Record<string, string>;
  jsonLd?: object;
}

const OWNED = 'data-page-meta';

/**
 * Keeps <head> in step with the page: title and description on every page,
 * canonical, Open Graph and JSON-LD where given. Tags it added go when the page goes.
 */
export function PageMeta({ title, description, canonical, openGraph, jsonLd }: PageMetaProps) {
  const og = JSON.stringify(openGraph ?? {});
  const ld = jsonLd ? JSON.stringify(jsonLd) : '';
  useEffect(() => {
    document.title = title;
    let meta = document.head.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = 'description';
      document.head.append(meta);
    }
    meta.content = description;

    const added: Element[] = [];
    if (canonical) {
      const link = document.createElement('link');
      link.rel = 'canonical';
      link.href = canonical;
      added.push(link);
    }
    for (const [property, content] of Object.entries(JSON.parse(og) as Record<string, string>)) {
      const tag = document.createElement('meta');
      tag.setAttribute('property', property);
      tag.content = content;
      added.push(tag);
    }
    if (ld) {
      // A data block, not a script: browsers never run application/ld+json, and CSP allows it.
      const script = document.createElement('script');
      script.type = 'application/ld+json';
      script.textContent = ld;
      added.push(script);
    }
    for (const element of added) {
      element.setAttribute(OWNED, '');
      document.head.append(element);
    }
    return () => {
      for (const element of added) element.remove();
    };
  }, [title, description, canonical, og, ld]);
  return null;
}
