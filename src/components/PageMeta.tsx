import { useEffect } from 'react';
import { balanceDirection } from '../news/plainText.ts';

/** Keeps the page's <title> and meta description in step with what it shows. */
export function PageMeta({ title, description }: { title: string; description: string }) {
  useEffect(() => {
    // Source strings arrive with their direction controls paired; the title stays so whatever it is made of.
    document.title = balanceDirection(title);
    let meta = document.head.querySelector<HTMLMetaElement>('meta[name="description"]');
    if (!meta) {
      meta = document.createElement('meta');
      meta.name = 'description';
      document.head.append(meta);
    }
    meta.content = description;
  }, [title, description]);
  return null;
}
