/**
 * Naming for the template library: the name a duplicate gets, and a free name for a template made from a
 * preset. Names compare ignoring case and outer spaces, as the import preview matches them.
 */

const key = (name: string) => name.trim().toLocaleLowerCase();

/** The first free "Name (copy)", "Name (copy 2)", … (a copy of a copy counts on from the original name). */
export function copyName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map(key));
  const base = name.trim().replace(/ \(copy(?: \d+)?\)$/, '');
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${base} (copy)` : `${base} (copy ${n})`;
    if (!used.has(key(candidate))) return candidate;
  }
}

/** `name` itself when free, else "Name 2", "Name 3", … */
export function uniqueName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map(key));
  const base = name.trim();
  if (!used.has(key(base))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} ${n}`;
    if (!used.has(key(candidate))) return candidate;
  }
}
