import { afterEach, describe, expect, it, vi } from 'vitest';
import { NOT_FOUND } from '../../../src/slack/actions/caseButtons.js';
import {
  ACTION_ADD_FOLLOW_UP,
  ACTION_RECORD_DECISION,
  DECISION_MODAL_CALLBACK_ID,
  FOLLOW_UP_MODAL_CALLBACK_ID,
  TREATMENT_MODAL_CALLBACK_ID,
} from '../../../src/slack/decisions/actions.js';
import { decisionsOf } from '../../../src/slack/decisions/decisionServices.js';
import { register } from '../../../src/slack/decisions/listeners.js';
import type { ListenerDeps } from '../../../src/slack/deps.js';
import { ALREADY_SUBMITTED } from '../../../src/slack/views/oncePerView.js';
import { KyselyDecisionRepository } from '../../../src/store/decisionRepository.js';
import type { Store } from '../../../src/store/openStore.js';
import { type Fakes, listenerFakes, pressArgs, submitArgs, useCaseInThread } from '../listenerFakes.js';

/**
 * The decision doors called directly, on a real SQLite store: the buttons open their modals for members only, and
 * each modal that writes acts once per submitted view.
 */

type Handler = (args: never) => Promise<void>;

/** The listeners `register` puts on the app, by action id or callback id. */
function listeners(deps: ListenerDeps): Map<string, Handler> {
  const found = new Map<string, Handler>();
  const app = {
    action: (id: string, h: Handler) => found.set(id, h),
    view: (id: string, h: Handler) => found.set(id, h),
  };
  register(app as never, deps);
  return found;
}

const thread = useCaseInThread('bili 34 umol/L, alb 31 g/L, ECOG 0, 3 lesions largest 4.2 cm');

const members = (ids: string[]): Fakes =>
  listenerFakes({
    deps: { store: thread.store },
    api: {
      'conversations.members': () => ({ ok: true, members: ids, response_metadata: { next_cursor: '' } }),
    },
  });

describe('decision buttons', () => {
  it('Record decision opens the decision modal for a member, remembering the case and thread', async () => {
    const f = members(['U0ALICE']);
    await listeners(f.deps).get(ACTION_RECORD_DECISION)!(
      pressArgs(f, JSON.stringify({ caseId: thread.caseId })),
    );
    expect(f.calls.map((c) => c.method)).toEqual(['conversations.members', 'views.open']);
    const view = f.callsTo('views.open')[0]?.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe(DECISION_MODAL_CALLBACK_ID);
    expect(JSON.parse(view.private_metadata)).toMatchObject({
      caseId: thread.caseId,
      channel: 'C1',
      threadTs: '1700000000.000100',
    });
    expect(f.handled()).toMatchObject({ event: 'decision_record', outcome: 'modal-opened' });
  });

  it('answers a non-member, an unreadable value or no store as if the case did not exist', async () => {
    const cases: [Fakes, string][] = [
      [members(['U0BOB']), JSON.stringify({ caseId: thread.caseId })],
      [members(['U0ALICE']), '{"thread.caseId": 12}'],
      [listenerFakes(), JSON.stringify({ caseId: thread.caseId })],
    ];
    for (const [f, value] of cases) {
      await listeners(f.deps).get(ACTION_ADD_FOLLOW_UP)!(pressArgs(f, value));
      expect(f.callsTo('views.open')).toEqual([]);
      expect(f.texts()).toEqual([NOT_FOUND]);
      expect(f.handled()?.outcome).toBe('case-not-found');
    }
  });
});

describe('decision modal submit', () => {
  it('closes the modal with no change for a submitter who is not a member', async () => {
    const f = members(['U0BOB']);
    await listeners(f.deps).get(DECISION_MODAL_CALLBACK_ID)!(
      submitArgs(
        f,
        DECISION_MODAL_CALLBACK_ID,
        JSON.stringify({ caseId: thread.caseId, channel: 'C1', threadTs: null }),
        {},
      ),
    );
    expect(f.acks).toEqual([{ response_action: 'errors', errors: {} }]);
    expect(f.callsTo('chat.postMessage')).toEqual([]);
    expect(f.handled()?.outcome).toBe('case-not-found');
  });
});

const THREAD = '1700000000.000100';
const SCOPE = { teamId: 'T1', channelId: 'C1' };
const text = (value: string) => ({ value: { type: 'plain_text_input', value } });
const choice = (value: string) => ({ choice: { type: 'static_select', selected_option: { value } } });

