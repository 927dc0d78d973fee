import * as v from 'valibot';
import { fetchJson } from './sources/fetchJson.ts';
import { isSourceError } from './sources/SourceError.ts';

const sourceTypes = ['native', 'jsonfeed', 'wordpress'] as const;

const configSchema = v.object({
  source: v.object({
    type: v.picklist(sourceTypes, `Expected "type" to be one of ${sourceTypes.join(', ')}`),
    url: v.pipe(
      v.string('Expected "url" to be a string'),
      v.nonEmpty('Expected a non-empty "url"'),
    ),
  }),
});

export interface Config {
  source: {
    type: (typeof sourceTypes)[number];
    /** Absolute URL, ending in "/" for native. */ url: string;
  };
}

/** The config file could not be read or makes no sense: shown on screen as is. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly file: string;
  constructor(file: string, problem: string, cause?: unknown) {
    super(problem, { cause });
    this.file = file;
  }
}

/**
 * Load the runtime config that sits next to index.html. A relative source URL
 * resolves against the config file's own URL, never the page's, so deep links
 * still find the API.
 */
export async function loadConfig(configUrl: string): Promise<Config> {
  let raw: unknown;
  try {
    raw = await fetchJson(configUrl);
  } catch (error) {
    const problem = isSourceError(error)
      ? error.kind === 'not-found'
        ? 'The file is missing. Put it next to index.html (see the README).'
        : error.kind === 'invalid-json'
          ? 'The file is not valid JSON.'
          : `The file could not be read: ${error.message}`
      : 'The file could not be read.';
    throw new ConfigError(configUrl, problem, error);
  }
  return parseConfig(raw, configUrl);
}

/** A config file's contents, checked, its source URL resolved against the file's own URL. */
export function parseConfig(raw: unknown, configUrl: string): Config {
  const result = v.safeParse(configSchema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    const path = v.getDotPath(issue);
    throw new ConfigError(
      configUrl,
      `${path ? `“${path}”: ` : ''}${issue.message}. Expected something like { "source": { "type": "native", "url": "api/" } }.`,
    );
  }
  const { type, url } = result.output.source;
  let resolved: URL;
  try {
    resolved = new URL(url, configUrl);
  } catch {
    throw new ConfigError(configUrl, '“source.url” is not a URL.');
  }
  if (resolved.username || resolved.password) {
    // Every reader would be shown them, and browsers refuse to fetch such an address anyway.
    throw new ConfigError(
      configUrl,
      '“source.url” has a user name or password in it. Take them out: the reader fetches the news from every reader’s browser, so a source must be public (and allow this site through CORS when it is on another site).',
    );
  }
  if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') {
    throw new ConfigError(configUrl, `“source.url”: only http and https sources are supported.`);
  }
  let href = resolved.href;
  // Native and WordPress URLs are folders that documents resolve against.
  if (type !== 'jsonfeed' && !href.endsWith('/')) href += '/';
  return { source: { type, url: href } };
}
