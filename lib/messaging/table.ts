// The shape of a message table (lib/background/message-table.ts): one entry per message, holding its zod input
// and the service call that answers it. The protocol pages use is derived from the table's type, so the table
// is the only place a message is declared. Types only, apart from the tiny `entryFor` helper.
import type * as z from 'zod';
import type { AppError } from '../model/errors';
import type { Result } from '../result';

/** One message: the zod schema its input is parsed with, and the service call that answers the parsed input. */
export interface MessageEntry<S extends z.ZodType, R, C> {
  input: S;
  // Method syntax on purpose: a table of specific entries must fit `MessageEntry<z.ZodType, unknown, C>`.
  run(input: z.output<S>, ctx: C): Promise<Result<R, AppError>>;
}

/** Any entry of a table whose services take the context `C`. */
export type AnyEntry<C> = MessageEntry<z.ZodType, unknown, C>;

/**
 * The entry builder for services that take the context `C`; it only ties the types together, so the reply type
 * is inferred from the service call (`const message = entryFor<Ctx>()`, then `message(schema, (input, ctx) => …)`).
 */
export function entryFor<C>() {
  return <S extends z.ZodType, R>(
    input: S,
    run: (input: z.output<S>, ctx: C) => Promise<Result<R, AppError>>,
  ): MessageEntry<S, R, C> => ({ input, run });
}

/** What a page sends for an entry: the schema's input type (defaults may be left out). */
export type InputOf<E> = E extends MessageEntry<infer S, unknown, never> ? z.input<S> : never;
/** What the service answers for an entry. */
export type ReplyOf<E> = E extends MessageEntry<z.ZodType, infer R, never> ? R : never;

/** The typed protocol (in @webext-core/messaging's form) derived from a message table. */
export type ProtocolOf<T> = {
  [K in keyof T]: (data: InputOf<T[K]>) => Result<ReplyOf<T[K]>, AppError>;
};

/** Any protocol map of request → `Result` reply. */
// biome-ignore lint/suspicious/noExplicitAny: the data parameter of a generic protocol entry is any input type.
export type AnyProtocol = Record<string, (data: any) => Result<unknown, AppError>>;
