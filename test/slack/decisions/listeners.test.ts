import { describe, expect, it } from 'vitest';
import { NOT_FOUND } from '../../../src/slack/actions/caseButtons.js';
import {
  ACTION_ADD_FOLLOW_UP,
  ACTION_RECORD_DECISION,
  DECISION_MODAL_CALLBACK_ID,
} from '../../../src/slack/decisions/actions.js';
import { register } from '../../../src/slack/decisions/listeners.js';
import type { ListenerDeps } from '../../../src/slack/deps.js';
import { type Fakes, listenerFakes, pressArgs, useCaseInThread } from '../listenerFakes.js';

/** The decision doors called directly, on a real SQLite store: the buttons open their modals for members only. */

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
    await listeners(f.deps).get(DECISION_MODAL_CALLBACK_ID)!({
      ack: f.ack,
      view: {
        callback_id: DECISION_MODAL_CALLBACK_ID,
        private_metadata: JSON.stringify({ caseId: thread.caseId, channel: 'C1', threadTs: null }),
        state: { values: {} },
      },
      body: { user: { id: 'U0ALICE' }, team: { id: 'T1' } },
      client: f.client,
    } as never);
    expect(f.acks).toEqual([{ response_action: 'errors', errors: {} }]);
    expect(f.callsTo('chat.postMessage')).toEqual([]);
    expect(f.handled()?.outcome).toBe('case-not-found');
  });
});
