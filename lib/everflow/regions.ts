import { EVERFLOW_API_BASES } from '../model/everflow-hosts';
import { err, ok, type Result } from '../result';

/** Everflow API hosts (reference §1): most accounts are US; "a small subset" are on the EU host. */
export const REGIONS = EVERFLOW_API_BASES;
/** A named Everflow region. */
export type Region = keyof typeof REGIONS;

/**
 * The base URL for a region name or a custom URL (e.g. the local sandbox). A custom URL must be
 * http(s) with no query or fragment; a trailing slash is dropped. The error is a sentence for people.
 */
export function resolveBaseUrl(input: Region | string): Result<string, string> {
  if (input === 'us' || input === 'eu') return ok(REGIONS[input]);
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return err('The API address is not a valid URL. Use https://api.eflow.team/v1 or pick a region.');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return err('The API address must start with https:// (or http:// for a local sandbox).');
  }
  if (url.search || url.hash) return err('The API address must not have a query (?…) or fragment (#…).');
  return ok(`${url.origin}${url.pathname}`.replace(/\/+$/, ''));
}
