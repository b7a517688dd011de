import * as input from '../../messaging/inputs';
import { ok } from '../../result';
import { setDefaultTemplate } from '../services/default-template';
import { clearDraft, getDraft, saveDraft } from '../services/drafts';
import { importTemplates } from '../services/template-import';
import { duplicateTemplate, listTemplates, removeTemplate, saveTemplate } from '../services/templates';
import { secretWrite, withStashedSecrets } from '../template-secrets';
import { message } from './context';

/** The template library, and the options page's form drafts. */
export const templateMessages = {
  'templates.list': message(input.none, () => listTemplates()),
  // Integration secrets go to the secret store; the template keeps a reference (issue 13, defect 11).
  'templates.save': message(input.templateInput, (t, ctx) =>
    secretWrite(async () => saveTemplate(await withStashedSecrets(t), ctx)),
  ),
  'templates.remove': message(input.byId, ({ id }) => secretWrite(() => removeTemplate(id))),
  'templates.duplicate': message(input.byId, ({ id }, ctx) => duplicateTemplate(id, ctx)),
  /** The template the popup preselects: for one profile, or without `profileId` the global fallback. */
  'templates.setDefault': message(input.defaultTemplatePick, (d) => setDefaultTemplate(d)),
  /** All or nothing: refuses (writing nothing) when the library changed since the preview. */
  'templates.import': message(input.templateImport, ({ templates }, ctx) =>
    secretWrite(async () => {
      // One after another: each stash is a read-modify-write of the secret store.
      const stashed = [];
      for (const t of templates) stashed.push(await withStashedSecrets(t));
      return importTemplates(stashed, ctx);
    }),
  ),

  'drafts.get': message(input.draftKey, ({ formId }) => getDraft(formId)),
  'drafts.save': message(input.draftSave, async ({ formId, value }, ctx) => {
    const r = await saveDraft(formId, value, ctx.now());
    return r.ok ? ok(true as const) : r;
  }),
  'drafts.clear': message(input.draftKey, ({ formId }) => clearDraft(formId)),
};
