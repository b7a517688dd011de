// zod schemas for every message input. Background-only: handlers parse with these before doing anything, so a
// page (or anything pretending to be one) can never hand a service an unchecked value.
// Strict objects: a field a page sends that the schema does not know is refused (`bad_request`), never silently
// dropped on its way to the service (issue 12). The one exception is the template content, whose shared schema
// drops unknown keys on purpose (an import file may carry anything); its type is tied to the schema instead.
import { z } from 'zod';
import {
  DELIVERY_METHODS,
  PIXEL_LEVELS,
  PIXEL_STATUSES,
  PIXEL_TYPES,
  REGIONS,
  ROLES,
} from '../model/vocabulary';
import { TemplateInputSchema } from '../templates/template-schema';

const id = z.string().trim().min(1).max(100);
const profileId = id;
const pixelId = z.number().int().positive();
const offerId = z.number().int().nonnegative();

export const none = z
  .undefined()
  .or(z.null())
  .transform(() => undefined);
export const byId = z.strictObject({ id });

export const profileInput = z.strictObject({
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
    defaultTemplateId: z.string().max(100).optional(),
    requestDeadlineMs: z.number().int().min(3000).max(60_000).optional(),
    forgetKeysOnClose: z.boolean().optional(),
    healthWatch: z
      .strictObject({
        enabled: z.boolean(),
        everyMinutes: z.number().int().min(5, 'Check at most every 5 minutes.').max(1440),
        notify: z.boolean(),
      })
      .optional(),
  })
  .strict();

/**
 * The template schema is shared with the import preview (lib/templates/template-schema.ts): one set of rules.
 * It drops unknown keys (see the top of this file); test/lib/messaging/inputs.test.ts ties its type to the model's.
 */
export const templateInput = TemplateInputSchema;
/** An import: every template it writes, all or none (see lib/background/services/template-import.ts). */
export const templateImport = z.strictObject({
  templates: z
    .array(TemplateInputSchema.extend({ baseUpdatedAt: z.number().optional() }))
    .min(1)
    .max(1000),
});

export const draftKey = z.strictObject({ formId: id });
export const draftSave = z.strictObject({ formId: id, value: z.record(z.string(), z.unknown()) });

export const pixelFilters = z
  .strictObject({
    offerId: offerId.optional(),
    status: z.enum(PIXEL_STATUSES).optional(),
    type: z.enum(PIXEL_TYPES).optional(),
    deliveryMethod: z.enum(DELIVERY_METHODS).optional(),
    affiliateId: z.number().int().nonnegative().optional(),
    text: z.string().max(500).optional(),
  })
  .optional();

export const pixelDraft = z.strictObject({
  deliveryMethod: z.enum(DELIVERY_METHODS),
  type: z.enum(PIXEL_TYPES),
  level: z.enum(PIXEL_LEVELS),
  status: z.enum(PIXEL_STATUSES),
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

export const pixelsList = z.strictObject({
  profileId,
  filters: pixelFilters,
  refresh: z.boolean().optional(),
});
export const pixelsSearch = z.strictObject({ profileId, filters: pixelFilters, ...paging });
export const pixelRef = z.strictObject({ profileId, pixelId });
export const pixelCreate = z.strictObject({
  profileId,
  draft: pixelDraft,
  allowDuplicate: z.boolean().optional(),
});
export const pixelFindCreated = z.strictObject({
  profileId,
  draft: pixelDraft,
  knownIds: z.array(z.number().int().nonnegative()).max(50_000),
});
export const pixelUpdate = z.strictObject({ profileId, pixelId, draft: pixelDraft });
export const pixelStatus = z.strictObject({ profileId, pixelId, status: z.enum(PIXEL_STATUSES) });
export const listQuery = z.strictObject({ profileId, search: z.string().max(200).optional(), ...paging });
export const offerRef = z.strictObject({ profileId, offerId: z.number().int().positive() });
export const origins = z.strictObject({ origins: z.array(z.string().max(300)).min(1).max(10) });

export const popupStartInput = z.strictObject({ tabUrl: z.string().max(4000).optional() });

// History and undo (issue 17.4).
export const historyList = z.strictObject({ profileId: profileId.optional(), jobId: id.optional() });
export const historyUndo = z.strictObject({ entryId: id, confirm: z.boolean().optional() });
export const historyUndoLatest = z.strictObject({ profileId, pixelId, confirm: z.boolean().optional() });

// Bulk jobs (issue 17.1-17.3).
const applyTarget = z.strictObject({
  profileId,
  offerId: z.number().int().positive(),
  offerName: z.string().max(300).optional(),
  affiliateId: z.number().int().nonnegative().optional(),
  events: z
    .array(z.strictObject({ id: z.number().int().positive(), name: z.string().trim().min(1).max(200) }))
    .max(50)
    .optional(),
});
export const applyInput = z.strictObject({
  templateId: id,
  targets: z.array(applyTarget).min(1, 'Pick at least one offer.').max(5000),
});
export const jobControl = z.strictObject({
  id,
  action: z.enum(['pause', 'resume', 'cancel', 'retryFailed']),
});
export const jobRef = z.strictObject({ jobId: id });
const replaceTarget = z.strictObject({ profileId, pixelId });
export const findAll = z.strictObject({
  text: z.string().trim().min(2, 'Type at least two characters.').max(500),
  refresh: z.boolean().optional(),
});
export const replaceInput = z.strictObject({
  find: z.string().min(1, 'Type what to replace.').max(500),
  replace: z.string().max(2000),
  targets: z.array(replaceTarget).min(1, 'Pick at least one postback.').max(10_000),
});
export const toggleInput = z.strictObject({
  status: z.enum(PIXEL_STATUSES),
  targets: z.array(replaceTarget).min(1, 'Pick at least one postback.').max(10_000),
});
/** "Make default": for one profile, or without one the global fallback. */
export const defaultTemplatePick = z.strictObject({ templateId: id, profileId: id.optional() });
/** A portal host (as the popup read it from the tab) and the profile the user says it belongs to. */
export const portalPick = z.strictObject({ host: z.string().min(1).max(253), profileId: id });

// Health watch and test-fire (issue 18).
export const noticeRef = z.strictObject({ id: z.string().trim().min(1).max(300) });
export const testFireInput = z.strictObject({
  url: z.string().trim().min(1, 'Enter the URL to send.').max(8000),
  tracker: z.string().max(60).optional(),
  confirmed: z
    .strictObject({
      http: z.boolean().optional(),
      privateHost: z.boolean().optional(),
      everflowHost: z.boolean().optional(),
    })
    .optional(),
});
