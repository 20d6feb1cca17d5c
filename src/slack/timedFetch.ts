/**
 * Every outbound HTTP call of the app has a deadline. Node's fetch waits up to 300 s for response headers and
 * has no limit on the body; Bolt's `respond()` (the response_url) and the file upload use fetch directly, and the
 * Web API client's own `timeout` covers only its calls. A timed-out call rejects with a `TimeoutError`.
 */

/** Each outbound attempt gives up after this long; two attempts and a back-off fit the delivery deadline. */
export const CALL_TIMEOUT_MS = 4000;

/** `fetch` that aborts after `timeoutMs`, as well as on the caller's own signal when it passes one. */
export function timedFetch(timeoutMs: number, base: typeof fetch = globalThis.fetch): typeof fetch {
  return (input, init) => {
    const deadline = AbortSignal.timeout(timeoutMs);
    return base(input, {
      ...init,
      signal: init?.signal ? AbortSignal.any([init.signal, deadline]) : deadline,
    });
  };
}

/** A fetch that gave up on its deadline (also inside the Web API client's request error). */
export const isTimeout = (err: unknown): boolean =>
  (err as { name?: unknown } | null)?.name === 'TimeoutError';
