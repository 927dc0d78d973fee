/**
 * JSON to write inside an HTML `<script>` element (a data block such as
 * JSON-LD or the server's state for hydration). Whatever the strings hold, the
 * result cannot end the element (`</script>`, in any case), open a comment
 * (`<!--`), or split a line for an old JavaScript parser (U+2028, U+2029): each
 * such character is written as a JSON escape, which parses back to the same
 * string.
 */
export function inlineJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, escapeCharacter);
}

function escapeCharacter(character: string): string {
  return `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
