import { ok } from '../lib/result';
import type { FaultAction, FaultMatch, FaultSpec } from './fault-types';
import { type Checked, invalid } from './http-types';
import { type Body, readInt, readString, requireObject } from './validate/fields';

const KINDS = [
  'latency',
  'status',
  'hang',
  'reset',
  'malformed_json',
  'html_error',
  'capital_error',
] as const;

function readAction(body: Body): Checked<FaultAction> {
  const kind = body.kind;
  switch (kind) {
    case 'latency': {
      const ms = readInt(body, 'ms', -1, 0, 600_000);
      if (!ms.ok) return ms;
      return ms.value < 0 ? invalid('ms is required for a latency fault') : ok({ kind, ms: ms.value });
    }
    case 'status': {
      const status = body.status;
      if (status !== 429 && status !== 500 && status !== 503)
        return invalid('status must be 429, 500 or 503');
      const retryAfter = readInt(body, 'retryAfter', -1, 0, 86_400);
      if (!retryAfter.ok) return retryAfter;
      return ok(retryAfter.value < 0 ? { kind, status } : { kind, status, retryAfter: retryAfter.value });
    }
    case 'html_error': {
      const status = readInt(body, 'status', 502, 400, 599);
      return status.ok ? ok({ kind, status: status.value }) : status;
    }
    case 'capital_error': {
      const status = readInt(body, 'status', 400, 400, 599);
      if (!status.ok) return status;
      const message = readString(body, 'message', 'Invalid parameters.');
      return message.ok ? ok({ kind, status: status.value, message: message.value }) : message;
    }
    case 'hang':
    case 'reset':
    case 'malformed_json':
      return ok({ kind });
    default:
      return invalid(`kind must be one of: ${KINDS.join(', ')}`);
  }
}

function readMatch(value: unknown): Checked<FaultMatch | undefined> {
  if (value === undefined || value === null) return ok(undefined);
  const object = requireObject(value, 'match');
  if (!object.ok) return object;
  const method = readString(object.value, 'method');
  if (!method.ok) return method;
  const path = readString(object.value, 'path');
  if (!path.ok) return path;
  if (path.value.startsWith('^')) {
    try {
      new RegExp(path.value);
    } catch {
      return invalid(`match.path is not a valid regular expression: ${path.value}`);
    }
  }
  const match: FaultMatch = {};
  if (method.value) match.method = method.value.toUpperCase();
  if (path.value) match.path = path.value;
  return ok(match);
}

/** Validate a fault spec from the control API or the CLI. */
export function parseFaultSpec(raw: unknown): Checked<FaultSpec> {
  const object = requireObject(raw, 'Fault');
  if (!object.ok) return object;
  const body = object.value;
  const action = readAction(body);
  if (!action.ok) return action;
  const spec: FaultSpec = { ...action.value };
  if (body.count !== undefined) {
    const count = readInt(body, 'count', 1, 1);
    if (!count.ok) return count;
    spec.count = count.value;
  }
  if (body.ratio !== undefined) {
    const ratio = body.ratio;
    if (typeof ratio !== 'number' || !(ratio >= 0 && ratio <= 1))
      return invalid('ratio must be a number from 0 to 1');
    spec.ratio = ratio;
  }
  const match = readMatch(body.match);
  if (!match.ok) return match;
  if (match.value) spec.match = match.value;
  return ok(spec);
}
