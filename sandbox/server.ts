import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { identify, realmOfPath } from './api';
import { handleControl } from './control-routes';
import { type CoreOptions, SandboxCore } from './core';
import { applyTerminalFault } from './fault-responses';
import { CORS_HEADERS, readBody, sendJson } from './http-io';
import { portalPage } from './portal-page';
import { loggedBody, queryObject } from './request-log';
import { DEFAULT_TRACKER_SLOW_MS, loggedHeaders, planTrackerAnswer } from './tracker';

export { DEMO_KEYS } from './demo-keys';
export type { ActiveFault, FaultAction, FaultMatch, FaultSpec } from './fault-types';
export type { RequestLogEntry } from './request-log';

/** How to start a sandbox. Everything is optional; see sandbox/README.md. */
export interface SandboxOptions extends CoreOptions {
  /** 0 = a random free port (default 0). */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Persist state here (atomic write: temp file + rename); loaded on start when present. */
  dataFile?: string;
  rateLimit?: { affiliatePerSecond?: number; networkPerSecond?: number; windowSeconds?: number };
  /**
   * Also serve the stand-in tracker at the root of a second, plain-HTTP listener on this port (0 = a free
   * port): a "TLS-less host" for test-fire. Off when omitted.
   */
  trackerPort?: number;
  /** How long the tracker's `/slow` waits when its path names no delay (default 12 000 ms). */
  trackerSlowMs?: number;
}

/** A running sandbox. */
export interface Sandbox {
  /** e.g. http://127.0.0.1:8787 */
  origin: string;
  /** origin + '/v1' */
  baseUrl: string;
  /** origin + '/__tracker': the stand-in tracker on the API listener. */
  trackerUrl: string;
  /** The plain-HTTP tracker listener's origin (its routes at the root), when `trackerPort` was given. */
  trackerOrigin?: string;
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

  /** Answer as the stand-in tracker; `path` is relative to the tracker root at `prefix`. */
  async function handleTracker(
    req: IncomingMessage,
    res: ServerResponse,
    url: URL,
    rawBody: string,
    listener: 'sandbox' | 'plain',
    prefix: string,
  ): Promise<void> {
    const path = url.pathname.slice(prefix.length);
    const plan = planTrackerAnswer(
      path,
      url.search,
      prefix,
      options.trackerSlowMs ?? DEFAULT_TRACKER_SLOW_MS,
    );
    const entry = core.trackerLog.add({
      time: core.now(),
      listener,
      method: req.method ?? 'GET',
      path: url.pathname,
      query: queryObject(url.searchParams),
      headers: loggedHeaders(req.headers),
      body: rawBody,
      behaviour: plan.behaviour,
      status: null,
    });
    if (plan.delayMs > 0) await sleep(plan.delayMs);
    if (closed || res.destroyed) return;
    res.writeHead(plan.status, { ...plan.headers, 'Content-Length': Buffer.byteLength(plan.body) });
    res.end(plan.body);
    entry.status = plan.status;
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
    if (url.pathname === '/__tracker' || url.pathname.startsWith('/__tracker/')) {
      await handleTracker(req, res, url, rawBody, 'sandbox', '/__tracker');
      return;
    }
    await handleApi(req, res, url, rawBody);
  }

  /** The plain tracker listener: every path is a tracker path, from the root. */
  async function onTrackerRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://tracker.local');
    const rawBody = await readBody(req);
    await handleTracker(req, res, url, rawBody ?? '', 'plain', '');
  }

  function serve(handler: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
    const server = createServer((req, res) => {
      handler(req, res).catch((error: unknown) => {
        if (res.headersSent || closed) return;
        sendJson(res, { status: 500, body: { error: `Sandbox error: ${(error as Error).message}` } });
      });
    });
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
    });
    return server;
  }

  const servers = [serve(onRequest)];
  if (options.trackerPort !== undefined) servers.push(serve(onTrackerRequest));
  const origins: string[] = [];
  for (const [index, server] of servers.entries()) {
    const port = index === 0 ? (options.port ?? 0) : (options.trackerPort ?? 0);
    try {
      origins.push(await listen(server, port, options.host ?? '127.0.0.1'));
    } catch (error) {
      for (const started of servers.slice(0, index)) started.close();
      throw error;
    }
  }
  const origin = origins[0] as string;

  return {
    origin,
    baseUrl: `${origin}/v1`,
    trackerUrl: `${origin}/__tracker`,
    trackerOrigin: origins[1],
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        let open = servers.length;
        for (const server of servers) {
          server.close(() => {
            open -= 1;
            if (open === 0) resolve();
          });
        }
        for (const socket of sockets) socket.destroy();
        for (const server of servers) server.closeAllConnections();
      }),
  };
}

/** Listen and resolve with the origin a client can dial. */
function listen(server: Server, port: number, hostName: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostName, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      // A wildcard bind is reachable on loopback; print that rather than an address nobody can dial.
      const wildcard = address.address === '0.0.0.0' || address.address === '::';
      const host = wildcard
        ? '127.0.0.1'
        : address.family === 'IPv6'
          ? `[${address.address}]`
          : address.address;
      resolve(`http://${host}:${address.port}`);
    });
  });
}
