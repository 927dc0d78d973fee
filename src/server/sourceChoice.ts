// BROADSHEET_SOURCE: the source a server or build reads instead of the config file's.

export const SOURCE_VARIABLE = 'BROADSHEET_SOURCE';
const TYPES = ['native', 'jsonfeed', 'wordpress'] as const;

export interface SourceChoice {
  type: (typeof TYPES)[number];
  url: string;
}

/**
 * `jsonfeed:https://example.org/feed.json` (or `wordpress:…`, `native:…`) into
 * a source, or an error that says what is wrong with it.
 */
export function parseSourceChoice(value: string): SourceChoice {
  const match = /^([a-z]+):(.+)$/.exec(value.trim());
  const type = TYPES.find((candidate) => candidate === match?.[1]);
  if (!match?.[2] || !type) {
    throw new Error(
      `${SOURCE_VARIABLE}="${value}" is not TYPE:URL with TYPE one of ${TYPES.join(', ')}, e.g. jsonfeed:https://example.org/feed.json`,
    );
  }
  const url = match[2];
  if (!URL.canParse(url) && !/^[^:]+$/.test(url))
    throw new Error(`${SOURCE_VARIABLE}: "${url}" is not a URL`);
  // Every reader's browser fetches the source (and the terminal would print it).
  if (URL.canParse(url) && (new URL(url).username || new URL(url).password))
    throw new Error(`${SOURCE_VARIABLE}: a source URL may not carry a user name or password`);
  return { type, url };
}
