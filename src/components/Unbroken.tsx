/**
 * A headline's words, each hyphenated one kept whole: a browser may break a
 * line after any hyphen ("rain- / soaked", "Gannet- / 1"), which a headline
 * never should. Only the compound is held together, so the line still wraps
 * between words.
 */
export function Unbroken({ text }: { text: string }) {
  return text.split(/([^\s-]{1,20}(?:-[^\s-]{1,20})+)/).map((part, index) =>
    index % 2 ? (
      <span className="nowrap" key={index}>
        {part}
      </span>
    ) : (
      part
    ),
  );
}
