import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src/news/formatDate.ts';
import { languageTag, listFormat, localesFor } from '../../src/news/locale.ts';

describe('languageTag', () => {
  it.each([
    ['en_US', 'en-US'],
    ['pt_PT_ao90', 'pt-PT'],
    ['de_DE.UTF-8', 'de-DE'],
    ['sr_RS@latin', 'sr-RS'],
    ['EN-gb', 'en-GB'],
    ['zh_Hans_CN', 'zh-Hans-CN'],
    ['fr', 'fr'],
    [' es-419 ', 'es-419'],
    ['en-US-u-ca-gregory', 'en-US-u-ca-gregory'],
    ['nl-NL-x', 'nl-NL'],
  ])('reads %j as %j', (raw, tag) => {
    expect(languageTag(raw)).toBe(tag);
  });

  it.each(['', '  ', 'C', 'POSIX', 'english', '12', 'und', '_US', '😀', 'x-klingon', 'en US'])(
    'has no tag for %j',
    (raw) => {
      expect(languageTag(raw)).toBeUndefined();
    },
  );

  it('gives Intl only tags it accepts, whatever comes in', () => {
    for (const raw of ['en_US', 'pt_PT_ao90', 'de_DE@euro', 'a-b-c-d-e', 'x_y_z', 'tlh_Piqd']) {
      const tag = languageTag(raw);
      if (tag !== undefined) expect(() => new Intl.DateTimeFormat(tag)).not.toThrow();
    }
  });
});

describe('localesFor', () => {
  it('ends in English, so a language the browser does not know reads in English', () => {
    expect(localesFor('pt-PT')).toEqual(['pt-PT', 'en']);
    expect(localesFor('en')).toEqual(['en']);
    expect(localesFor(undefined)).toEqual(['en']);
    expect(localesFor('en_US')).toEqual(['en-US', 'en']);
  });

  it('formats dates and lists in a language written as a locale, instead of throwing', () => {
    const now = Date.parse('2026-11-25T12:00:00Z');
    expect(formatDate('2017-11-08T14:05:00Z', now, 'pt_PT_ao90')).toBe('8/11/2017');
    expect(formatDate('2017-11-08T14:05:00Z', now, 'en_US')).toBe('Nov 8, 2017');
    expect(listFormat('en_GB').format(['Ann', 'Bo', 'Cy'])).toBe('Ann, Bo and Cy');
    expect(listFormat('qq').format(['Ann', 'Bo'])).toBe('Ann and Bo');
  });
});
