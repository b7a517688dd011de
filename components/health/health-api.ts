import type { AppError } from '../../lib/model/errors';
import type { HealthReply } from '../../lib/model/health';
import type { PixelView } from '../../lib/model/pixel';
import type { Result } from '../../lib/result';

/** What the "Needs attention" list needs; pages wire it to the background. */
export interface HealthApi {
  list(): Promise<Result<HealthReply, AppError>>;
  checkNow(): Promise<Result<HealthReply, AppError>>;
  dismiss(id: string): Promise<Result<HealthReply, AppError>>;
  switchOn(id: string): Promise<Result<HealthReply, AppError>>;
  /** The postback behind a notice, fresh (for its URL, to test-fire it). */
  getPixel(profileId: string, pixelId: number): Promise<Result<PixelView, AppError>>;
}
