import { describe, expect, it } from 'vitest';
import { caseDeleteButton, caseHistoryButton, NOT_FOUND } from '../../../src/slack/actions/caseButtons.js';
import { caseExportFhirButton } from '../../../src/slack/actions/exportFhir.js';
import { type Fakes, listenerFakes, pressArgs, useCaseInThread } from '../listenerFakes.js';

/** The case card's buttons called directly, on a real SQLite store: only a member of the case's channel sees it. */

const thread = useCaseInThread('bili 34 umol/L, alb 31 g/L');

const members = (ids: string[]) =>
  listenerFakes({
    deps: { store: thread.store },
    api: {
      'conversations.members': () => ({ ok: true, members: ids, response_metadata: { next_cursor: '' } }),
    },
  });

describe('Case history', () => {
  it('shows a member the case history, privately, and logs the case', async () => {
    const f = members(['U0ALICE']);
    await caseHistoryButton(f.deps)(pressArgs(f, thread.caseId));
    expect(f.calls.map((c) => c.method)).toEqual(['conversations.members', 'respond']);
    expect(f.texts()).toEqual([`Case ${thread.caseId}: history`]);
    expect(f.handled()).toMatchObject({
      event: 'case_history',
      outcome: 'case-history',
      caseId: thread.caseId,
    });
  });

  it('answers a non-member, another channel, a bad id or no store as if the case did not exist', async () => {
    const cases: [Fakes, string, { channel?: string }][] = [
      [members(['U0BOB']), thread.caseId, {}],
      [members(['U0ALICE']), thread.caseId, { channel: 'C2' }],
      [members(['U0ALICE']), 'not a case id', {}],
      [listenerFakes(), thread.caseId, {}],
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
    await caseDeleteButton(f.deps)(pressArgs(f, thread.caseId));
    expect(f.callsTo('chat.postMessage').map((p) => p.text)).toEqual([
      `Case ${thread.caseId} was deleted by <@U0ALICE>: its values and history are gone.`,
    ]);
    expect(
      await thread.store.cases.get(thread.caseId as never, { teamId: 'T1', channelId: 'C1' }),
    ).toBeNull();
    expect(f.handled()).toMatchObject({ outcome: 'case-deleted', caseId: thread.caseId });
  });

  it('deletes nothing for a non-member', async () => {
    const f = members(['U0BOB']);
    await caseDeleteButton(f.deps)(pressArgs(f, thread.caseId));
    expect(f.callsTo('chat.postMessage')).toEqual([]);
    expect(
      await thread.store.cases.get(thread.caseId as never, { teamId: 'T1', channelId: 'C1' }),
    ).not.toBeNull();
  });
});

describe('Export FHIR', () => {
  it('sends nothing to a non-member, and answers as if the case did not exist', async () => {
    const f = members(['U0BOB']);
    await caseExportFhirButton(f.deps)(pressArgs(f, thread.caseId));
    expect(f.calls.map((c) => c.method)).toEqual(['conversations.members', 'respond']);
    expect(f.texts()).toEqual([NOT_FOUND]);
  });
});
