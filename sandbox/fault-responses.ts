import { type IncomingMessage, type ServerResponse, STATUS_CODES } from 'node:http';
import type { FaultAction } from './fault-types';
import { sendJson, sendText } from './http-io';

const STATUS_MESSAGES: Record<number, string> = {
  429: 'Rate limit exceeded. Retry later.',
  500: 'Internal server error',
  503: 'Service temporarily unavailable',
};

function htmlPage(status: number): string {
  const title = `${status} ${STATUS_CODES[status] ?? 'Error'}`;
  return `<!DOCTYPE html>\n<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center><hr><center>nginx</center></body></html>\n`;
}

/**
 * Apply a terminal fault to a request instead of answering it. Returns the status sent,
 * or null when nothing was sent (hang, reset). `rateLimit` fills X-RateLimit-Limit on injected 429s.
 */
export function applyTerminalFault(
  action: Exclude<FaultAction, { kind: 'latency' }>,
  req: IncomingMessage,
  res: ServerResponse,
  rateLimit: number | undefined,
): number | null {
  switch (action.kind) {
    case 'hang':
      // Leave the request open; the client's timeout or the sandbox's close() ends it.
      return null;
    case 'reset':
      req.socket.resetAndDestroy();
      return null;
    case 'malformed_json':
      sendText(
        res,
        200,
        'application/json; charset=utf-8',
        '{"pixels":[{"network_pixel_id":1001,"delivery_method":"postb',
      );
      return 200;
    case 'html_error': {
      const status = action.status ?? 502;
      sendText(res, status, 'text/html; charset=utf-8', htmlPage(status));
      return status;
    }
    case 'capital_error': {
      const status = action.status ?? 400;
      sendJson(res, { status, body: { Error: action.message ?? 'Invalid parameters.' } });
      return status;
    }
    case 'status': {
      const headers: Record<string, string> = {};
      const retryAfter = action.retryAfter ?? (action.status === 500 ? undefined : 1);
      if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
      if (action.status === 429) {
        if (rateLimit !== undefined) headers['X-RateLimit-Limit'] = String(rateLimit);
        headers['X-RateLimit-Remaining'] = '0';
      }
      sendJson(res, { status: action.status, body: { error: STATUS_MESSAGES[action.status] }, headers });
      return action.status;
    }
  }
}
