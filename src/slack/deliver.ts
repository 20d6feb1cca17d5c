import { RespondError, type RespondFn } from '@slack/bolt';
import {
  WebAPIHTTPError,
  WebAPIPlatformError,
  WebAPIRateLimitedError,
  WebAPIRequestError,
  type WebClient,
} from '@slack/web-api';
import { enforceBlockKitLimits } from '../render/limits.js';
import type { SlackMessage } from '../render/slackMessage.js';
import type { AppLogger, LogFields } from './log.js';
import { isTimeout } from './timedFetch.js';

/**
 * Getting a reply to people, and telling them plainly when Slack would not take it. Nothing here throws:
 * a failed delivery is logged (code only) and, where any route still works, explained to the person.
 */

export interface Failure {
  /** Slack's error code (`not_in_channel`), or ours: `ratelimited`, `http_error`, `respond_failed`, … */
  code: string;
  status?: number;
  retryAfter?: number;
}

export function classify(err: unknown): Failure {
  if (err instanceof DeadlineError || isTimeout(err)) return { code: 'timeout' };
  if (err instanceof WebAPIPlatformError) return { code: String(err.data.error) };
  if (err instanceof WebAPIRateLimitedError) return { code: 'ratelimited', retryAfter: err.retryAfter };
  if (err instanceof WebAPIHTTPError) {
    return err.statusCode === 429 ? { code: 'ratelimited' } : { code: 'http_error', status: err.statusCode };
  }
  if (err instanceof RespondError) {
    return err.statusCode === 429
      ? { code: 'ratelimited' }
      : { code: 'respond_failed', status: err.statusCode };
  }
  if (err instanceof WebAPIRequestError) {
    const original = err.original as { message?: unknown; code?: unknown } | undefined;
    // A 429 whose Retry-After is missing or unreadable reaches us as this bare request error.
    if (typeof original?.message === 'string' && /retry header/i.test(original.message)) {
      return { code: 'ratelimited' };
    }
    if (isTimeout(original) || original?.code === 'ETIMEDOUT') return { code: 'timeout' };
    return { code: 'request_error' };
  }
  // The SDK throws a bare error (no code) for a 429 whose Retry-After is missing or unreadable.
  const message = (err as { message?: unknown } | null)?.message;
  if (typeof message === 'string' && /^Retry header did not contain a valid timeout/.test(message)) {
    return { code: 'ratelimited' };
  }
  const code = (err as { code?: unknown } | null)?.code;
  return { code: typeof code === 'string' ? code : 'unexpected' };
}

/** Slack refused the content itself: the same blocks will fail on every route, plain text will not. */
export const CONTENT_REJECTED = new Set(['invalid_blocks', 'invalid_blocks_format', 'msg_too_long']);

export const INVITE_HINT = 'invite me with `/invite @hcc-mdt`';

/** What the person reads. Plain words; says what to do next. */
export function explain(failure: Failure): string {
  switch (failure.code) {
    case 'not_in_channel':
    case 'channel_not_found':
      return `I'm not in this channel yet, so I can't post here: ${INVITE_HINT} and try again.`;
    case 'is_archived':
      return 'This channel is archived, so I cannot post in it.';
    case 'ratelimited':
      return `Slack is rate-limiting me right now, so my reply was not posted. Please try again${
        failure.retryAfter
          ? ` in ${failure.retryAfter} second${failure.retryAfter === 1 ? '' : 's'}`
          : ' in a moment'
      }.`;
    case 'timeout':
      return 'Slack did not answer in time, so my reply may not have been posted. Please try again in a moment.';
    case 'http_error':
    case 'request_error':
      return `Slack had a problem delivering my reply${
        failure.status ? ` (HTTP ${failure.status})` : ''
      }. Nothing was posted; please try again in a moment.`;
    case 'respond_failed':
      return 'That reply link has expired (Slack allows 5 replies within 30 minutes). Please run the command again.';
    case 'msg_too_long':
    case 'invalid_blocks':
    case 'invalid_blocks_format':
      return 'Slack rejected my reply as malformed. Nothing was posted; please tell the team that looks after HCC MDT.';
    default:
      return `Something went wrong posting my reply (${failure.code}). Nothing was posted; please try again.`;
  }
}

