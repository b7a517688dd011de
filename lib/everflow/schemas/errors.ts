import { z } from 'zod';

/**
 * Everflow error bodies: `{ "error": "..." }` per the docs, `{ "Error": "..." }` per a real client
 * (API reference §5). Anything else falls back to the raw text.
 */
export const errorBodySchema = z.looseObject({
  error: z.unknown().optional(),
  Error: z.unknown().optional(),
  message: z.unknown().optional(),
  field: z.unknown().optional(),
});

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  // Some servers nest the message: { error: { message } }.
  if (value && typeof value === 'object' && 'message' in value)
    return text((value as { message: unknown }).message);
  return undefined;
}

/** The server's message from a parsed error body (either capitalisation), if it has one. */
export function serverMessageOf(body: unknown): string | undefined {
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) return undefined;
  return text(parsed.data.error) ?? text(parsed.data.Error) ?? text(parsed.data.message);
}

/** The field an error body names explicitly (`field`), if any. */
export function serverFieldOf(body: unknown): string | undefined {
  const parsed = errorBodySchema.safeParse(body);
  return parsed.success && typeof parsed.data.field === 'string' ? parsed.data.field : undefined;
}
