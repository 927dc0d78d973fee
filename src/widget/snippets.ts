// The HTML a publisher pastes to embed a feed, in both forms (README: Embed
// Broadsheet), written from the same options the element reads.
import type { ListingRef } from '../news/types.ts';
import { LIMIT, type WidgetOptions } from './options.ts';

/** The `feed` attribute that names `ref`: `latest`, `top`, `section:world`, … */
export function feedValue(ref: ListingRef): string {
  return 'slug' in ref ? `${ref.kind}:${ref.slug}` : ref.kind;
}

/** The attributes that say what `options` asks for, defaults left out (the feed is always named). */
export function widgetAttributes(options: WidgetOptions): [string, string][] {
  const attributes: [string, string][] = [['feed', feedValue(options.feed)]];
  if (options.limit !== LIMIT.default) attributes.push(['limit', String(options.limit)]);
  if (options.layout !== 'list') attributes.push(['layout', options.layout]);
  if (options.theme !== 'auto') attributes.push(['theme', options.theme]);
  if (options.title !== undefined) attributes.push(['title', options.title]);
  if (options.newTab) attributes.push(['target', '_blank']);
  return attributes;
}

/** The iframe form's query string (`feed=top&limit=3`), without the `?`. */
export function frameQuery(options: WidgetOptions): string {
  return new URLSearchParams(widgetAttributes(options)).toString();
}

/** Text made safe inside a double-quoted attribute value. */
export function attributeValue(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');
}

/** `<script>` and `<broadsheet-feed>`; `readerRoot` is absolute, with its trailing slash. */
export function scriptSnippet(readerRoot: string, options: WidgetOptions): string {
  const attributes = widgetAttributes(options)
    .map(([name, value]) => ` ${name}="${attributeValue(value)}"`)
    .join('');
  return [
    `<script type="module" src="${attributeValue(`${readerRoot}widget.js`)}"></script>`,
    `<broadsheet-feed${attributes}></broadsheet-feed>`,
  ].join('\n');
}

/** An `<iframe>` of the feed's page and `embed.js`, which sizes it; `title` names the frame. */
export function frameSnippet(readerRoot: string, options: WidgetOptions, title: string): string {
  const src = `${readerRoot}embed/feed?${frameQuery(options)}`;
  return [
    '<iframe',
    `  src="${attributeValue(src)}"`,
    `  title="${attributeValue(title)}"`,
    '  loading="lazy"',
    '  style="width: 100%; border: 0"',
    '></iframe>',
    `<script type="module" src="${attributeValue(`${readerRoot}embed.js`)}"></script>`,
  ].join('\n');
}
