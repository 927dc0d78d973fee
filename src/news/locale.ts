// The site's language, read leniently, and the Intl formatters that use it.
// A source may call its language anything ("en_US", "pt_PT_ao90",
// "de_DE.UTF-8"); Intl throws a RangeError on a tag it cannot parse, which
// would take every page down. So only tags Intl accepts get this far.

/**
 * A BCP 47 tag Intl accepts, from what a source calls its language: `en_US`
 * becomes `en-US`, an encoding or modifier (`.UTF-8`, `@euro`) and any subtag
 * that does not fit are dropped; nothing usable is undefined.
 */
export function languageTag(raw: string | undefined): string | undefined {
  const cleaned = raw
    ?.trim()
    .replace(/[.@].*$/s, '')
    .replaceAll('_', '-');
  if (!cleaned) return undefined;
  // A language is two or three letters (ISO 639); longer "languages" ("english", "posix") are not.
  let tag = /^[a-z]{2,3}(?:-|$)/i.test(cleaned) ? canonical(cleaned) : undefined;
  if (!tag) {
    const [first = '', ...rest] = cleaned.split('-');
    if (!/^[a-z]{2,3}$/i.test(first)) return undefined;
    tag = canonical(first);
    for (const subtag of rest) if (tag) tag = canonical(`${tag}-${subtag}`) ?? tag;
  }
  // "und" (undetermined) says nothing: the reader's own fallback is better.
  return tag === 'und' ? undefined : tag;
}

function canonical(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}

/**
 * What to hand Intl for a site's language: the language itself (Intl falls
 * back through its broader forms, `pt-PT` to `pt`) and English last, so a
 * language the browser does not know reads in English, not in whatever the
 * browser's own default happens to be.
 */
export function localesFor(language: string | undefined): string[] {
  return memo(locales, language ?? '', () => {
    const tag = languageTag(language);
    return tag && tag !== 'en' ? [tag, 'en'] : ['en'];
  });
}

/** What each language, as a source calls it, comes to: every date and byline asks. */
const locales = new Map<string, string[]>();

// Building an Intl formatter is far slower than using one: keep one per
// language and options.
const dateFormats = new Map<string, Intl.DateTimeFormat>();
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();
const listFormats = new Map<string, Intl.ListFormat>();

function memo<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

export function dateTimeFormat(
  language: string | undefined,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  const locales = localesFor(language);
  return memo(
    dateFormats,
    `${locales.join(',')}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locales, options),
  );
}

export function relativeTimeFormat(language: string | undefined): Intl.RelativeTimeFormat {
  const locales = localesFor(language);
  return memo(
    relativeFormats,
    locales.join(','),
    () => new Intl.RelativeTimeFormat(locales, { numeric: 'auto' }),
  );
}

export function listFormat(language: string | undefined): Intl.ListFormat {
  const locales = localesFor(language);
  return memo(
    listFormats,
    locales.join(','),
    () => new Intl.ListFormat(locales, { type: 'conjunction' }),
  );
}
