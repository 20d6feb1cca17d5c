import type { RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { afterEach, beforeEach } from 'vitest';
import { parseCase } from '../../src/parse/parseCase.js';
import { actionClaims } from '../../src/slack/actionClaims.js';
import { assessInThread } from '../../src/slack/caseThread.js';
import { MembershipCache } from '../../src/slack/decisions/membership.js';
import type { ListenerDeps } from '../../src/slack/deps.js';
import { createLogger } from '../../src/slack/log.js';
import { MemoryClaims } from '../../src/store/claims.js';
import { openStore, type Store } from '../../src/store/openStore.js';
import { type FreshStore, sqliteBackend } from '../store/backends.js';
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

let submitted = 0;

/**
 * The arguments Bolt hands a view_submission listener: U0ALICE submits a view of its own (id and hash) with
 * `privateMetadata` and the state `values`. Pass the same arguments twice for a second submission of that view.
 */
export function submitArgs(
  f: Fakes,
  callbackId: string,
  privateMetadata: string,
  values: Record<string, unknown>,
) {
  const view = {
    id: `V0VIEW${++submitted}`,
    hash: `1700000000.h${submitted}`,
    callback_id: callbackId,
    private_metadata: privateMetadata,
    state: { values },
  };
  return {
    ack: f.ack,
    view,
    body: { type: 'view_submission', user: { id: 'U0ALICE' }, team: { id: 'T1' }, view },
    client: f.client,
  } as never;
}

/**
 * A fresh SQLite store for each test, holding one case that U0ALICE opened with `text` (SI units) in thread
 * 1700000000.000100 of channel C1, team T1. Read `store` and `caseId` inside a test.
 */
export function useCaseInThread(text: string): { readonly store: Store; readonly caseId: string } {
  let fresh: FreshStore | undefined;
  let opened: { store: Store; caseId: string } | undefined;
  beforeEach(async () => {
    fresh = await sqliteBackend.fresh();
    const store = await openStore(fresh.location);
    const made = await assessInThread(store, {
      scope: { teamId: 'T1', channelId: 'C1' },
      threadTs: '1700000000.000100',
      user: 'U0ALICE',
      parse: parseCase(text, { units: 'si' }),
    });
    if (made.kind !== 'case') throw new Error('no case made');
    opened = { store, caseId: made.caseId };
  });
  afterEach(async () => {
    await opened?.store.close();
    await fresh?.drop();
    opened = undefined;
  });
  const current = () => {
    if (!opened) throw new Error('the case is read outside a test (it is opened in beforeEach)');
    return opened;
  };
  return {
    get store() {
      return current().store;
    },
    get caseId() {
      return current().caseId;
    },
  };
}
