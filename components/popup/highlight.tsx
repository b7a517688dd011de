/**
 * A URL with its `{macros}` marked, for the list rows. A plain regex, not the checker: the list paints at popup
 * start, and the full check is loaded only when the user creates or edits.
 */
export function HighlightMacros({ text }: { text: string }) {
  const parts = text.split(/(\{[A-Za-z0-9_]+\})/g);
  return (
    <>
      {parts.map((part, i) =>
        i % 2 ? (
          <mark key={i} class="macro">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  );
}
