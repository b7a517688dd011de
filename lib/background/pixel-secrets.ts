// Integration tokens read from Everflow (the affiliate seed's `facebook_pixel.access_token`, passwords inside
// integration objects) are secrets like API keys: pages only ever see them masked, and an edit that sends the
// masked value back keeps the token the server has (issue 13, defect 11, for postbacks rather than templates).
import { findSecrets, mapSecrets, maskSecret } from '../templates/secret-fields';

/** A copy of an integration object with every secret masked ("••••1234"), for views, the cache and the page. */
export function maskIntegrationSecrets<T>(integration: T): T {
  return mapSecrets(integration, (hit) => maskSecret(hit.value));
}

/**
 * The integration object a page sent, with each secret it left masked put back from the server's object: a value
 * that is exactly the mask of the server's secret at the same place means "unchanged". A newly typed token, or a
 * masked value that matches nothing the server has, goes through as typed.
 */
export function restoreMaskedSecrets<T>(sent: T, server: unknown): T {
  const known = new Map(findSecrets(server).map((hit) => [hit.path, hit.value]));
  if (!known.size) return sent;
  return mapSecrets(sent, (hit) => {
    const original = known.get(hit.path);
    return original !== undefined && hit.value === maskSecret(original) ? original : hit.value;
  });
}
