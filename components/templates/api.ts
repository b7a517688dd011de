import type { AppError } from '../../lib/model/errors';
import type { Template, TemplateImportItem, TemplateInput } from '../../lib/model/template';
import type { Result } from '../../lib/result';

/** The template messages the screen needs (wired to the background by the options page). */
export interface TemplatesApi {
  list: () => Promise<Result<Template[], AppError>>;
  save: (input: TemplateInput) => Promise<Result<Template, AppError>>;
  remove: (id: string) => Promise<Result<true, AppError>>;
  duplicate: (id: string) => Promise<Result<Template, AppError>>;
  /** The global default template's id (the popup's fallback when a profile has none). */
  defaultId?: () => Promise<Result<string | undefined, AppError>>;
  /** Make a template the global default. */
  setDefault?: (id: string) => Promise<Result<unknown, AppError>>;
  /** Write an import's templates, all or none. */
  importAll: (templates: TemplateImportItem[]) => Promise<Result<{ imported: number }, AppError>>;
}
