import { ConfigError, type Config } from '../config.ts';
import { createNativeSource } from './native.ts';
import type { NewsSource } from './NewsSource.ts';

export function createSource(config: Config, configUrl: string): NewsSource {
  switch (config.source.type) {
    case 'native':
      return createNativeSource(config.source.url);
    case 'jsonfeed':
    case 'wordpress':
      throw new ConfigError(
        configUrl,
        `“source.type”: “${config.source.type}” sources are not supported by this version of Broadsheet yet; use “native”.`,
      );
  }
}
