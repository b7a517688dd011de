import * as z from 'zod';
import { DELIVERY_METHODS, PIXEL_LEVELS, PIXEL_TYPES, ROLES } from '../model/vocabulary';

/** The longest delay Everflow accepts before firing a postback (5 minutes), in milliseconds. */
export const MAX_DELAY_MS = 300_000;
/** How deeply a template's integration object may nest (Meta's is three levels: object, rows, row). */
export const MAX_INTEGRATION_DEPTH = 8;

/** The longest text each text field of a template may hold. */
export const TEXT_LIMITS = {
  id: 100,
  name: 120,
  tracker: 60,
  postbackUrl: 8000,
  htmlCode: 20_000,
  notes: 4000,
  description: 1000,
} as const;

/** How many levels of objects and arrays a value nests (a string is 0, `{}` is 1). */
export function depthOf(value: unknown, max = Number.POSITIVE_INFINITY, level = 0): number {
  if (value === null || typeof value !== 'object') return level;
  // Stop counting past `max`: the caller only needs to know it is too deep.
  if (level >= max) return level + 1;
  let deepest = level + 1;
  for (const v of Object.values(value)) deepest = Math.max(deepest, depthOf(v, max, level + 1));
  return deepest;
}

/**
 * The one schema of a template's content: what `templates.save` and `templates.import` accept, and what the
 * import preview checks each entry of a file against, so the preview never promises what the save refuses
 * (issue 13, defect 7). Unknown keys are dropped.
 */
export const TemplateInputSchema = z.object({
  id: z.string().trim().min(1).max(TEXT_LIMITS.id).optional(),
  name: z.string().trim().min(1, 'Give the template a name.').max(TEXT_LIMITS.name),
  side: z.enum(ROLES),
  tracker: z.string().max(TEXT_LIMITS.tracker),
  deliveryMethod: z.enum(DELIVERY_METHODS),
  pixelType: z.enum(PIXEL_TYPES),
  level: z.enum(PIXEL_LEVELS),
  postbackUrl: z.string().max(TEXT_LIMITS.postbackUrl),
  htmlCode: z.string().max(TEXT_LIMITS.htmlCode),
  delayMs: z.number().int().min(0).max(MAX_DELAY_MS),
  notes: z.string().max(TEXT_LIMITS.notes),
  description: z.string().max(TEXT_LIMITS.description),
  integration: z
    .record(z.string(), z.unknown())
    .refine((v) => depthOf(v, MAX_INTEGRATION_DEPTH) <= MAX_INTEGRATION_DEPTH, {
      message: `The integration settings are nested too deeply (over ${MAX_INTEGRATION_DEPTH} levels).`,
    })
    .optional(),
});

/** A template's content as the schema outputs it. */
export type TemplateContent = z.output<typeof TemplateInputSchema>;

/** The values an import file may leave out (older exports, hand-written files). */
export const IMPORT_DEFAULTS = {
  side: 'affiliate',
  tracker: 'custom',
  postbackUrl: '',
  htmlCode: '',
  delayMs: 0,
  notes: '',
  description: '',
} as const;
