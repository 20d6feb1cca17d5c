import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCase } from '../../../src/parse/parseCase.js';
import { caseDeleteButton, caseHistoryButton, NOT_FOUND } from '../../../src/slack/actions/caseButtons.js';
import { caseExportFhirButton } from '../../../src/slack/actions/exportFhir.js';
import { assessInThread } from '../../../src/slack/caseThread.js';
import { openStore, type Store } from '../../../src/store/openStore.js';
import { type FreshStore, sqliteBackend } from '../../store/backends.js';
import { type Fakes, listenerFakes, pressArgs } from '../listenerFakes.js';

/** The case card's buttons called directly, on a real SQLite store: only a member of the case's channel sees it. */

let fresh: FreshStore;
let store: Store;
let caseId: string;
beforeEach(async () => {
  fresh = await sqliteBackend.fresh();
  store = await openStore(fresh.location);
  const made = await assessInThread(store, {
    scope: { teamId: 'T1', channelId: 'C1' },
    threadTs: '1700000000.000100',
    user: 'U0ALICE',
    parse: parseCase('bili 34 umol/L, alb 31 g/L', { units: 'si' }),
  });
  if (made.kind !== 'case') throw new Error('no case made');
  caseId = made.caseId;
});
afterEach(async () => {
  await store.close();
  await fresh.drop();
});

const members = (ids: string[]) =>
  listenerFakes({
    deps: { store },
    api: {
      'conversations.members': () => ({ ok: true, members: ids, response_metadata: { next_cursor: '' } }),
    },
  });

describe('Case history', () => {
  it('shows a member the case history, privately, and logs the case', async () => {
    const f = members(['U0ALICE']);
    await caseHistoryButton(f.deps)(pressArgs(f, caseId));
    expect(f.calls.map((c) => c.method)).toEqual(['conversations.members', 'respond']);
    expect(f.texts()).toEqual([`Case ${caseId}: history`]);
    expect(f.handled()).toMatchObject({ event: 'case_history', outcome: 'case-history', caseId });
  });

  it('answers a non-member, another channel, a bad id or no store as if the case did not exist', async () => {
    const cases: [Fakes, string, { channel?: string }][] = [
      [members(['U0BOB']), caseId, {}],
      [members(['U0ALICE']), caseId, { channel: 'C2' }],
      [members(['U0ALICE']), 'not a case id', {}],
      [listenerFakes(), caseId, {}],
    ];
    for (const [f, value, where] of cases) {
      await caseHistoryButton(f.deps)(pressArgs(f, value, where));
      expect(f.texts()).toEqual([NOT_FOUND]);
      expect(f.handled()?.outcome).toBe('case-not-found');
    }
  });
});

describe('Delete case', () => {
  it('deletes the case for a member and says so in the channel', async () => {
    const f = members(['U0ALICE']);
    await caseDeleteButton(f.deps)(pressArgs(f, caseId));
    expect(f.callsTo('chat.postMessage').map((p) => p.text)).toEqual([
      `Case ${caseId} was deleted by <@U0ALICE>: its values and history are gone.`,
    ]);
    expect(await store.cases.get(caseId as never, { teamId: 'T1', channelId: 'C1' })).toBeNull();
    expect(f.handled()).toMatchObject({ outcome: 'case-deleted', caseId });
  });

  it('deletes nothing for a non-member', async () => {
    const f = members(['U0BOB']);
    await caseDeleteButton(f.deps)(pressArgs(f, caseId));
    expect(f.callsTo('chat.postMessage')).toEqual([]);
    expect(await store.cases.get(caseId as never, { teamId: 'T1', channelId: 'C1' })).not.toBeNull();
  });
});

describe('Export FHIR', () => {
  it('sends nothing to a non-member, and answers as if the case did not exist', async () => {
    const f = members(['U0BOB']);
    await caseExportFhirButton(f.deps)(pressArgs(f, caseId));
    expect(f.calls.map((c) => c.method)).toEqual(['conversations.members', 'respond']);
    expect(f.texts()).toEqual([NOT_FOUND]);
  });
});
