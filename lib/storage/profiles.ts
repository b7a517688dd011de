import { storage } from '@wxt-dev/storage';

/** Stored profiles. The full schema, validation and repair arrive with the background core. */
export const profilesItem = storage.defineItem<unknown[]>('local:profiles', {
  fallback: [],
  version: 1,
});
