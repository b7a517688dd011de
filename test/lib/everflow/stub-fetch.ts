/** A recorded request made through the stub fetch. */
export interface Recorded {
  method: string;
  url: URL;
  headers: Headers;
  /** The parsed JSON body, if any. */
  body: unknown;
  /** The body text exactly as sent. */
  text: string | undefined;
}

/** What a stub route answers: a Response, or a network failure. */
export type StubAnswer = Response | 'hang' | 'reset';

/** A handler that decides the answer for each request. */
export type StubHandler = (req: Recorded) => StubAnswer | Promise<StubAnswer>;

/** A JSON Response. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/**
 * A fetch stub that records every request and answers through `handler`. `'hang'` never answers
 * (it rejects when the request's signal aborts, as real fetch does); `'reset'` fails like a dropped
 * connection.
 */
export function stubFetch(handler: StubHandler): { fetch: typeof fetch; calls: Recorded[] } {
  const calls: Recorded[] = [];
  const fetchStub = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const text = typeof init.body === 'string' ? init.body : undefined;
    const req: Recorded = {
      method: init.method ?? 'GET',
      url: new URL(String(input)),
      headers: new Headers(init.headers),
      body: text === undefined ? undefined : JSON.parse(text),
      text,
    };
    calls.push(req);
    const answer = await handler(req);
    if (answer === 'reset') throw new TypeError('fetch failed');
    if (answer === 'hang') {
      return new Promise<Response>((_, reject) => {
        const signal = init.signal;
        if (signal?.aborted) reject(new DOMException('aborted', 'AbortError'));
        signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    return answer;
  };
  return { fetch: fetchStub as typeof fetch, calls };
}

/** A routing helper: `'GET /affiliates/pixels/5'` → handler; unmatched requests get a 404. */
export function routes(table: Record<string, StubHandler>): StubHandler {
  return (req) => {
    const path = req.url.pathname.replace(/^\/v1/, '');
    const handler = table[`${req.method} ${path}`];
    return handler ? handler(req) : json(404, { error: `no stub for ${req.method} ${path}` });
  };
}

/** Base URL used by unit tests. */
export const BASE = 'https://api.test/v1';
