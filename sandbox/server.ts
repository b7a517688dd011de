import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { identify, realmOfPath } from './api';
import { handleControl } from './control-routes';
import { type CoreOptions, SandboxCore } from './core';
import { applyTerminalFault } from './fault-responses';
import { CORS_HEADERS, readBody, sendJson } from './http-io';
import { portalPage } from './portal-page';
import { loggedBody, queryObject } from './request-log';

export { DEMO_KEYS } from './demo-keys';
export type { ActiveFault, FaultAction, FaultMatch, FaultSpec } from './fault-types';
export type { RequestLogEntry } from './request-log';

/** How to start a sandbox. Everything is optional; see sandbox/README.md. */
export interface SandboxOptions extends CoreOptions {
  /** 0 = a random free port (default 0). */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** 'empty' (default): keys, network, partners and offers but no postbacks. 'demo': plus ~47 postbacks. */
  seed?: 'demo' | 'empty';
  /** Persist state here (atomic write: temp file + rename); loaded on start when present. */
  dataFile?: string;
  rateLimit?: { affiliatePerSecond?: number; networkPerSecond?: number; windowSeconds?: number };
}

/** A running sandbox. */
export interface Sandbox {
  /** e.g. http://127.0.0.1:8787 */
  origin: string;
  /** origin + '/v1' */
  baseUrl: string;
  /** Stop listening and destroy every open socket, hung requests included. */
  close(): Promise<void>;
}

/** Start a sandbox server; resolves once it is listening. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const core = new SandboxCore(options);
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  async function handleApi(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    rawBody: string,
  ): Promise<void> {
    const method = req.method ?? 'GET';
    const header = req.headers['x-eflow-api-key'];
    const apiKey = Array.isArray(header) ? header[0] : header;
    const identity = identify(core.store, apiKey);
    const time = core.now();
    const plan = core.faults.plan(method, url.pathname);
    const record = (status: number | null) =>
      core.log.add({
        time,
        method,
        path: url.pathname,
        query: queryObject(url.searchParams),
        status,
        body: loggedBody(rawBody),
        keySent: identity.keySent,
        keyRealm: identity.key?.realm ?? null,
        faults: plan.fired,
      });
    if (plan.latencyMs > 0) await sleep(plan.latencyMs);
    if (closed) return;
    if (plan.terminal && plan.terminal.kind !== 'latency') {
      const realm = identity.key?.realm ?? realmOfPath(url.pathname);
      const limit = realm ? core.limiter.limitFor(realm) : undefined;
      record(applyTerminalFault(plan.terminal, req, res, limit));
      return;
    }
    const response = core.api.dispatch({ method, url, apiKey, rawBody });
    sendJson(res, response);
    record(response.status);
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://sandbox.local');
    if (req.method === 'OPTIONS') {
      res.writeHead(204, CORS_HEADERS);
      res.end();
      return;
    }
    const portal = req.method === 'GET' ? portalPage(url.pathname) : undefined;
    if (portal) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(portal);
      return;
    }
    const rawBody = await readBody(req);
    if (rawBody === undefined) {
      sendJson(res, { status: 413, body: { error: 'Request body too large' } });
      return;
    }
    if (url.pathname === '/__sandbox' || url.pathname.startsWith('/__sandbox/')) {
      sendJson(res, handleControl(core, req.method ?? 'GET', url.pathname, rawBody));
      return;
    }
    await handleApi(req, res, url, rawBody);
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      if (res.headersSent || closed) return;
      sendJson(res, { status: 500, body: { error: `Sandbox error: ${(error as Error).message}` } });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  const address = server.address() as AddressInfo;
  // A wildcard bind is reachable on loopback; print that rather than an address nobody can dial.
  const wildcard = address.address === '0.0.0.0' || address.address === '::';
  const host = wildcard ? '127.0.0.1' : address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const origin = `http://${host}:${address.port}`;

  return {
    origin,
    baseUrl: `${origin}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
      }),
  };
}
