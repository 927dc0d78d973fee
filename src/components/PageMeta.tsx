import { balanceDirection } from '../news/plainText.ts';

/**
 * The page's <title> and meta description. React puts them in <head>, on the
 * server and in the browser alike, and takes them out with the page.
 */
export function PageMeta({ title, description }: { title: string; description: string }) {
  return (
    <>
      {/* Source strings arrive with their direction controls paired; the title stays so whatever it is made of. */}
      <title>{balanceDirection(title)}</title>
      <meta name="description" content={description} />
    </>
  );
}
