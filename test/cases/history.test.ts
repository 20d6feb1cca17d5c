import { describe, expect, it } from 'vitest';
import { planAddition } from '../../src/cases/addToCase.js';
import { describeCarried } from '../../src/cases/carried.js';
import { caseHistory, describeScoreChange } from '../../src/cases/history.js';
import type { CaseRecord } from '../../src/cases/record.js';
import type { Snapshot } from '../../src/cases/snapshot.js';
import { parseCase } from '../../src/parse/parseCase.js';

/** Plays messages through the pure domain, as the store would commit them. */
function play(messages: { text: string; at: string; by?: string }[]) {
  let record: CaseRecord = {
    id: 'HCC-7QK2M',
    scope: { teamId: 'T0TEAM', channelId: 'C0WARD' },
    threadTs: '1700000000.000100',
    createdAt: '2026-11-01T09:00:00.000Z',
    lastActivityAt: '2026-11-01T09:00:00.000Z',
    lastSeq: 0,
    values: {},
  };
  const snapshots: Snapshot[] = [];
  const plans = messages.map((m) => {
    const plan = planAddition(record, parseCase(m.text, {}), { at: new Date(m.at), by: m.by ?? 'U0ALICE' });
    if (plan.status !== 'assessed') throw new Error(`${m.text}: ${plan.status}`);
    snapshots.push(plan.snapshot);
    record = { ...record, values: plan.values, lastSeq: plan.snapshot.seq, lastActivityAt: plan.snapshot.at };
    return plan;
  });
  return { plans, snapshots, record };
}

const LABS = 'bili 1.0 mg/dL, alb 4.0 g/dL, INR 1.0, no ascites, no HE, Cr 0.9 mg/dL, Na 138, ECOG 0';

describe('case history', () => {
  it('explains a stage change by the input that moved it: "BCLC B → C: … PVTT … reported 2026-11-20"', () => {
    const { snapshots } = play([
      { text: LABS, at: '2026-11-02T10:00:00.000Z' },
      { text: '4 lesions largest 5 cm, no PVTT, AFP 80', at: '2026-11-03T10:00:00.000Z' },
      { text: 'PVTT', at: '2026-11-20T15:30:00.000Z', by: 'U0RADIO' },
    ]);
    const history = caseHistory(snapshots);
    expect(history.map((h) => h.scores.bclc)).toEqual(['—', 'B', 'C']); // no tumour yet: no stage
    const last = history[2];
    const bclc = last?.changes.find((c) => c.score === 'bclc');
    expect(bclc && describeScoreChange(bclc)).toBe('BCLC B → C: macrovascular invasion reported 2026-11-20');
    expect(last?.changes.map((c) => c.score)).toEqual(['bclc']);
    expect(last?.by).toBe('U0RADIO');
  });

  it('shows the key scores at each snapshot and leaves unexplained inputs out of a score’s reasons', () => {
    const { snapshots } = play([
      { text: LABS, at: '2026-11-02T10:00:00.000Z' },
      { text: 'bili 2.5 mg/dL, AFP 900', at: '2026-11-10T10:00:00.000Z' },
    ]);
    const [first, second] = caseHistory(snapshots);
    expect(first?.changes).toEqual([]);
    expect(first?.scores.afp).toBe('—');
    expect(second?.scores.afp).toBe('900 ng/mL');
    const afp = second?.changes.find((c) => c.score === 'afp');
    expect(afp?.because).toEqual(['AFP 900 ng/mL (2026-11-10)']);
    const albi = second?.changes.find((c) => c.score === 'albi');
    expect(albi?.because).toEqual(['bilirubin 1 mg/dL → 2.5 mg/dL (2026-11-10)']);
    expect(second?.scores.childPugh).not.toBe(first?.scores.childPugh);
  });

  it('marks a corrected value as a correction, not a clinical change', () => {
    const { snapshots, plans } = play([
      {
        text: `${LABS.replace('ECOG 0', 'ECOG 1')}, single 3 cm nodule, no PVTT, no metastases`,
        at: '2026-11-02T10:00:00.000Z',
      },
      { text: 'ECOG is 0, not 1', at: '2026-11-02T11:00:00.000Z', by: 'U0BOB' },
    ]);
    expect(plans[1]?.correction).toBe(true);
    expect(plans[1]?.snapshot.corrected).toEqual(['ecog']);
    expect(plans[1]?.audit.map((a) => a.action)).toEqual([
      'values.stated',
      'values.corrected',
      'snapshot.recorded',
    ]);
    const change = caseHistory(snapshots)[1]?.changes.find((c) => c.score === 'bclc');
    expect(change && describeScoreChange(change)).toBe('BCLC C → A: ECOG 1 → 0 (corrected 2026-11-02)');
  });
});

