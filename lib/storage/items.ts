import { DEFAULT_SETTINGS, Settings } from '../model/settings';
import { Template } from '../model/template';
import type { CacheIndex as CacheIndexShape } from './cache-layout';
import { parseList, parseMap, parseObject, type Repaired } from './repair';
import { CacheIndex, CacheIndexEntry, Draft, Profile } from './schemas';
import { defineValidatedItem } from './validated-item';

/** Every Everflow account the user set up. Keys are not here (see keys.ts). */
export const profilesItem = defineValidatedItem<Profile[]>('local:profiles', {
  fallback: [],
  version: 1,
  parse: (raw) => parseList(Profile, raw),
});

/** The template library. */
export const templatesItem = defineValidatedItem<Template[]>('local:templates', {
  fallback: [],
  version: 1,
  parse: (raw) => parseList(Template, raw),
});

/** User settings. */
export const settingsItem = defineValidatedItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
  parse: (raw) => parseObject(Settings, raw, DEFAULT_SETTINGS),
});

/**
 * Unsaved form state by form id. Local, not session: a draft must survive a reload and a browser crash, and it
 * never holds a key.
 */
export const draftsItem = defineValidatedItem<Record<string, Draft>>('local:drafts', {
  fallback: {},
  version: 1,
  parse: (raw) => parseMap(Draft, raw),
});

const EMPTY_INDEX: CacheIndexShape = { entries: {}, evicted: {} };

/** The index of the data cache: its entries (stored apart, see cache-layout.ts) and what was evicted. */
export const cacheIndexItem = defineValidatedItem<CacheIndexShape>('local:cacheIndex', {
  fallback: EMPTY_INDEX,
  version: 1,
  parse: (raw): Repaired<CacheIndexShape> => {
    const outer = parseObject(CacheIndex, raw, EMPTY_INDEX);
    const entries = parseMap(CacheIndexEntry, outer.value.entries);
    return {
      value: { entries: entries.value, evicted: outer.value.evicted },
      repairs: [...outer.repairs, ...entries.repairs],
    };
  },
});
