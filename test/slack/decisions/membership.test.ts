import type { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { MembershipCache } from '../../../src/slack/decisions/membership.js';

/** A client whose conversations.members answers from a table, counting the calls. */
function client(members: Record<string, string[] | 'error'>) {
  const calls: string[] = [];
  const c = {
    conversations: {
      members: async ({ channel }: { channel: string }) => {
        calls.push(channel);
        const m = members[channel];
        if (m === 'error' || m === undefined) throw new Error('channel_not_found');
        return { ok: true, members: m, response_metadata: { next_cursor: '' } };
      },
    },
  } as unknown as WebClient;
  return { c, calls };
}

describe('channel membership for the worklist', () => {
  it('keeps only the channels the person is in, asks Slack once a minute per channel, then again', async () => {
    let now = 0;
    const cache = new MembershipCache(60_000, 100, () => now);
    const { c, calls } = client({ C0MDT: ['U0ME', 'U0YOU'], C0OTHER: ['U0YOU'], C0GONE: 'error' });
    expect(await cache.memberOf(c, 'T1', ['C0MDT', 'C0OTHER', 'C0GONE'], 'U0ME')).toEqual(['C0MDT']);
    expect(calls).toEqual(['C0MDT', 'C0OTHER', 'C0GONE']);
    now = 59_999;
    expect(await cache.memberOf(c, 'T1', ['C0MDT', 'C0OTHER'], 'U0ME')).toEqual(['C0MDT']);
    expect(calls).toHaveLength(3);
    now = 60_000;
    await cache.memberOf(c, 'T1', ['C0MDT'], 'U0ME');
    expect(calls).toHaveLength(4);
    // Another person's answer is their own.
    expect(await cache.memberOf(c, 'T1', ['C0OTHER'], 'U0YOU')).toEqual(['C0OTHER']);
  });

  it('stays bounded', async () => {
    const cache = new MembershipCache(60_000, 2, () => 0);
    const { c, calls } = client({ C1: ['U1'], C2: ['U1'], C3: ['U1'] });
    await cache.memberOf(c, 'T1', ['C1', 'C2', 'C3'], 'U1');
    await cache.memberOf(c, 'T1', ['C1'], 'U1');
    // C1 was dropped to keep two answers, so it is asked again.
    expect(calls).toEqual(['C1', 'C2', 'C3', 'C1']);
  });
});
