import crypto from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Claims } from '../cases/repository.js';
import type { AppLogger } from './log.js';

/**
 * What every HTTP request to the events endpoint passes before Bolt sees it. Bolt's own check accepts timestamps
 * in the future, answers a byte-identical replay again, buffers up to 4 MB before verifying, and throws on some
 * signed but malformed bodies (`null`, a repeated form field, a button press without a user). Slack's signing
 * scheme is documented at https://api.slack.com/authentication/verifying-requests-from-slack (v0 HMAC-SHA256 over
 * `v0:<timestamp>:<body>`, requests older than five minutes refused); the window here is five minutes both ways.
 *
 * Passing requests are handed on with `rawBody` set, so Bolt reads the buffer instead of the stream.
 */

/** Slack's payloads are a few kilobytes; a case typed at the 8,000-character bound is well under this. */
export const BODY_LIMIT_BYTES = 64 * 1024;
export const WINDOW_SECONDS = 5 * 60;

/** The replay cache: a signature is accepted once within the window (claims namespace `replay`). */
export type ReplayCache = Pick<Claims, 'claim'>;

export interface GateOptions {
  signingSecret: string;
  path: string;
  replay: ReplayCache;
  log: AppLogger;
  bodyLimit?: number;
  now?: () => number;
}

type Refusal = { status: number; code: string };

function refuse(res: ServerResponse, log: AppLogger, r: Refusal): void {
  log.warn('request refused', { event: 'http', outcome: 'refused', code: r.code, status: r.status });
  if (res.headersSent) return;
  res.writeHead(r.status);
  res.end();
}

/** Reads the body up to `limit` bytes; more than that is refused at once, without buffering the rest. */
function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | 'too-large' | 'aborted'> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      resolve('too-large');
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (v: Buffer | 'too-large' | 'aborted') => {
      if (done) return;
      done = true;
      resolve(v);
    };
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        chunks.length = 0;
        req.resume();
        finish('too-large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => finish(Buffer.concat(chunks)));
    req.on('error', () => finish('aborted'));
    req.on('aborted', () => finish('aborted'));
  });
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name];
  return typeof v === 'string' ? v : undefined;
};

