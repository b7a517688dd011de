import * as z from 'zod/mini';
import { API_HOST_PERMISSIONS, OPTIONAL_HOST_PERMISSIONS } from '../../lib/manifest';
import type { ProfileInput, ProfileView } from '../../lib/model/profile';
import { REGIONS, type Region, ROLES, type Role } from '../../lib/model/vocabulary';
import { hostMatchPattern } from '../../lib/portal/host-pattern';

/** The profile form's fields, as typed. The API key is not here: it never goes into a draft. */
export interface ProfileFormValue {
  name: string;
  role: Role;
  region: Region;
  customBaseUrl: string;
  /** Portal host names, comma- or space-separated as typed. */
  portalDomains: string;
}

/** An empty profile form. */
export function emptyProfile(): ProfileFormValue {
  return { name: '', role: 'affiliate', region: 'us', customBaseUrl: '', portalDomains: '' };
}

/** A stored profile as form values. */
export function profileToValue(p: ProfileView): ProfileFormValue {
  return {
    name: p.name,
    role: p.role,
    region: p.region,
    customBaseUrl: p.customBaseUrl ?? '',
    portalDomains: p.portalDomains.join(', '),
  };
}

/** The message for `profiles.save`. An empty key field on an edit keeps the stored key. */
export function toProfileInput(v: ProfileFormValue, apiKey: string, id?: string): ProfileInput {
  const input: ProfileInput = {
    name: v.name.trim(),
    role: v.role,
    region: v.region,
    portalDomains: v.portalDomains
      .split(/[\s,]+/)
      .map((d) => d.trim())
      .filter(Boolean),
  };
  if (id) input.id = id;
  if (v.region === 'custom') input.customBaseUrl = v.customBaseUrl.trim();
  if (apiKey.trim()) input.apiKey = apiKey.trim();
  return input;
}

/**
 * The host permission the profile's API host needs, as a match pattern: the US host (granted at install, but
 * the user may withhold or revoke it; the form asks again only when it is not granted), the EU host, or the
 * custom base URL's host (without its port: see hostMatchPattern). Undefined for a custom URL that does not parse (the background explains that one).
 */
export function neededOrigin(v: Pick<ProfileFormValue, 'region' | 'customBaseUrl'>): string | undefined {
  if (v.region === 'us') return API_HOST_PERMISSIONS[0];
  if (v.region === 'eu') return OPTIONAL_HOST_PERMISSIONS[0];
  if (v.region !== 'custom') return undefined;
  return hostMatchPattern(v.customBaseUrl);
}

/**
 * Whether the form now points a stored profile at another API host than the one its key was saved for. Then the
 * key must be typed again: the background never sends a stored key to a new host.
 */
export function hostChanged(
  editing: ProfileView,
  v: Pick<ProfileFormValue, 'region' | 'customBaseUrl'>,
): boolean {
  return neededOrigin(profileToValue(editing)) !== neededOrigin(v);
}

const DraftSchema = z.object({
  name: z.string(),
  role: z.enum(ROLES),
  region: z.enum(REGIONS),
  customBaseUrl: z.string(),
  portalDomains: z.string(),
});

/** A stored draft of the profile form, if it has the form's shape. */
export function parseProfileDraft(raw: unknown): ProfileFormValue | undefined {
  const r = DraftSchema.safeParse(raw);
  return r.success ? r.data : undefined;
}
