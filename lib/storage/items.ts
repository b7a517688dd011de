import { DEFAULT_SETTINGS, Settings } from '../model/settings';
import { Template } from '../model/template';
import { parseList, parseMap, parseObject } from './repair';
import { CacheEntry, Draft, Profile } from './schemas';
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

/** Cached API answers by cache key, for stale-while-revalidate rendering. */
export const cacheItem = defineValidatedItem<Record<string, CacheEntry>>('local:cache', {
  fallback: {},
  version: 1,
  parse: (raw) => parseMap(CacheEntry, raw),
});
