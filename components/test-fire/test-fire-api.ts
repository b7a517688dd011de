import type { AppError } from '../../lib/model/errors';
import type { TestFireInput, TestFireReply } from '../../lib/postback/test-fire-types';
import type { Result } from '../../lib/result';

/** What the test-fire panel needs; pages wire it to the background and the browser's permissions. */
export interface TestFireApi {
  send(input: TestFireInput): Promise<Result<TestFireReply, AppError>>;
  /**
   * Ask the browser for one host permission (`https://host/*`). Called synchronously from the click, before any
   * await, or the browser refuses to show its prompt.
   */
  requestHost(pattern: string): Promise<boolean>;
}
