import { afterEach, beforeEach } from 'vitest';
import { openStore, type Store } from '../../src/store/openStore.js';
import type { Backend, FreshStore } from '../store/backends.js';
import type { FakeSlack } from './fakeSlack.js';
import { type Harness, startHarness } from './harness.js';

/**
 * The set-up the case, decision and export end-to-end suites share: a thread, mentions in it, and per test a
 * fresh store on one back-end with the real app (real pipeline) on it, talking to a fake Slack on 127.0.0.1.
 */

export const THREAD = '1700000000.000100';
export const SCOPE = { teamId: 'T1', channelId: 'C1' };

let n = 0;
/** An app_mention event in THREAD; each gets a new ts unless `extra` gives one. */
export const mention = (text: string, extra: Record<string, unknown> = {}) => ({
  type: 'app_mention',
  user: 'U0ALICE',
  text: `<@U0BOT> ${text}`,
  ts: `1700000001.${String(++n).padStart(6, '0')}`,
  thread_ts: THREAD,
  channel: 'C1',
  ...extra,
});

export const posts = (fake: FakeSlack) => fake.callsTo('chat.postMessage');
export const textOf = (call: { body: Record<string, unknown> }) =>
  JSON.stringify(call.body.blocks ?? '') + String(call.body.text);

/** Who conversations.members says is in the channel. */
export const members = (fake: FakeSlack, ids: string[]) =>
  fake.on('conversations.members', {
    body: { ok: true, members: ids, response_metadata: { next_cursor: '' } },
  });

/** Registers, in the enclosing describe, a fresh store and app for each test; read `h` and `store` inside tests. */
export function storeHarness(backend: Backend): {
  readonly h: Harness;
  readonly store: Store;
  /** Where the store is, to open a second connection (another replica). */
  readonly fresh: FreshStore;
} {
  let fresh: FreshStore | undefined;
  let store: Store | undefined;
  let h: Harness | undefined;
  beforeEach(async () => {
    fresh = await backend.fresh();
    store = await openStore(fresh.location);
    h = await startHarness({ services: 'real', store });
  });
  afterEach(async () => {
    await h?.close();
    await store?.close();
    await fresh?.drop();
  });
  const ready = <T>(v: T | undefined): T => {
    if (v === undefined) throw new Error('storeHarness: used outside a test');
    return v;
  };
  return {
    get h() {
      return ready(h);
    },
    get store() {
      return ready(store);
    },
    get fresh() {
      return ready(fresh);
    },
  };
}
