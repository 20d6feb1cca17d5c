import { afterEach, describe, expect, it } from 'vitest';
import { PRIVACY_TEXT } from '../../../src/render/privacy.js';
import { appMention } from '../../../src/slack/events/appMention.js';
import { openStore, type Store } from '../../../src/store/openStore.js';
import { type FreshStore, sqliteBackend } from '../../store/backends.js';
import { type Fakes, listenerFakes } from '../listenerFakes.js';

/** The mention listener called directly: results in the thread, everything else to the author only. */

async function mention(text: string, extra: Record<string, unknown> = {}, f: Fakes = listenerFakes()) {
  const event = {
    type: 'app_mention',
    user: 'U0ALICE',
    text: `<@U0BOT> ${text}`,
    ts: '1700000000.000100',
    channel: 'C1',
    ...extra,
  };
  await appMention(f.deps)({
    event,
    client: f.client,
    body: { team_id: 'T1', event_id: 'Ev1' },
    context: { teamId: 'T1' },
  } as never);
  return f;
}

describe('@mention', () => {
  it('posts a result in a thread under the mention, not shareable', async () => {
    const f = await mention('stage bili 34');
    expect(f.calls.map((c) => c.method)).toEqual(['chat.postMessage']);
    expect(f.callsTo('chat.postMessage')[0]).toMatchObject({ channel: 'C1', thread_ts: '1700000000.000100' });
    expect(JSON.stringify(f.callsTo('chat.postMessage')[0]?.blocks)).not.toContain('hcc_share');
    expect(f.handled()).toMatchObject({ event: 'app_mention', outcome: 'assessed', eventId: 'Ev1' });
  });

  it('answers in the thread it was asked in', async () => {
    const f = await mention('stage bili 34', { thread_ts: '1699999999.000001' });
    expect(f.callsTo('chat.postMessage')[0]?.thread_ts).toBe('1699999999.000001');
  });

  it('sends the privacy notice to the author only, before the public result', async () => {
    const f = await mention('stage bili 34 MRN 1234567');
    expect(f.calls.map((c) => c.method)).toEqual(['chat.postEphemeral', 'chat.postMessage']);
    expect(f.callsTo('chat.postEphemeral')[0]).toMatchObject({ user: 'U0ALICE', text: PRIVACY_TEXT });
  });

  it('keeps parse errors and help private', async () => {
    for (const text of ['stage bilu 34', 'help']) {
      const f = await mention(text);
      expect(f.calls.map((c) => c.method)).toEqual(['chat.postEphemeral']);
    }
  });

  it('offers the form button for `form` (a mention has no trigger_id), privately', async () => {
    const f = await mention('form');
    expect(f.calls.map((c) => c.method)).toEqual(['chat.postEphemeral']);
    expect(JSON.stringify(f.callsTo('chat.postEphemeral')[0]?.blocks)).toContain('hcc_open_form');
    expect(f.handled()?.outcome).toBe('form');
  });

  it('ignores a mention without a user (a bot or integration)', async () => {
    const f = await mention('stage bili 34', { user: undefined });
    expect(f.calls).toEqual([]);
    expect(f.log).toEqual([]);
  });
});

describe('@mention with a case store', () => {
  let fresh: FreshStore | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await store?.close();
    await fresh?.drop();
  });

  it('opens the thread case: the card goes into the thread, then the summary with its case line', async () => {
    fresh = await sqliteBackend.fresh();
    store = await openStore(fresh.location);
    const f = await mention('stage bili 34 umol/L, alb 31 g/L', {}, listenerFakes({ deps: { store } }));
    const posts = f.callsTo('chat.postMessage');
    expect(posts).toHaveLength(2);
    expect(String(posts[0]?.text)).toMatch(/^Case HCC-\w{5} opened for this thread/);
    expect(String(posts[1]?.text)).toMatch(/^Case HCC-\w{5} · assessment 1\. BCLC B/);
    expect(f.handled()).toMatchObject({ outcome: 'case-created', caseId: expect.stringMatching(/^HCC-/) });

    const again = await mention(
      'ECOG 0',
      { ts: '1700000000.000200', thread_ts: '1700000000.000100' },
      listenerFakes({ deps: { store } }),
    );
    expect(again.callsTo('chat.postMessage')).toHaveLength(1);
    expect(again.handled()?.outcome).toBe('case-added');
  });
});
