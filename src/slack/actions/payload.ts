import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { Audience, DeliveryContext } from '../deliver.js';
import { deliveryContext, type ListenerDeps } from '../deps.js';
import type { LogFields } from '../log.js';

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
  { body, ack, client, respond }: AllMiddlewareArgs & SlackActionMiddlewareArgs<BlockAction>,
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
