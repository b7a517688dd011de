import type { AppError } from '../../lib/model/errors';
import type { Template, TemplateImportItem, TemplateInput } from '../../lib/model/template';
import type { Result } from '../../lib/result';

/** The template messages the screen needs (wired to the background by the options page). */
export interface TemplatesApi {
  list: () => Promise<Result<Template[], AppError>>;
  save: (input: TemplateInput) => Promise<Result<Template, AppError>>;
  remove: (id: string) => Promise<Result<true, AppError>>;
  duplicate: (id: string) => Promise<Result<Template, AppError>>;
  /** Write an import's templates, all or none. */
  importAll: (templates: TemplateImportItem[]) => Promise<Result<{ imported: number }, AppError>>;
}
