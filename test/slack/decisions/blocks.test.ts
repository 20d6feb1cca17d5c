import type { KnownBlock, ModalView } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { readDecisionForm, recordDecision } from '../../../src/cases/decision.js';
import { blockKitViolations } from '../../../src/render/limits.js';
import {
  CaseButtonValueSchema,
  DecisionButtonValueSchema,
  ModalTargetSchema,
  ReminderButtonValueSchema,
  readValue,
} from '../../../src/slack/decisions/actions.js';
import { agendaMessage, caseDecisionActions } from '../../../src/slack/decisions/agendaMessage.js';
import { decisionMessage, frozenStageLine } from '../../../src/slack/decisions/decisionMessage.js';
import {
  buildDecisionModal,
  DECISION_BLOCK,
  decisionModalErrors,
  readDecisionModal,
} from '../../../src/slack/decisions/decisionModal.js';
import {
  buildFollowUpModal,
  FOLLOW_UP_BLOCK,
  readFollowUpModal,
} from '../../../src/slack/decisions/followUpModal.js';
import type { ModalValues } from '../../../src/slack/decisions/modalKit.js';
import { reminderMessage, reminderSettled } from '../../../src/slack/decisions/reminderMessage.js';
import {
  buildTreatmentModal,
  readTreatmentModal,
  TREATMENT_BLOCK,
} from '../../../src/slack/decisions/treatmentModal.js';
import { worklistBlocks } from '../../../src/slack/decisions/worklist.js';
import { decisionContext } from '../../cases/decisionFixtures.js';
import { makeDecision } from '../../cases/decisionMaker.js';

const target = { caseId: 'HCC-7QK2M', channel: 'C0MDT', threadTs: '1764000000.000100' };
const modalOk = (view: ModalView) => {
  expect(view.blocks.length).toBeLessThanOrEqual(100);
  expect(view.title.text.length).toBeLessThanOrEqual(24);
  expect(
    blockKitViolations({ text: 'modal', blocks: view.blocks as KnownBlock[] }, { maxBlocks: 100 }),
  ).toEqual([]);
  expect(ModalTargetSchema.parse(JSON.parse(view.private_metadata!))).toEqual(target);
};
const choice = (value: string) => ({ choice: { selected_option: { value } } });
const text = (value: string) => ({ value: { value } });
const checked = (...values: string[]) => ({
  checked: { selected_options: values.map((value) => ({ value })) },
});

describe('decision modal', () => {
  it("offers the case's options and is a valid modal", () => {
    const view = buildDecisionModal({ target, stage: 'B', options: ['tace', 'atezolizumab-bevacizumab'] });
    modalOk(view);
    const treatment = view.blocks.find((b) => b.block_id === DECISION_BLOCK.treatment) as {
      element: { options: { value: string }[] };
    };
    expect(treatment.element.options.map((o) => o.value)).toEqual([
      'tace',
      'atezolizumab-bevacizumab',
      'other',
    ]);
    expect(view.blocks.some((b) => b.block_id === DECISION_BLOCK.amendReason)).toBe(false);
    const amend = buildDecisionModal({ target, stage: 'B', options: ['tace'], amending: { version: 1 } });
    modalOk(amend);
    expect(amend.blocks.at(-1)!.block_id).toBe(DECISION_BLOCK.amendReason);
  });

  it('reads a full submission into a form the domain accepts', () => {
    const values: ModalValues = {
      [DECISION_BLOCK.outcome]: choice('recommend'),
      [DECISION_BLOCK.treatment]: choice('tace'),
      [DECISION_BLOCK.rationale]: text('  Intermediate stage; TACE first. '),
      [DECISION_BLOCK.preference]: choice('yes'),
      [DECISION_BLOCK.specialties]: checked(
        'hepatology',
        'surgery',
        'diagnostic-radiology',
        'medical-oncology',
      ),
      [DECISION_BLOCK.dissenters]: { users: { selected_users: ['U0SURGEON'] } },
      [DECISION_BLOCK.dissentReason]: text('Would resect'),
    };
    const r = readDecisionModal(values);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.form).toEqual({
      outcome: 'recommend',
      treatment: { kind: 'option', id: 'tace' },
      missing: [],
      rationale: 'Intermediate stage; TACE first.',
      patientPreferenceDiscussed: true,
      specialties: ['hepatology', 'surgery', 'diagnostic-radiology', 'medical-oncology'],
      dissent: [{ members: ['U0SURGEON'], reason: 'Would resect' }],
    });
    expect(readDecisionForm(r.form).ok).toBe(true);
    expect(recordDecision(r.form, decisionContext()).ok).toBe(true);
  });

  it('reads "other" treatment text, and refuses half-filled choices block by block', () => {
    const other = readDecisionModal({
      [DECISION_BLOCK.outcome]: choice('recommend'),
      [DECISION_BLOCK.treatment]: choice('other'),
      [DECISION_BLOCK.treatmentOther]: text('TARE then review'),
    });
    expect(other.ok && other.form.treatment).toEqual({ kind: 'other', text: 'TARE then review' });
    const bad = readDecisionModal({
      [DECISION_BLOCK.treatment]: choice('other'),
      [DECISION_BLOCK.dissentReason]: text('disagree'),
    });
    expect(bad).toEqual({
      ok: false,
      errors: {
        [DECISION_BLOCK.outcome]: 'Choose an outcome',
        [DECISION_BLOCK.treatmentOther]: 'Type the treatment',
        [DECISION_BLOCK.dissenters]: 'Choose who disagrees',
      },
    });
  });

  it('puts domain problems on the blocks they are about', () => {
    const r = recordDecision(
      { outcome: 'defer', dissent: [{ members: ['U0X'], reason: 'Mr Invented Person' }] },
      decisionContext(),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const errors = decisionModalErrors(r.problems);
    expect(Object.keys(errors).sort()).toEqual([DECISION_BLOCK.dissentReason, DECISION_BLOCK.missing].sort());
    expect(errors[DECISION_BLOCK.dissentReason]).not.toContain('Invented');
  });
});

