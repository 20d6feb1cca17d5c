import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { actionClaims } from '../../src/slack/actionClaims.js';
import { MembershipCache } from '../../src/slack/decisions/membership.js';
import type { ListenerDeps } from '../../src/slack/deps.js';
import { createLogger } from '../../src/slack/log.js';
import { MemoryClaims } from '../../src/store/claims.js';
import { fakeServices } from './fakeServices.js';

/**
 * Fakes for calling one listener directly, without Bolt or HTTP: deps with the fake services and a captured log,
 * a Web API client that records each call, and recording `ack` and `respond`. The end-to-end suites drive the
 * same listeners through the real app; these tests pin what one listener does with one payload.
 */

export interface Call {
  method: string;
  args: Record<string, unknown>;
}

export interface Fakes {
  deps: ListenerDeps;
  /** Parsed log lines, in order. */
  log: Record<string, unknown>[];
  /** Every Web API call and `respond`, in order. */
  calls: Call[];
  client: WebClient;
  acks: unknown[];
  ack: (response?: unknown) => Promise<void>;
  respond: RespondFn;
  /** The arguments of each call to one Web API method (`chat.postEphemeral`), or to `respond`. */
  callsTo(method: string): Record<string, unknown>[];
  /** The text of every reply, public or private, in order. */
  texts(): string[];
  /** The `handled` log line. */
  handled(): Record<string, unknown> | undefined;
}

export function listenerFakes(
  options: {
    deps?: Partial<ListenerDeps>;
    /** Web API answers by method; default `{ ok: true }`. A function may throw to fail the call. */
    api?: Record<string, (args: Record<string, unknown>) => unknown>;
  } = {},
): Fakes {
  const log: Record<string, unknown>[] = [];
  const calls: Call[] = [];
  const acks: unknown[] = [];
  const call = async (method: string, args: Record<string, unknown> = {}) => {
    calls.push({ method, args });
    const answer = options.api?.[method];
    return answer ? answer(args) : { ok: true };
  };
  const group = (prefix: string) =>
    new Proxy(
      {},
      { get: (_t, name) => (args: Record<string, unknown>) => call(`${prefix}.${String(name)}`, args) },
    );
  const client = {
    chat: group('chat'),
    views: group('views'),
    conversations: group('conversations'),
    files: group('files'),
    apiCall: (method: string, args: Record<string, unknown>) => call(method, args),
  } as unknown as WebClient;
  const deps: ListenerDeps = {
    services: fakeServices(),
    log: createLogger({ level: 'debug', write: (line) => log.push(JSON.parse(line)) }),
    units: 'si',
    maxRateLimitWaitSeconds: 0,
    actionClaims: actionClaims(new MemoryClaims()),
    membership: new MembershipCache(),
    ...options.deps,
  };
  const callsTo = (method: string) => calls.filter((c) => c.method === method).map((c) => c.args);
  return {
    deps,
    log,
    calls,
    client,
    acks,
    ack: async (response?: unknown) => {
      acks.push(response);
    },
    respond: (async (message: Parameters<RespondFn>[0]) => {
      calls.push({
        method: 'respond',
        args: typeof message === 'string' ? { text: message } : { ...message },
      });
      return new Response('ok');
    }) as RespondFn,
    callsTo,
    texts: () =>
      calls
        .filter((c) => c.method === 'respond' || c.method.startsWith('chat.post'))
        .map((c) => String(c.args.text)),
    handled: () => log.find((l) => l.msg === 'handled'),
  };
}

let pressed = 0;

/** The arguments Bolt hands a block action listener for a button press with `value`. */
export function pressArgs(
  f: Fakes,
  value: string | undefined,
  where: { channel?: string; threadTs?: string; user?: string } = {},
) {
  const channel = where.channel ?? 'C1';
  return {
    body: {
      type: 'block_actions',
      user: { id: where.user ?? 'U0ALICE' },
      team: { id: 'T1' },
      channel: { id: channel },
      container: {
        type: 'message',
        message_ts: `1700000001.${String(++pressed).padStart(6, '0')}`,
        channel_id: channel,
        ...(where.threadTs ? { thread_ts: where.threadTs } : {}),
      },
      trigger_id: 'trigger-btn',
      actions: [{ type: 'button', action_id: 'x', ...(value !== undefined ? { value } : {}) }],
    },
    ack: f.ack,
    client: f.client,
    respond: f.respond,
  } as never;
}
