import type { BlockAction, ButtonAction } from '@slack/bolt';
import { type Audience, type DeliveryContext, noticeMessage, tellPrivately } from '../deliver.js';
import { deliveryContext, type ListenerDeps } from '../deps.js';
import type { LogFields } from '../log.js';
import type { ActionArgs } from '../router.js';

/** Where a button was pressed: the channel, and the thread when the message sits in one. Opaque ids only. */
export function whereClicked(body: BlockAction): { channel?: string; threadTs?: string } {
  const container = (body.container ?? {}) as Record<string, unknown>;
  const message = (body.message ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  const channel = str(body.channel?.id) ?? str(container.channel_id);
  const threadTs = str(container.thread_ts) ?? str(message.thread_ts);
  return { ...(channel ? { channel } : {}), ...(threadTs ? { threadTs } : {}) };
}

/** The pressed button's value, JSON-decoded; undefined when it is not JSON. */
export function buttonValue(body: BlockAction): unknown {
  const action = body.actions[0] as ButtonAction | undefined;
  try {
    return JSON.parse(action?.value ?? '');
  } catch {
    return undefined;
  }
}

/** What every button listener needs once it has acked: who pressed, where, what to log, how to answer. */
export interface ButtonPress {
  start: number;
  channel?: string;
  threadTs?: string;
  user: string;
  fields: LogFields;
  ctx: DeliveryContext;
  audience: Audience;
}

/** Acks the press first (Slack's 3-second window), then gathers the ids and the reply routes. */
export async function pressButton(
  deps: ListenerDeps,
  event: string,
  { body, ack, client, respond }: ActionArgs,
): Promise<ButtonPress> {
  const start = performance.now();
  await ack();
  const { channel, threadTs } = whereClicked(body);
  const user = body.user.id;
  const fields: LogFields = { event, team: body.team?.id, channel, user };
  return {
    start,
    ...(channel ? { channel } : {}),
    ...(threadTs ? { threadTs } : {}),
    user,
    fields,
    ctx: deliveryContext(deps, fields),
    audience: { client, user, channel, threadTs, respond },
  };
}

/** How long a button that posts or writes stays "already done" for its message: a double click, a retry, a replay. */
export const PRESS_CLAIM_MS = 10 * 60_000;

/** Outcomes after which the press is given back, so pressing again gets the real answer, not "already done". */
const GIVEN_BACK = /not-found|refused|invalid|failed/;

/**
 * Once per message for a button that posts or writes (Delete case, Export FHIR, Sign off, Add to meeting, the
 * reminder buttons): the press claims (action, message, value) in the action claims (shared by every replica on
 * PostgreSQL); a second press, a retry or a replay while it is held is told privately. A press whose work threw
 * or was refused gives the claim back.
 */
export function oncePerMessage<R extends unknown[]>(
  deps: ListenerDeps,
  body: (args: ActionArgs, press: ButtonPress, ...rest: R) => Promise<string>,
): (args: ActionArgs, press: ButtonPress, ...rest: R) => Promise<string> {
  return async (args, press, ...rest) => {
    const action = args.body.actions[0] as ButtonAction | undefined;
    const messageTs = (args.body.container as { message_ts?: unknown } | undefined)?.message_ts;
    const key = `press:${action?.action_id ?? ''}:${args.body.team?.id ?? ''}:${press.channel ?? ''}:${
      typeof messageTs === 'string' ? messageTs : ''
    }:${action?.value ?? ''}`;
    if (!(await deps.actionClaims.claim(key, PRESS_CLAIM_MS))) {
      await tellPrivately(
        press.audience,
        noticeMessage('That was already done: the button was pressed a moment ago.'),
        press.ctx,
      );
      return 'already-done';
    }
    try {
      const outcome = await body(args, press, ...rest);
      if (GIVEN_BACK.test(outcome)) await deps.actionClaims.release(key);
      return outcome;
    } catch (error) {
      await deps.actionClaims.release(key);
      throw error;
    }
  };
}
