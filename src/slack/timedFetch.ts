import http from 'node:http';
import https from 'node:https';

/**
 * Every outbound HTTP call of the app has a deadline. Node's fetch waits up to 300 s for response headers and
 * has no limit on the body; Bolt's `respond()` (the response_url) and the file upload use fetch directly, and the
 * Web API client's own `timeout` covers only its calls. A timed-out call rejects with a `TimeoutError`.
 *
 * The calls go out through node:http(s) with keep-alive agents rather than Node's fetch: every reply of every
 * door is one of these calls, and fetch's stream machinery costs about twice the CPU of a plain request for
 * the same small JSON post (measured by `npm run bench:load`). Bodies that are not strings (form data, streams)
 * go through fetch, with the same deadline.
 */

/** Each outbound attempt gives up after this long; two attempts and a back-off fit the delivery deadline. */
export const CALL_TIMEOUT_MS = 4000;

const AGENTS: Record<string, http.Agent> = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/** Statuses whose response has no body (the WHATWG Response refuses one). */
const NO_BODY = new Set([101, 204, 205, 304]);

const timeoutError = () => new DOMException('The operation was aborted due to timeout', 'TimeoutError');

type Init = NonNullable<Parameters<typeof fetch>[1]>;

function plainHeaders(headers: Init['headers']): Record<string, string> {
  if (!headers) return {};
  if (headers instanceof Headers || Array.isArray(headers)) return Object.fromEntries(new Headers(headers));
  return headers as Record<string, string>;
}

/** One request through node:http(s): the whole call (connect, headers, body) ends within `timeoutMs`. */
function request(url: URL, init: Init, body: string | undefined, timeoutMs: number): Promise<Response> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === 'https:' ? https : http;
    const headers = { ...plainHeaders(init.headers) };
    if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
    const req = transport.request(url, {
      method: init.method ?? 'GET',
      headers,
      agent: AGENTS[url.protocol],
    });
    const signal = init.signal;
    const onAbort = () => req.destroy(signal?.reason ?? timeoutError());
    const timer = setTimeout(() => req.destroy(timeoutError()), timeoutMs);
    timer.unref();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (error) => {
      done();
      reject(error);
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => {
        done();
        reject(error);
      });
      res.on('end', () => {
        done();
        const status = res.statusCode ?? 0;
        const responseHeaders = new Headers();
        for (let i = 0; i + 1 < res.rawHeaders.length; i += 2)
          responseHeaders.append(res.rawHeaders[i]!, res.rawHeaders[i + 1]!);
        try {
          resolve(
            new Response(NO_BODY.has(status) || chunks.length === 0 ? null : Buffer.concat(chunks), {
              status,
              statusText: res.statusMessage ?? '',
              headers: responseHeaders,
            }),
          );
        } catch (error) {
          reject(error);
        }
      });
    });
    req.end(body);
  });
}

/** `fetch` that gives up after `timeoutMs`, as well as on the caller's own signal when it passes one. */
export function timedFetch(timeoutMs: number, base: typeof fetch = globalThis.fetch): typeof fetch {
  return (input, init = {}) => {
    const url = typeof input === 'string' ? new URL(input) : input instanceof URL ? input : undefined;
    const body = init.body;
    if (url && AGENTS[url.protocol] && (body === undefined || body === null || typeof body === 'string'))
      return request(url, init, body ?? undefined, timeoutMs);
    const deadline = AbortSignal.timeout(timeoutMs);
    return base(input, {
      ...init,
      signal: init.signal ? AbortSignal.any([init.signal, deadline]) : deadline,
    });
  };
}

/** A call that gave up on its deadline (also inside the Web API client's request error). */
export const isTimeout = (err: unknown): boolean =>
  (err as { name?: unknown } | null)?.name === 'TimeoutError';
