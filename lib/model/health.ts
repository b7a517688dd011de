// The health watch's vocabulary (issue 18.1): what the watch noticed, and what pages are shown. zod/mini like the
// rest of lib/model: storage validates notices with this schema; every field that can repairs itself.
import * as z from 'zod/mini';

export const NOTICE_KINDS = ['switched_off', 'deleted', 'created'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/**
 * Something the watch noticed. `switched_off` is flagged (badge, "Needs attention"); `deleted` and `created`
 * (elsewhere) are informational.
 */
export const Notice = z.object({
  /** `${profileId}:${pixelId}:${kind}`: one notice per postback and kind. */
  id: z.string().check(z.minLength(1)),
  kind: z.enum(NOTICE_KINDS),
  profileId: z.string().check(z.minLength(1)),
  pixelId: z.number(),
  offerId: z.catch(z.number(), 0),
  offerName: z.catch(z.optional(z.string()), undefined),
  affiliateId: z.catch(z.optional(z.number()), undefined),
  affiliateName: z.catch(z.optional(z.string()), undefined),
  noticedAt: z.catch(z.number(), 0),
});
export type Notice = z.infer<typeof Notice>;

/** A notice as pages see it: with its profile's name and side. */
export interface NoticeView extends Notice {
  profileName: string;
  side: 'affiliate' | 'network';
}

/** The "Needs attention" list, as `health.list` and the other health messages answer it. */
export interface HealthReply {
  /** Flagged first (switched off outside the extension), then informational, newest first within each. */
  notices: NoticeView[];
  /** How many are flagged (the badge's number). */
  flagged: number;
  lastCheckAt?: number;
  errors: Array<{ profileId: string; profileName: string; message: string }>;
  enabled: boolean;
}
