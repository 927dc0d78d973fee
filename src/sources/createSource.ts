import type { Config } from '../config.ts';
import { createNativeSource } from './native.ts';
import type { NewsSource } from './NewsSource.ts';

/**
 * The adapter the config asks for. The native one ships with the app; the
 * others load only on sites that use them, so they cost the rest nothing.
 */
export async function createSource(config: Config): Promise<NewsSource> {
  const { type, url } = config.source;
  switch (type) {
    case 'native':
      return createNativeSource(url);
    case 'jsonfeed':
      return (await import('./jsonfeed.ts')).createJsonFeedSource(url);
    case 'wordpress':
      return (await import('./wordpress.ts')).createWordPressSource(url);
  }
}
