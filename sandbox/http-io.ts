import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApiResponse } from './http-types';

/** Largest request body accepted (1 MiB); bigger ones get 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * CORS headers on every response. The API is called with a custom header, so browsers preflight;
 * `*` is safe because no cookies are involved.
 */
export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Accept, X-Eflow-API-Key',
  'Access-Control-Expose-Headers': 'X-RateLimit-Limit, X-RateLimit-Remaining, Retry-After',
  'Access-Control-Max-Age': '600',
};

/** The body as text, or `undefined` when it is larger than {@link MAX_BODY_BYTES}. */
export function readBody(req: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Send a computed response as JSON with CORS headers. */
export function sendJson(res: ServerResponse, response: ApiResponse): void {
  const text = JSON.stringify(response.body);
  res.writeHead(response.status, {
    ...CORS_HEADERS,
    ...response.headers,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Send raw text with a content type (for injected malformed or HTML answers). */
export function sendText(
  res: ServerResponse,
  status: number,
  contentType: string,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...CORS_HEADERS,
    ...headers,
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}
