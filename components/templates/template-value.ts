import * as z from 'zod/mini';
import type { Template, TemplateInput } from '../../lib/model/template';
import { ROLES, type Role } from '../../lib/model/vocabulary';
import {
  emptyValue,
  fromTemplate,
  type PostbackFormValue,
  parseValue,
  toTemplateFields,
} from '../postback-form/model';

/** The template editor's state: the template's own fields and the shared postback form's value. */
export interface TemplateFormValue {
  name: string;
  /** A tracker preset id, or "custom". */
  tracker: string;
  side: Role;
  notes: string;
  postback: PostbackFormValue;
}

/** A blank template. */
export function emptyTemplate(): TemplateFormValue {
  return { name: '', tracker: 'custom', side: 'affiliate', notes: '', postback: emptyValue() };
}

/** A stored template in the editor. */
export function templateToValue(t: Template): TemplateFormValue {
  return { name: t.name, tracker: t.tracker, side: t.side, notes: t.notes, postback: fromTemplate(t) };
}

/** The editor's value as the `templates.save` message (`id` for an edit). */
export function toTemplateInput(v: TemplateFormValue, existing?: Template): TemplateInput {
  const input: TemplateInput = {
    name: v.name.trim(),
    tracker: v.tracker,
    side: v.side,
    notes: v.notes,
    description: existing?.description ?? '',
    ...toTemplateFields(v.postback),
  };
  if (existing) input.id = existing.id;
  return input;
}

const Shape = z.object({
  name: z.string(),
  tracker: z.string(),
  side: z.enum(ROLES),
  notes: z.string(),
  postback: z.unknown(),
});

/** A stored draft of the editor, if it has the editor's shape. */
export function parseTemplateDraft(raw: unknown): TemplateFormValue | undefined {
  const r = Shape.safeParse(raw);
  if (!r.success) return undefined;
  const postback = parseValue(r.data.postback);
  return postback ? { ...r.data, postback } : undefined;
}
