import crypto from 'node:crypto';

/**
 * Requests signed the way Slack signs them (v0 HMAC-SHA256 over `v0:<timestamp>:<raw body>`). The content type
 * is set explicitly and exactly: Bolt's HTTPReceiver parses a form only for `application/x-www-form-urlencoded`
 * with no charset, and `fetch` with a URLSearchParams body would add one.
 */

export const FORM = 'application/x-www-form-urlencoded';
export const JSON_TYPE = 'application/json';

export function sign(secret: string, body: string, timestamp: number): string {
  return `v0=${crypto.createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedOptions {
  contentType?: string;
  /** Seconds since the epoch; default now. */
  timestamp?: number;
  /** Replace the signature (forgery tests). */
  signature?: string;
  headers?: Record<string, string>;
}

export function signedHeaders(
  secret: string,
  body: string,
  options: SignedOptions = {},
): Record<string, string> {
  const ts = options.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    'content-type': options.contentType ?? FORM,
    'x-slack-request-timestamp': String(ts),
    'x-slack-signature': options.signature ?? sign(secret, body, ts),
    ...(options.headers ?? {}),
  };
}

export function postSigned(url: string, secret: string, body: string, options: SignedOptions = {}) {
  return fetch(url, { method: 'POST', headers: signedHeaders(secret, body, options), body });
}

/** A slash command, as Slack form-encodes it. */
export function commandBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

/** An interactive payload (block_actions, view_submission, message_action): `payload=<json>`, form-encoded. */
export function interactiveBody(payload: unknown): string {
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}