export const noticeMessage = (text: string): SlackMessage => ({
  text,
  blocks: [{ type: 'section', text: { type: 'mrkdwn', text } }],
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The whole delivery path of one request (every route, retry and wait) ends within this, from the listener start. */
export const DELIVERY_DEADLINE_MS = 15_000;
/** Kept back from a public post so the person can still be told privately when it fails. */
export const NOTICE_RESERVE_MS = 4_500;
/** Wait before the one retry of a rate limit that gave no Retry-After. */
const RATE_LIMIT_BACKOFF_MS = 1_000;

export class DeadlineError extends Error {
  override name = 'DeadlineError';
}

/** Settles with `fn()`, or rejects with DeadlineError when `until` (epoch ms) passes first. */
export async function beforeDeadline<T>(fn: () => Promise<T>, until: number): Promise<T> {
  const left = until - Date.now();
  if (left <= 0) throw new DeadlineError('deadline passed');
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      fn(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new DeadlineError('deadline passed')), left);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * One Web API call with one polite retry when Slack asks us to wait a short while (429 + Retry-After), or after a
 * short back-off when it gave no Retry-After. The client is built with `rejectRateLimitedCalls`, so the wait is
 * ours and bounded by the deadline, never the SDK's 30 minutes.
 */
export async function callOnce<T>(
  fn: () => Promise<T>,
  maxWaitSeconds: number,
  until = Infinity,
): Promise<T> {
  try {
    return await beforeDeadline(fn, until);
  } catch (err) {
    const failure = classify(err);
    if (failure.code === 'ratelimited') {
      const waitMs = failure.retryAfter !== undefined ? failure.retryAfter * 1000 : RATE_LIMIT_BACKOFF_MS;
      if (waitMs <= maxWaitSeconds * 1000 && Date.now() + waitMs < until) {
        await sleep(waitMs);
        return beforeDeadline(fn, until);
      }
    }
    throw err;
  }
}

/** Every text a message's blocks carry, as one plain message with no blocks: what Slack cannot refuse as malformed. */
export function plainTextFallback(message: SlackMessage): SlackMessage {
  const texts: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if ((o.type === 'mrkdwn' || o.type === 'plain_text') && typeof o.text === 'string') texts.push(o.text);
      else
        for (const [k, x] of Object.entries(o))
          if ((k !== 'accessory' && k !== 'elements') || o.type === 'context') visit(x);
    }
  };
  visit(message.blocks);
  const body = texts.length > 0 ? texts.join('\n') : message.text;
  const limit = 3_500;
  const text = body.length > limit ? `${body.slice(0, limit - 1)}…` : body;
  return { text, blocks: [] };
}

export interface Audience {
  client: WebClient;
  user: string;
  channel?: string | undefined;
  threadTs?: string | undefined;
  respond?: RespondFn | undefined;
}

export interface DeliveryContext {
  log: AppLogger;
  fields: LogFields;
  maxRateLimitWaitSeconds: number;
  /** Epoch ms by which every delivery of this request has ended; default DELIVERY_DEADLINE_MS from first use. */
  deadline?: number;
}

const deadlineOf = (ctx: DeliveryContext): number => {
  ctx.deadline ??= Date.now() + DELIVERY_DEADLINE_MS;
  return ctx.deadline;
};

type Route = { via: string; run: (message: SlackMessage) => Promise<unknown> };

/**
 * Tries each route in turn until one works. When Slack refuses the content (`invalid_blocks`, `msg_too_long`),
 * the plain-text form goes instead, on that route and every later one.
 */
async function firstThatWorks(
  routes: Route[],
  message: SlackMessage,
  ctx: DeliveryContext,
  until = deadlineOf(ctx),
): Promise<{ via?: string; failure?: Failure }> {
  let last: Failure | undefined;
  let current = message;
  for (const route of routes) {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await callOnce(() => route.run(current), ctx.maxRateLimitWaitSeconds, until);
        return { via: route.via };
      } catch (err) {
        last = classify(err);
        ctx.log.warn('delivery failed', {
          ...ctx.fields,
          event: 'delivery',
          via: route.via,
          outcome: 'failed',
          code: last.code,
          status: last.status,
        });
        const rejected = CONTENT_REJECTED.has(last.code) || (route.via === 'respond' && last.status === 400);
        if (!rejected || current.blocks.length === 0) break;
        current = plainTextFallback(message);
      }
    }
    if (last?.code === 'timeout' && Date.now() >= until) break;
  }
  return last ? { failure: last } : {};
}

