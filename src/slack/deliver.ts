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
  if (err instanceof WebAPIPlatformError) return { code: String(err.data.error) };
  if (err instanceof WebAPIRateLimitedError) return { code: 'ratelimited', retryAfter: err.retryAfter };
  if (err instanceof WebAPIHTTPError) {
    return err.statusCode === 429 ? { code: 'ratelimited' } : { code: 'http_error', status: err.statusCode };
  }
  if (err instanceof RespondError) return { code: 'respond_failed', status: err.statusCode };
  if (err instanceof WebAPIRequestError) return { code: 'request_error' };
  const code = (err as { code?: unknown } | null)?.code;
  return { code: typeof code === 'string' ? code : 'unexpected' };
}

export const INVITE_HINT = 'invite me with `/invite @HCC MDT`';

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

/**
 * One Web API call with one polite retry when Slack asks us to wait a short while (429 + Retry-After). The
 * client is built with `rejectRateLimitedCalls`, so the wait is ours and bounded, never the SDK's 30 minutes.
 */
export async function callOnce<T>(fn: () => Promise<T>, maxWaitSeconds: number): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof WebAPIRateLimitedError && err.retryAfter <= maxWaitSeconds) {
      await sleep(err.retryAfter * 1000);
      return fn();
    }
    throw err;
  }
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
}

type Route = { via: string; run: () => Promise<unknown> };

async function firstThatWorks(
  routes: Route[],
  ctx: DeliveryContext,
): Promise<{ via?: string; failure?: Failure }> {
  let last: Failure | undefined;
  for (const route of routes) {
    try {
      await callOnce(route.run, ctx.maxRateLimitWaitSeconds);
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
    }
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
          run: () => respond({ response_type: 'ephemeral', replace_original: false, ...message }),
        },
      ]
    : [];
  const viaEphemeral: Route[] = channel
    ? [
        {
          via: 'postEphemeral',
          run: () =>
            client.chat.postEphemeral({
              channel,
              user,
              ...(threadTs ? { thread_ts: threadTs } : {}),
              text: message.text,
              blocks: message.blocks,
            }),
        },
      ]
    : [];
  const routes = prefer === 'respond' ? [...viaRespond, ...viaEphemeral] : [...viaEphemeral, ...viaRespond];
  const first = await firstThatWorks(routes, ctx);
  if (first.via) {
    ctx.log.info('delivered', { ...ctx.fields, event: 'delivery', via: first.via, outcome: 'ok' });
    return true;
  }
  const why = first.failure ? explain(first.failure) : undefined;
  const dm = await firstThatWorks(
    [
      {
        via: 'dm',
        run: () =>
          client.chat.postMessage({
            channel: user,
            ...(why
              ? enforceBlockKitLimits({
                  text: `${why} ${message.text}`,
                  blocks: [...noticeMessage(why).blocks, ...message.blocks],
                })
              : message),
          }),
      },
    ],
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
        run: () =>
          client.chat.postMessage({
            channel,
            ...(threadTs ? { thread_ts: threadTs } : {}),
            text: message.text,
            blocks: message.blocks,
          }),
      },
    ],
    ctx,
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
