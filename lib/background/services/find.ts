import type { AppError } from '../../model/errors';
import type { FindFailure, FindMatch, JobStep, ReplacePreview, ReplaceTarget } from '../../model/jobs';
import type { PixelView } from '../../model/pixel';
import { ok, type Result } from '../../result';
import { profilesItem } from '../../storage/items';
import { urlFindings } from '../jobs/plan';
import { listPixels, type PixelDeps } from './pixels';

/** Every case-insensitive occurrence of `needle` in `hay`. */
export function occurrences(hay: string, needle: string): [number, number][] {
  const out: [number, number][] = [];
  if (!needle) return out;
  const h = hay.toLowerCase();
  const n = needle.toLowerCase();
  for (let i = h.indexOf(n); i !== -1; i = h.indexOf(n, i + n.length)) out.push([i, i + n.length]);
  return out;
}

/** The matches in one profile's postbacks. */
export function matchesIn(
  profile: { id: string; name: string },
  rows: readonly PixelView[],
  text: string,
): FindMatch[] {
  const out: FindMatch[] = [];
  for (const pixel of rows) {
    const field = pixel.deliveryMethod === 'html' ? 'htmlCode' : 'postbackUrl';
    const ranges = occurrences(pixel[field], text);
    if (ranges.length) out.push({ profileId: profile.id, profileName: profile.name, pixel, field, ranges });
  }
  return out;
}

/**
 * Search every profile's postbacks at once (host, path, macro or any text of the URL or HTML). Profiles are read
 * in parallel from the cache (fetched when not cached, or with `refresh`); `onProfile` sees each profile's matches
 * as they come (the bench times the first).
 */
export async function findEverywhere(
  input: { text: string; refresh?: boolean },
  deps: PixelDeps,
  onProfile?: (matches: FindMatch[]) => void,
): Promise<Result<{ matches: FindMatch[]; failures: FindFailure[] }, AppError>> {
  const profiles = await profilesItem.getValue();
  const matches: FindMatch[] = [];
  const failures: FindFailure[] = [];
  await Promise.all(
    profiles.map(async (p) => {
      const r = await listPixels({ profileId: p.id, ...(input.refresh ? { refresh: true } : {}) }, deps);
      if (!r.ok) return failures.push({ profileId: p.id, profileName: p.name, message: r.error.message });
      const found = matchesIn(p, r.value.value, input.text);
      matches.push(...found);
      onProfile?.(found);
    }),
  );
  return ok({ matches, failures });
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** `url` with every case-insensitive occurrence of `find` replaced by `replace`, literally. */
export function replaceAll(url: string, find: string, replace: string): string {
  return find ? url.replace(new RegExp(escapeRegExp(find), 'gi'), () => replace) : url;
}

/** The replace preview: every changed URL before and after, with findings (S2S postbacks only). */
export async function previewReplace(
  input: { find: string; replace: string; targets: ReplaceTarget[] },
  deps: PixelDeps,
): Promise<Result<ReplacePreview[], AppError>> {
  const out: ReplacePreview[] = [];
  const lists = new Map<string, PixelView[]>();
  for (const t of input.targets) {
    let rows = lists.get(t.profileId);
    if (!rows) {
      const r = await listPixels({ profileId: t.profileId }, deps);
      if (!r.ok) return r;
      rows = r.value.value;
      lists.set(t.profileId, rows);
    }
    const pixel = rows.find((p) => p.id === t.pixelId);
    if (pixel?.deliveryMethod !== 'postback') continue;
    const after = replaceAll(pixel.postbackUrl, input.find, input.replace);
    if (after === pixel.postbackUrl) continue;
    out.push({
      profileId: t.profileId,
      pixelId: pixel.id,
      offerId: pixel.offerId,
      before: pixel.postbackUrl,
      after,
      findings: urlFindings({ ...pixel, status: pixel.status, postbackUrl: after }),
    });
  }
  return ok(out);
}

/** The steps of a replace job: each refuses if the URL changed since the preview. */
export function replaceSteps(preview: readonly ReplacePreview[]): JobStep[] {
  return preview.map((p) => ({
    key: `replace:${p.profileId}:${p.pixelId}`,
    profileId: p.profileId,
    kind: 'update',
    offerId: p.offerId,
    label: `Postback ${p.pixelId}`,
    pixelId: p.pixelId,
    fromUrl: p.before,
    toUrl: p.after,
    state: 'pending',
  }));
}

/** The steps of a "toggle many" job. */
export function toggleSteps(targets: readonly ReplaceTarget[], status: 'active' | 'inactive'): JobStep[] {
  return targets.map((t) => ({
    key: `status:${t.profileId}:${t.pixelId}`,
    profileId: t.profileId,
    kind: 'status',
    offerId: 0,
    label: `Postback ${t.pixelId}`,
    pixelId: t.pixelId,
    status,
    state: 'pending',
  }));
}
