/** The options page's sections, in navigation order ("partner-postbacks" shows with a network profile). */
export const SECTIONS = [
  'profiles',
  'partner-postbacks',
  'templates',
  'bulk',
  'history',
  'health',
  'settings',
] as const;
/** One section of the options page. */
export type Section = (typeof SECTIONS)[number];

/** Where the options page is: a section and, optionally, an open item ("new" or an id). */
export interface Route {
  section: Section;
  item?: string;
}

/** Read a route from the address hash (`#templates/abc`); anything unknown is the profiles section. */
export function parseHash(hash: string): Route {
  const [head = '', ...rest] = hash.replace(/^#/, '').split('/');
  const section = (SECTIONS as readonly string[]).includes(head) ? (head as Section) : 'profiles';
  const item = rest.length ? decodeItem(rest.join('/')) : undefined;
  return item ? { section, item } : { section };
}

/** The item part of a hash, or undefined when it is not valid percent-encoding (a mangled link). */
function decodeItem(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** The address hash of a route. */
export function toHash(route: Route): string {
  return `#${route.section}${route.item ? `/${encodeURIComponent(route.item)}` : ''}`;
}
