// zod schemas for every message input. Background-only: handlers parse with these before doing anything, so a
// page (or anything pretending to be one) can never hand a service an unchecked value.
import { z } from 'zod';
import { DELIVERY_METHODS, PIXEL_LEVELS, PIXEL_TYPES, REGIONS, ROLES } from '../storage/schemas';

const id = z.string().trim().min(1).max(100);
const profileId = id;
const pixelId = z.number().int().positive();
const offerId = z.number().int().nonnegative();

export const none = z
  .undefined()
  .or(z.null())
  .transform(() => undefined);
export const byId = z.object({ id });

export const profileInput = z.object({
  id: id.optional(),
  name: z.string().trim().min(1, 'Give the profile a name.').max(80),
  role: z.enum(ROLES),
  region: z.enum(REGIONS),
  customBaseUrl: z.string().trim().max(300).optional(),
  portalDomains: z.array(z.string().max(253)).max(20).default([]),
  apiKey: z.string().trim().max(500).optional(),
});

export const settingsPatch = z
  .object({
    defaultProfileId: id.optional(),
    defaultTemplateIds: z.record(z.string(), z.string()).optional(),
    forgetKeysOnClose: z.boolean().optional(),
  })
  .strict();

export const templateInput = z.object({
  id: id.optional(),
  name: z.string().trim().min(1, 'Give the template a name.').max(120),
  side: z.enum(ROLES),
  tracker: z.string().max(60),
  deliveryMethod: z.enum(DELIVERY_METHODS),
  pixelType: z.enum(PIXEL_TYPES),
  level: z.enum(PIXEL_LEVELS),
  postbackUrl: z.string().max(8000),
  htmlCode: z.string().max(20000),
  delayMs: z.number().int().min(0).max(300_000),
  notes: z.string().max(4000),
  description: z.string().max(1000),
  integration: z.record(z.string(), z.unknown()).optional(),
});

export const draftKey = z.object({ formId: id });
export const draftSave = z.object({ formId: id, value: z.record(z.string(), z.unknown()) });

export const pixelFilters = z
  .object({
    offerId: offerId.optional(),
    status: z.enum(['active', 'inactive']).optional(),
    type: z.enum(PIXEL_TYPES).optional(),
    deliveryMethod: z.enum(DELIVERY_METHODS).optional(),
    affiliateId: z.number().int().nonnegative().optional(),
    text: z.string().max(500).optional(),
  })
  .optional();

export const pixelDraft = z.object({
  deliveryMethod: z.enum(DELIVERY_METHODS),
  type: z.enum(PIXEL_TYPES),
  level: z.enum(PIXEL_LEVELS),
  status: z.enum(['active', 'inactive']),
  offerId: offerId.optional(),
  affiliateId: z.number().int().nonnegative().optional(),
  eventId: z.number().int().nonnegative().optional(),
  postbackUrl: z.string().max(8000).optional(),
  htmlCode: z.string().max(20000).optional(),
  delayMs: z.number().int().min(0).max(300_000).optional(),
  description: z.string().max(1000).optional(),
  integration: z.record(z.string(), z.unknown()).optional(),
});

const paging = {
  page: z.number().int().min(1).max(10_000).optional(),
  pageSize: z.number().int().min(1).max(500).optional(),
};

export const pixelsList = z.object({ profileId, filters: pixelFilters, refresh: z.boolean().optional() });
export const pixelsSearch = z.object({ profileId, filters: pixelFilters, ...paging });
export const pixelRef = z.object({ profileId, pixelId });
export const pixelCreate = z.object({ profileId, draft: pixelDraft, allowDuplicate: z.boolean().optional() });
export const pixelUpdate = z.object({ profileId, pixelId, draft: pixelDraft });
export const pixelStatus = z.object({ profileId, pixelId, status: z.enum(['active', 'inactive']) });
export const listQuery = z.object({ profileId, search: z.string().max(200).optional(), ...paging });
export const offerRef = z.object({ profileId, offerId: z.number().int().positive() });
export const origins = z.object({ origins: z.array(z.string().max(300)).min(1).max(10) });

export const popupStartInput = z.object({ tabUrl: z.string().max(4000).optional() });

// History and undo (issue 17.4).
export const historyList = z.object({ profileId: profileId.optional(), jobId: id.optional() });
export const historyUndo = z.object({ entryId: id, confirm: z.boolean().optional() });
export const historyUndoLatest = z.object({ profileId, pixelId, confirm: z.boolean().optional() });

// Bulk jobs (issue 17.1-17.3).
const applyTarget = z.object({
  profileId,
  offerId: z.number().int().positive(),
  offerName: z.string().max(300).optional(),
  affiliateId: z.number().int().nonnegative().optional(),
  events: z
    .array(z.object({ id: z.number().int().positive(), name: z.string().trim().min(1).max(200) }))
    .max(50)
    .optional(),
});
export const applyInput = z.object({
  templateId: id,
  targets: z.array(applyTarget).min(1, 'Pick at least one offer.').max(5000),
});
export const jobControl = z.object({ id, action: z.enum(['pause', 'resume', 'cancel', 'retryFailed']) });
export const jobRef = z.object({ jobId: id });
const replaceTarget = z.object({ profileId, pixelId });
export const findAll = z.object({
  text: z.string().trim().min(2, 'Type at least two characters.').max(500),
  refresh: z.boolean().optional(),
});
export const replaceInput = z.object({
  find: z.string().min(1, 'Type what to replace.').max(500),
  replace: z.string().max(2000),
  targets: z.array(replaceTarget).min(1, 'Pick at least one postback.').max(10_000),
});
export const toggleInput = z.object({
  status: z.enum(['active', 'inactive']),
  targets: z.array(replaceTarget).min(1, 'Pick at least one postback.').max(10_000),
});
