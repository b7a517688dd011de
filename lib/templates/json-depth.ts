/**
 * How deeply a JSON text nests, found by scanning it without parsing. An import file is checked with this
 * before `JSON.parse`: a file nested thousands of levels deep would otherwise be parsed, validated and handed
 * to the browser's messaging, which silently cuts deep values (issue 13, defect 6).
 */

/**
 * Whether the JSON text nests objects and arrays deeper than `max` levels (`{}` is one level, `{"a":[]}` two).
 * Brackets inside strings do not count. Stops at the first level over `max`, so a hostile file costs little.
 */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c /* \ */) i++;
      else if (c === 0x22 /* " */) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (++depth > max) return true;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) depth--;
  }
  return false;
}