describe('decision message', () => {
  const d = makeDecision({
    id: 'v1',
    rationale: 'TACE first <!channel> & review',
    dissent: [{ members: ['U0SURGEON', 'AB'], reason: 'Would resect <@U0EVIL>' }],
    specialties: ['hepatology', 'pathology'],
    atDecision: {
      bclcStage: 'B',
      bclcRule: 'BCLC 2022',
      childPugh: { points: 5, class: 'A' },
      albi: { score: -2.219, grade: '2' },
      meldNa: 9,
      afp: 250,
      ecog: 0,
      snapshotId: 's1',
    },
  });

  it('shows the structured record, escaping typed text, with Sign off while provisional', () => {
    const m = decisionMessage(d);
    expect(blockKitViolations(m)).toEqual([]);
    const all = JSON.stringify(m.blocks);
    expect(all).toContain('TACE first &lt;!channel&gt; &amp; review');
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('<@U0EVIL>');
    expect(all).toContain('<@U0SURGEON>, AB');
    expect(all).toContain('no surgery, radiology, oncology');
    expect(all).toContain('*Provisional*');
    const actions = m.blocks.at(-1) as { elements: { action_id: string; value: string }[] };
    expect(actions.elements.map((e) => e.action_id)).toEqual([
      'hcc_decision_sign_off',
      'hcc_decision_amend',
      'hcc_follow_up_add',
      'hcc_treatment_record',
    ]);
    expect(readValue(DecisionButtonValueSchema, actions.elements[0]!.value)).toEqual({
      caseId: 'HCC-7QK2M',
      decision: 'v1',
    });
    expect(readValue(CaseButtonValueSchema, actions.elements[2]!.value)).toEqual({ caseId: 'HCC-7QK2M' });
    expect(m.text).toBe(
      'MDT decision for HCC-7QK2M: Recommend treatment (TACE (transarterial chemoembolisation)) — provisional',
    );
    expect(m.text).not.toContain('resect');
  });

  it('drops Sign off once signed and says who signed and which version', () => {
    const signed = decisionMessage({
      ...d,
      version: 2,
      amendmentReason: 'new imaging',
      signOff: { by: 'U0CHECK', at: '2026-12-04T10:00:00.000Z', self: false },
    });
    const all = JSON.stringify(signed.blocks);
    expect(all).toContain('Version 2 (amended: new imaging)');
    expect(all).toContain('*Signed off* by <@U0CHECK> on 2026-12-04');
    expect(all).not.toContain('hcc_decision_sign_off');
  });

  it('names the frozen stage and scores', () => {
    expect(frozenStageLine(d.atDecision)).toBe(
      'BCLC B · Child-Pugh A5 · ALBI grade 2 (-2.22) · MELD-Na 9 · AFP 250 ng/mL · ECOG 0',
    );
  });
});