/**
 * Shows a message to one person only. `prefer` decides the first route: `respond` (slash commands, buttons)
 * or `ephemeral` (chat.postEphemeral, in the thread when there is one). The last resort is a DM from the app,
 * which carries a one-line note saying why it came there.
 */
export async function tellPrivately(
  audience: Audience,
  message: SlackMessage,
  ctx: DeliveryContext,
  prefer: 'respond' | 'ephemeral' = 'respond',
): Promise<boolean> {
  const { client, user, channel, threadTs, respond } = audience;
  const viaRespond: Route[] = respond
    ? [
        {
          via: 'respond',
          run: (m) => respond({ response_type: 'ephemeral', replace_original: false, ...m }),
        },
      ]
    : [];
  const viaEphemeral: Route[] = channel
    ? [
        {
          via: 'postEphemeral',
          run: (m) =>
            client.chat.postEphemeral({
              channel,
              user,
              ...(threadTs ? { thread_ts: threadTs } : {}),
              text: m.text,
              blocks: m.blocks,
            }),
        },
      ]
    : [];
  const routes = prefer === 'respond' ? [...viaRespond, ...viaEphemeral] : [...viaEphemeral, ...viaRespond];
  const first = await firstThatWorks(routes, message, ctx);
  if (first.via) {
    // The usual case, at debug: the door's "handled" line already says the request was answered, and one line
    // per request at info halves the log's share of the work under load. Public posts and DMs stay at info.
    ctx.log.debug('delivered', { ...ctx.fields, event: 'delivery', via: first.via, outcome: 'ok' });
    return true;
  }
  const contentRejected = first.failure !== undefined && CONTENT_REJECTED.has(first.failure.code);
  // When the content itself was refused, the DM carries the plain text, not a note blaming the blocks again.
  const why = first.failure && !contentRejected ? explain(first.failure) : undefined;
  const base = contentRejected ? plainTextFallback(message) : message;
  const dmMessage = why
    ? enforceBlockKitLimits({
        text: `${why} ${base.text}`,
        blocks: [...noticeMessage(why).blocks, ...base.blocks],
      })
    : base;
  const dm = await firstThatWorks(
    [{ via: 'dm', run: (m) => client.chat.postMessage({ channel: user, text: m.text, blocks: m.blocks }) }],
    dmMessage,
    ctx,
  );
  if (dm.via) ctx.log.info('delivered', { ...ctx.fields, event: 'delivery', via: 'dm', outcome: 'ok' });
  else
    ctx.log.error('undeliverable', {
      ...ctx.fields,
      event: 'delivery',
      outcome: 'failed',
      code: dm.failure?.code,
    });
  return dm.via !== undefined;
}

/**
 * Posts in the channel (in the thread when `threadTs` is set) as the app. When Slack refuses, the person gets
 * a private explanation instead, and nothing else is tried in public.
 */
export async function postPublicly(
  audience: Audience & { channel: string },
  message: SlackMessage,
  ctx: DeliveryContext,
  preferPrivate: 'respond' | 'ephemeral',
): Promise<boolean> {
  const { client, channel, threadTs } = audience;
  const result = await firstThatWorks(
    [
      {
        via: 'postMessage',
        run: (m) =>
          client.chat.postMessage({
            channel,
            ...(threadTs ? { thread_ts: threadTs } : {}),
            text: m.text,
            blocks: m.blocks,
          }),
      },
    ],
    message,
    ctx,
    deadlineOf(ctx) - NOTICE_RESERVE_MS,
  );
  if (result.via) {
    ctx.log.info('delivered', { ...ctx.fields, event: 'delivery', via: 'postMessage', outcome: 'ok' });
    return true;
  }
  await tellPrivately(
    audience,
    noticeMessage(explain(result.failure ?? { code: 'unexpected' })),
    ctx,
    preferPrivate,
  );
  return false;
}