/** Each modal that writes: a valid state, the repository write it makes, what it stores and audits. */
const MODALS = [
  {
    name: 'decision',
    callbackId: DECISION_MODAL_CALLBACK_ID,
    values: {
      decision_outcome: choice('defer'),
      decision_missing: { checked: { type: 'checkboxes', selected_options: [{ value: 'imaging' }] } },
    },
    write: 'addDecision',
    stored: (store: Store, id: string) => decisionsOf(store)!.decisions(id, SCOPE),
    audited: 'decision.recorded',
  },
  {
    name: 'follow-up',
    callbackId: FOLLOW_UP_MODAL_CALLBACK_ID,
    values: { follow_up_task: text('CT after 2 cycles'), follow_up_due: text('in 6 weeks') },
    write: 'addFollowUp',
    stored: (store: Store, id: string) => decisionsOf(store)!.followUps(id, SCOPE),
    audited: 'follow-up.added',
  },
  {
    name: 'treatment',
    callbackId: TREATMENT_MODAL_CALLBACK_ID,
    values: {
      treatment_choice: choice('tace'),
      treatment_on: { date: { type: 'datepicker', selected_date: new Date().toISOString().slice(0, 10) } },
    },
    write: 'addTreatment',
    stored: (store: Store, id: string) => decisionsOf(store)!.treatments(id, SCOPE),
    audited: 'treatment.recorded',
  },
] as const;

describe.each(MODALS)('the $name modal acts once per submitted view', (modal) => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  /** A member submits the modal opened from the case thread: the listener and one view's arguments. */
  const opened = () => {
    const f = members(['U0ALICE']);
    const target = JSON.stringify({ caseId: thread.caseId, channel: 'C1', threadTs: THREAD });
    return {
      f,
      submit: listeners(f.deps).get(modal.callbackId)!,
      args: submitArgs(f, modal.callbackId, target, modal.values),
    };
  };
  const written = async () => ({
    stored: (await modal.stored(thread.store, thread.caseId)).length,
    audited: (await thread.store.audit.forCase(thread.caseId, SCOPE)).filter(
      (a) => a.action === modal.audited,
    ).length,
  });

  it('a double submit writes and posts once; the second is cleared and told privately', async () => {
    const { f, submit, args } = opened();
    await Promise.all([submit(args), submit(args)]);
    expect(await written()).toEqual({ stored: 1, audited: 1 });
    expect(f.callsTo('chat.postMessage')).toHaveLength(1);
    expect(f.callsTo('chat.postMessage')[0]).toMatchObject({ channel: 'C1', thread_ts: THREAD });
    expect(f.callsTo('chat.postEphemeral')).toEqual([
      expect.objectContaining({ channel: 'C1', thread_ts: THREAD, user: 'U0ALICE', text: ALREADY_SUBMITTED }),
    ]);
    expect(f.acks).toHaveLength(2);
    expect(f.acks).toEqual(expect.arrayContaining([undefined, { response_action: 'clear' }]));
  });

  it('a later copy of the view (a redelivery, a replay) writes and posts nothing more', async () => {
    const { f, submit, args } = opened();
    await submit(args);
    await submit(args);
    expect(await written()).toEqual({ stored: 1, audited: 1 });
    expect(f.callsTo('chat.postMessage')).toHaveLength(1);
    expect(f.texts().at(-1)).toBe(ALREADY_SUBMITTED);
    expect(f.log.filter((l) => l.msg === 'handled').map((l) => l.outcome)).toEqual([
      expect.stringMatching(/-(recorded|added)$/),
      'already-submitted',
    ]);
  });

  it('a write that fails gives the view back: submitting it again records it once', async () => {
    vi.spyOn(KyselyDecisionRepository.prototype, modal.write).mockRejectedValueOnce(
      new Error('database down'),
    );
    const { f, submit, args } = opened();
    await submit(args);
    expect(f.acks).toEqual([{ response_action: 'errors', errors: {} }]);
    expect(await written()).toEqual({ stored: 0, audited: 0 });
    expect(f.callsTo('chat.postMessage')).toEqual([]);
    await submit(args);
    expect(f.acks).toEqual([{ response_action: 'errors', errors: {} }, undefined]);
    expect(await written()).toEqual({ stored: 1, audited: 1 });
    expect(f.callsTo('chat.postMessage')).toHaveLength(1);
    expect(f.callsTo('chat.postEphemeral')).toEqual([]);
  });
});

it('a decision refused in the modal gives the view back, so the corrected form is recorded', async () => {
  const f = members(['U0ALICE']);
  const submit = listeners(f.deps).get(DECISION_MODAL_CALLBACK_ID)!;
  const target = JSON.stringify({ caseId: thread.caseId, channel: 'C1', threadTs: THREAD });
  const args = submitArgs(f, DECISION_MODAL_CALLBACK_ID, target, {});
  await submit(args);
  expect(f.acks).toEqual([{ response_action: 'errors', errors: { decision_outcome: 'Choose an outcome' } }]);
  (args as { view: { state: { values: unknown } } }).view.state.values = MODALS[0].values;
  await submit(args);
  expect(f.acks.at(-1)).toBeUndefined();
  expect(await decisionsOf(thread.store)!.decisions(thread.caseId, SCOPE)).toHaveLength(1);
  expect(f.callsTo('chat.postMessage')).toHaveLength(1);
});
