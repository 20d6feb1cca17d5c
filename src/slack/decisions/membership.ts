import type { WebClient } from '@slack/web-api';
import { isChannelMember } from '../actions/caseButtons.js';
import type { Membership } from '../deps.js';

/**
 * Channel membership for the worklist, asked of the Web API (conversations.members, as every case button asks) and
 * remembered briefly: opening App Home twice in a minute asks Slack once per channel. A person who leaves a channel
 * stops seeing its cases within `ttlMs`. Bounded: the oldest answers go first.
 */

export const MEMBERSHIP_TTL_MS = 60_000;

export class MembershipCache implements Membership {
  private readonly answers = new Map<string, { member: boolean; until: number }>();
  constructor(
    private readonly ttlMs = MEMBERSHIP_TTL_MS,
    private readonly capacity = 10_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async isMember(client: WebClient, team: string, channel: string, user: string): Promise<boolean> {
    const key = `${team}:${channel}:${user}`;
    const now = this.clock();
    const known = this.answers.get(key);
    if (known && known.until > now) return known.member;
    // A channel the app cannot read (archived, or the app was removed) counts as not a member.
    const member = await isChannelMember(client, channel, user).catch(() => false);
    this.answers.delete(key);
    this.answers.set(key, { member, until: now + this.ttlMs });
    while (this.answers.size > this.capacity) this.answers.delete(this.answers.keys().next().value as string);
    return member;
  }

  /** The channels among `channels` the person is a member of, in order. */
  async memberOf(client: WebClient, team: string, channels: readonly string[], user: string) {
    const out: string[] = [];
    for (const c of channels) if (await this.isMember(client, team, c, user)) out.push(c);
    return out;
  }
}
