import * as v from 'valibot';
import { SourceError } from './SourceError.ts';

/**
 * Validate a fetched document against its schema, or fail with a message that
 * names the document and the first field that is wrong.
 */
export function validateDocument<const S extends v.GenericSchema>(
  schema: S,
  value: unknown,
  url: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = v.getDotPath(issue);
  const where = path ? `at “${path}”` : 'at the top level';
  throw new SourceError(
    'invalid-data',
    url,
    `${url} is not a valid document: ${where}, ${lowerFirst(issue.message)}.`,
    {
      cause: result.issues,
    },
  );
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

export const slugSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9-]{1,120}$/, 'Expected a slug (1 to 120 of a-z, 0-9 and -)'),
);

/** RFC 3339 date-time with an offset, normalised to what Date understands. */
export const dateTimeSchema = v.pipe(
  v.string(),
  v.regex(
    /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/,
    'Expected an RFC 3339 date-time with an offset',
  ),
  v.check((value) => !Number.isNaN(Date.parse(value)), 'Expected a real date'),
);

/** Resolve a possibly relative URL against the document that held it; only http(s) survives. */
export function resolveUrl(url: string, base: string): string | undefined {
  try {
    const resolved = new URL(url, base);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:'
      ? resolved.href
      : undefined;
  } catch {
    return undefined;
  }
}