/** The signature check, both ways in time. Returns the signature for the replay cache, or a refusal. */
export function verifySignature(
  secret: string,
  rawBody: Buffer,
  timestamp: string | undefined,
  signature: string | undefined,
  nowSeconds: number,
): { ok: true; signature: string } | { ok: false; code: string } {
  if (!timestamp || !signature) return { ok: false, code: 'missing_signature' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, code: 'bad_timestamp' };
  if (Math.abs(nowSeconds - Number(timestamp)) > WINDOW_SECONDS)
    return { ok: false, code: 'stale_timestamp' };
  const expected = `v0=${crypto
    .createHmac('sha256', secret)
    .update(`v0:${timestamp}:`)
    .update(rawBody)
    .digest('hex')}`;
  const a = Buffer.from(expected);
  const b = Buffer.from(signature);
  if (a.length !== b.length || !crypto.timingSafeEqual(a, b)) return { ok: false, code: 'bad_signature' };
  return { ok: true, signature };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const hasId = (v: unknown) => isObject(v) && typeof v.id === 'string';

/** A view's state: `{ block_id: { action_id: { type, value?, selected_option?, … } } }`, nothing else. */
function validViewState(view: unknown): boolean {
  if (!isObject(view) || !isObject(view.state) || !isObject(view.state.values)) return false;
  for (const block of Object.values(view.state.values)) {
    if (!isObject(block)) return false;
    for (const element of Object.values(block)) {
      if (!isObject(element) || typeof element.type !== 'string') return false;
      if (element.value !== undefined && element.value !== null && typeof element.value !== 'string')
        return false;
      if (element.selected_option !== undefined && element.selected_option !== null) {
        if (!isObject(element.selected_option) || typeof element.selected_option.value !== 'string')
          return false;
      }
      if (element.selected_options !== undefined) {
        if (!Array.isArray(element.selected_options)) return false;
        if (!element.selected_options.every((o) => isObject(o) && typeof o.value === 'string')) return false;
      }
    }
  }
  return true;
}

/**
 * The shape every listener relies on, checked once here so that no listener throws on a signed but malformed
 * payload: a refusal (400) is an answer, a TypeError after the ack is silence.
 */
export function screenPayload(body: unknown): string | undefined {
  if (!isObject(body)) return 'not_an_object';
  if (body.ssl_check !== undefined || body.type === 'url_verification') return undefined;
  if (typeof body.command === 'string') {
    for (const k of ['text', 'user_id', 'channel_id', 'response_url', 'trigger_id']) {
      if (body[k] !== undefined && typeof body[k] !== 'string') return `bad_${k}`;
    }
    return typeof body.user_id === 'string' ? undefined : 'no_user';
  }
  switch (body.type) {
    case 'event_callback':
      return isObject(body.event) && typeof body.event.type === 'string' ? undefined : 'no_event';
    case 'block_actions':
      if (!hasId(body.user)) return 'no_user';
      if (!Array.isArray(body.actions) || body.actions.length === 0) return 'no_actions';
      if (!body.actions.every((a) => isObject(a) && typeof a.action_id === 'string')) return 'bad_action';
      if (body.view !== undefined && !validViewState(body.view)) return 'bad_view';
      return undefined;
    case 'view_submission':
    case 'view_closed':
      if (!hasId(body.user)) return 'no_user';
      if (!isObject(body.view) || typeof body.view.callback_id !== 'string') return 'no_view';
      return body.type === 'view_closed' || validViewState(body.view) ? undefined : 'bad_view_state';
    case 'message_action':
    case 'shortcut':
      if (!hasId(body.user)) return 'no_user';
      if (typeof body.callback_id !== 'string') return 'no_callback_id';
      if (body.type === 'message_action' && (!hasId(body.channel) || !isObject(body.message)))
        return 'no_message';
      return undefined;
    default:
      return typeof body.type === 'string' ? undefined : 'no_type';
  }
}

/** Parses a verified body the way Slack sends it: JSON, or a form whose `payload` field holds JSON. */
export function parseBody(raw: string, contentType: string | undefined): unknown | Refusal {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  try {
    if (type === 'application/json') return JSON.parse(raw) as unknown;
    if (type !== 'application/x-www-form-urlencoded') return { status: 415, code: 'content_type' };
    const form = new URLSearchParams(raw);
    const keys = [...form.keys()];
    if (new Set(keys).size !== keys.length) return { status: 400, code: 'repeated_field' };
    const payload = form.get('payload');
    return payload !== null ? (JSON.parse(payload) as unknown) : Object.fromEntries(form);
  } catch {
    return { status: 400, code: 'bad_json' };
  }
}

const isRefusal = (v: unknown): v is Refusal =>
  isObject(v) && typeof v.status === 'number' && typeof v.code === 'string' && Object.keys(v).length === 2;

/**
 * The path as Bolt's HTTP receiver routes it (WHATWG URL parsing: dot segments resolved, fragment dropped), so
 * every request Bolt treats as an event has passed the gate: `/slack/./events` is `/slack/events` to both.
 */
export function routedPath(url: string | undefined): string {
  try {
    return new URL(url ?? '/', 'http://localhost').pathname;
  } catch {
    return '';
  }
}

/** Wraps a receiver's request listener with the checks above, for POSTs to the events path. */
export function gateRequests(next: RequestListener, options: GateOptions): RequestListener {
  const limit = options.bodyLimit ?? BODY_LIMIT_BYTES;
  const now = options.now ?? Date.now;
  const { log } = options;
  return (req, res) => {
    if (req.method?.toUpperCase() !== 'POST' || routedPath(req.url) !== options.path) {
      next(req, res);
      return;
    }
    void (async () => {
      const raw = await readLimited(req, limit);
      if (raw === 'aborted') return;
      if (raw === 'too-large') return refuse(res, log, { status: 413, code: 'body_too_large' });
      const verified = verifySignature(
        options.signingSecret,
        raw,
        header(req, 'x-slack-request-timestamp'),
        header(req, 'x-slack-signature'),
        Math.floor(now() / 1000),
      );
      if (!verified.ok) return refuse(res, log, { status: 401, code: verified.code });
      const parsed = parseBody(raw.toString('utf8'), header(req, 'content-type'));
      if (isRefusal(parsed)) return refuse(res, log, parsed);
      const malformed = screenPayload(parsed);
      if (malformed) return refuse(res, log, { status: 400, code: malformed });
      // Only verified requests enter the cache, so a forger cannot block a real signature in advance.
      const first = await options.replay.claim(
        'replay',
        verified.signature,
        new Date(now() + 2 * WINDOW_SECONDS * 1000),
      );
      if (!first) {
        // Answered, not refused: an honest redelivery must not be retried forever; nothing is processed twice.
        log.info('replay dropped', { event: 'http', outcome: 'replayed' });
        res.writeHead(200);
        res.end();
        return;
      }
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
      // Bolt parses a form only under the bare type; a proxy's `; charset=utf-8` would make it log a body snippet.
      const type = header(req, 'content-type');
      if (type) req.headers['content-type'] = type.split(';')[0]!.trim().toLowerCase();
      next(req, res);
    })().catch((error: unknown) => {
      log.error('request gate failed', { event: 'http', outcome: 'error', code: (error as Error)?.name });
      refuse(res, log, { status: 500, code: 'internal' });
    });
  };
}
