import { defineHandler } from '../messaging/handler';
import { onMessage } from '../messaging/messenger';
import type { AnyEntry } from '../messaging/table';
import { messageTable } from './message-table';
import { type BackgroundConfig, type ServiceContext, serviceContext } from './messages/context';
import { healthCheckNow } from './services/health';

export type { BackgroundConfig } from './messages/context';

/** What the worker's own listeners (alarms) call into. */
export interface BackgroundHandle {
  /** One health-watch sweep, as the alarm runs it. */
  runHealthCheck(): Promise<void>;
}

/**
 * Register one handler per entry of the message table: refuse other senders, parse the input with the entry's
 * schema, answer with its service. Call synchronously at worker start: nothing here awaits.
 */
export function registerHandlers(config: BackgroundConfig): BackgroundHandle {
  const ctx = serviceContext(config);
  const entries: [string, AnyEntry<ServiceContext>][] = Object.entries(messageTable);
  for (const [name, entry] of entries) {
    onMessage(
      name,
      defineHandler(name, entry.input, (data) => entry.run(data, ctx), config),
    );
  }
  return {
    async runHealthCheck() {
      await healthCheckNow(ctx.everflow, ctx.notifyFlagged, 'background');
    },
  };
}