describe('follow-up and treatment modals', () => {
  it('reads a duration or a picked date, not both', () => {
    modalOk(buildFollowUpModal(target, 'Europe/London'));
    expect(
      readFollowUpModal({
        [FOLLOW_UP_BLOCK.task]: text('CT after 2 cycles'),
        [FOLLOW_UP_BLOCK.due]: text('after 2 cycles, about 6 weeks'),
        [FOLLOW_UP_BLOCK.assignee]: { user: { selected_user: 'U0ONC' } },
      }),
    ).toEqual({
      ok: true,
      form: { task: 'CT after 2 cycles', due: 'after 2 cycles, about 6 weeks', assignee: 'U0ONC' },
    });
    expect(
      readFollowUpModal({
        [FOLLOW_UP_BLOCK.task]: text('CT'),
        [FOLLOW_UP_BLOCK.date]: { date: { selected_date: '2027-01-14' } },
      }),
    ).toEqual({ ok: true, form: { task: 'CT', due: '2027-01-14' } });
    const both = readFollowUpModal({
      [FOLLOW_UP_BLOCK.task]: text('CT'),
      [FOLLOW_UP_BLOCK.due]: text('in 6 weeks'),
      [FOLLOW_UP_BLOCK.date]: { date: { selected_date: '2027-01-14' } },
    });
    expect(both.ok).toBe(false);
  });

  it('reads the treatment given with its date and reason', () => {
    modalOk(buildTreatmentModal(target, ['tace'], 'TACE'));
    expect(
      readTreatmentModal({
        [TREATMENT_BLOCK.treatment]: choice('sorafenib'),
        [TREATMENT_BLOCK.on]: { date: { selected_date: '2026-12-18' } },
        [TREATMENT_BLOCK.reason]: text('Patient choice'),
      }),
    ).toEqual({
      ok: true,
      form: { treatment: { kind: 'option', id: 'sorafenib' }, on: '2026-12-18', reason: 'Patient choice' },
    });
    expect(readTreatmentModal({})).toMatchObject({
      ok: false,
      errors: { [TREATMENT_BLOCK.treatment]: expect.any(String), [TREATMENT_BLOCK.on]: 'Pick the date' },
    });
  });
});

describe('reminder, agenda, worklist', () => {
  const f = {
    id: 'f1',
    caseId: 'HCC-7QK2M',
    decisionId: 'v1',
    task: 'CT after 2 cycles <!here>',
    assignee: 'U0ONC',
    due: '2027-01-14',
    createdBy: 'U0NURSE',
    createdAt: '2026-12-03T10:00:00.000Z',
    doneBy: null,
    doneAt: null,
  };

  it('reminds with Done and Snooze, keeping the task out of the notification text', () => {
    const m = reminderMessage(f, '2027-01-14');
    expect(blockKitViolations(m)).toEqual([]);
    expect(m.text).toBe('Follow-up for HCC-7QK2M is due today (2027-01-14)');
    const actions = m.blocks.at(-1) as { elements: { action_id: string; value: string }[] };
    expect(actions.elements.map((e) => e.action_id)).toEqual([
      'hcc_reminder_done',
      'hcc_reminder_snooze_day',
      'hcc_reminder_snooze_week',
    ]);
    expect(readValue(ReminderButtonValueSchema, actions.elements[0]!.value)).toEqual({
      caseId: 'HCC-7QK2M',
      followUp: 'f1',
    });
    expect(JSON.stringify(m.blocks)).toContain('&lt;!here&gt;');
    expect(reminderMessage(f, '2027-01-20').text).toContain('was due 2027-01-14');
    expect(JSON.stringify(reminderSettled(f, { done: true }, 'U0ONC').blocks)).not.toContain('hcc_reminder');
  });

  it('lists agenda cases with stage and needs, and stays within limits for a long list', () => {
    const entries = Array.from({ length: 80 }, (_, i) => ({
      caseId: `HCC-${String(i).padStart(5, 'A')}`,
      bclcStage: 'B' as const,
      needs: i % 2 ? [{ item: 'labs' as const, detail: 'bilirubin, INR' }] : [],
      late: i === 79,
      returning: i === 3,
    }));
    const m = agendaMessage({ meeting: '2026-12-10', entries }, 'Thu 10 Dec 2026 08:00');
    expect(blockKitViolations(m)).toEqual([]);
    const all = JSON.stringify(m.blocks);
    expect(all).toContain('*HCC-AAAA0* · BCLC B — :white_check_mark: ready for a decision');
    expect(all).toContain('needs labs (bilirubin, INR)');
    expect(all).toContain('back after a deferral');
    expect(m.text).toBe('MDT agenda for 2026-12-10: 80 cases');
    expect(agendaMessage({ meeting: '2026-12-10', entries: [] }, 'x').text).toBe(
      'MDT agenda for 2026-12-10: 0 cases',
    );
    expect(blockKitViolations({ text: 'x', blocks: [caseDecisionActions('HCC-7QK2M')] })).toEqual([]);
  });

  it('builds the worklist sections, saying so when a list is empty', () => {
    const blocks = worklistBlocks({
      awaitingDecision: [{ channelId: 'C0MDT', caseId: 'HCC-7QK2M', detail: 'on the agenda for 2026-12-10' }],
      awaitingSignOff: [{ channelId: 'C0MDT', caseId: 'HCC-8ZZZZ', recordedOn: '2026-12-03', version: 2 }],
      followUps: [],
      agendas: [
        { channelId: 'C0MDT', meeting: '2026-12-10', cases: [{ caseId: 'HCC-7QK2M', ready: false }] },
      ],
    });
    expect(blockKitViolations({ text: 'home', blocks }, { maxBlocks: 100 })).toEqual([]);
    const all = JSON.stringify(blocks);
    expect(all).toContain('*HCC-7QK2M* in <#C0MDT>');
    expect(all).toContain('decision of 2026-12-03 (version 2)');
    expect(all).toContain('_Nothing due._');
    expect(all).toContain('0 of 1 ready');
  });
});
