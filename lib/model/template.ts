// zod/mini: pages read templates from storage and the popup's start-up bundle must stay small. Every field that
// has a sensible default repairs itself with `catch`; a template missing its id or name is dropped.
import * as z from 'zod/mini';
import { DELIVERY_METHODS, PIXEL_LEVELS, PIXEL_TYPES, ROLES } from './vocabulary';

/** A saved postback template. Network templates also carry integration settings (network-side objects). */
export const Template = z.object({
  id: z.string().check(z.minLength(1)),
  name: z.string().check(z.minLength(1)),
  /** Which side of the API the template is for. */
  side: z.catch(z.enum(ROLES), 'affiliate'),
  /** A tracker preset id, or "custom". */
  tracker: z.catch(z.string(), 'custom'),
  deliveryMethod: z.catch(z.enum(DELIVERY_METHODS), 'postback'),
  pixelType: z.catch(z.enum(PIXEL_TYPES), 'conversion'),
  level: z.catch(z.enum(PIXEL_LEVELS), 'specific'),
  postbackUrl: z.catch(z.string(), ''),
  htmlCode: z.catch(z.string(), ''),
  delayMs: z.catch(z.number(), 0),
  notes: z.catch(z.string(), ''),
  description: z.catch(z.string(), ''),
  /** Network templates: the integration object for facebook/tiktok/snapchat/rumble, as the API documents it. */
  integration: z.catch(z.optional(z.record(z.string(), z.unknown())), undefined),
  createdAt: z.catch(z.number(), 0),
  updatedAt: z.catch(z.number(), 0),
});
export type Template = z.infer<typeof Template>;

/** One object type instead of an intersection (reads better, and compares equal to a schema's output). */
type Flat<T> = { [K in keyof T]: T[K] };

/** A template to save: new without `id`, an edit with it. */
export type TemplateInput = Flat<Omit<Template, 'id' | 'createdAt' | 'updatedAt'> & { id?: string }>;

/**
 * One template of an import. With `id` it overwrites that template, and only if the template is still as the
 * preview saw it (`baseUpdatedAt`); without, it is new.
 */
export type TemplateImportItem = Flat<TemplateInput & { baseUpdatedAt?: number }>;
