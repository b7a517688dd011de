/**
 * The one logger. Callers pass only non-secret facts (field names, ids, kinds): never a key, a header or a
 * request body. A test searches every logged line for the API key.
 */
export const log = {
  warn(message: string): void {
    console.warn(`[postback-companion] ${message}`);
  },
  info(message: string): void {
    console.info(`[postback-companion] ${message}`);
  },
};