describe('planAddition', () => {
  it('stages from every message and says which values were carried and how old they are', () => {
    const { plans } = play([
      { text: 'bili 34 umol/L, alb 31 g/L, INR 1.3, mild ascites, no HE', at: '2026-10-01T10:00:00.000Z' },
      { text: 'ECOG 0, 3 lesions largest 4.2 cm, no PVTT', at: '2026-10-25T10:00:00.000Z', by: 'U0BOB' },
      { text: 'AFP 1200', at: '2026-11-05T10:00:00.000Z', by: 'U0CAROL' },
    ]);
    const third = plans[2];
    expect(third?.assessment.childPugh?.class).toBe('B');
    expect(third?.assessment.bclc?.stage).toBeDefined();
    expect(third?.changed).toEqual(['afp']);
    const text = describeCarried(third?.carried ?? []);
    expect(text).toContain('bilirubin 34 umol/L (35 days old, stale: over 30 days)');
    expect(text).toContain('ECOG 0 (11 days old)');
    expect(text).toContain('number of nodules 3 (11 days old)');
    expect(text).not.toContain('AFP');
  });

  it('carries a value’s reading assumption into later replies', () => {
    const { plans } = play([
      { text: 'alb 31', at: '2026-11-01T10:00:00.000Z' },
      { text: 'bili 2 mg/dL', at: '2026-11-02T10:00:00.000Z' },
    ]);
    expect(plans[0]?.parse.assumptions.map((a) => a.field)).toEqual(['albumin']);
    expect(plans[1]?.parse.assumptions.map((a) => a.field)).toEqual(['albumin']);
  });

  it('does not assess, and records nothing, when the message has errors or no values', () => {
    const record = emptyRecord();
    const meta = { at: new Date('2026-11-02T00:00:00.000Z'), by: 'cli' };
    expect(planAddition(record, parseCase('hello there', {}), meta)).toMatchObject({
      status: 'not-assessed',
      reason: 'nothing-recognised',
    });
    expect(planAddition(record, parseCase('bili 34 umol/L bili 3 mg/dL', {}), meta).status).toBe(
      'not-assessed',
    );
  });
});

describe('describeCarried', () => {
  it('is null when nothing was carried', () => {
    expect(describeCarried([])).toBeNull();
  });
});

describe('planAddition refuses an actor the record could not be read back with', () => {
  it('throws before anything is planned for a malformed Slack user ID', () => {
    const record = emptyRecord();
    const at = new Date('2026-11-02T00:00:00.000Z');
    expect(() => planAddition(record, parseCase('alb 31 g/L', {}), { at, by: 'Dr Jones' })).toThrow(
      /Slack user ID/,
    );
    expect(planAddition(record, parseCase('alb 31 g/L', {}), { at, by: 'U0ALICE' }).status).toBe('assessed');
  });
});

function emptyRecord(): CaseRecord {
  return {
    id: 'HCC-7QK2M',
    scope: { teamId: 'local', channelId: 'cli' },
    threadTs: null,
    createdAt: '2026-11-01T09:00:00.000Z',
    lastActivityAt: '2026-11-01T09:00:00.000Z',
    lastSeq: 0,
    values: {},
  };
}
