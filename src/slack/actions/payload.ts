import type { BlockAction, ButtonAction } from '@slack/bolt';

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
