import { defineHandler } from '../messaging/handler';
import { onMessage } from '../messaging/messenger';
import type { AnyEntry } from '../messaging/table';
import type { JobRunner } from './jobs/runner';
import { messageTable } from './message-table';
import { type BackgroundConfig, type ServiceContext, serviceContext } from './messages/context';

export type { BackgroundConfig } from './messages/context';

/**
 * Register one handler per entry of the message table: refuse other senders, parse the input with the entry's
 * schema, answer with its service. Call synchronously at worker start: nothing here awaits. Returns the job
 * runner, which the worker resumes at start and from its alarm.
 */
export function registerHandlers(config: BackgroundConfig): { jobs: JobRunner } {
  const ctx = serviceContext(config);
  const entries: [string, AnyEntry<ServiceContext>][] = Object.entries(messageTable);
  for (const [name, entry] of entries) {
    onMessage(
      name,
      defineHandler(name, entry.input, (data) => entry.run(data, ctx), config),
    );
  }
  return { jobs: ctx.jobs.runner };
}
