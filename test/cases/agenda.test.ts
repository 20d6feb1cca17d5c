import { describe, expect, it } from 'vitest';
import {
  addToAgenda,
  buildAgenda,
  type CaseFacts,
  completeness,
  deferralAnswered,
  describeNeed,
} from '../../src/cases/agenda.js';
import { makeDecision } from './decisionMaker.js';

const T0 = '2026-11-20T10:00:00.000Z';
const complete: CaseFacts = {
  caseId: 'HCC-AAAAA',
  bclcStage: 'B',
  input: {},
  statedAt: Object.fromEntries(
    [
      'bilirubin',
      'albumin',
      'inr',
      'creatinine',
      'sodium',
      'noduleCount',
      'largestNoduleCm',
      'macrovascularInvasion',
      'extrahepaticSpread',
      'ecog',
    ].map((k) => [k, T0]),
  ),
  stale: [],
  decisions: [
    makeDecision({ id: 'd0', patientPreferenceDiscussed: true, recordedAt: '2026-11-01T09:00:00.000Z' }),
  ],
};
const without = (f: CaseFacts, ...keys: string[]): CaseFacts => ({
  ...f,
  statedAt: Object.fromEntries(Object.entries(f.statedAt).filter(([k]) => !keys.includes(k))),
});

describe('completeness', () => {
  it('needs nothing when labs, imaging, ECOG and the patient view are all there', () => {
    expect(completeness(complete, 'UTC')).toEqual([]);
  });

  it('names the labs, imaging and ECOG still missing', () => {
    const f = without(complete, 'bilirubin', 'inr', 'macrovascularInvasion', 'ecog');
    expect(completeness(f, 'UTC').map(describeNeed)).toEqual([
      'labs (bilirubin, INR)',
      'imaging (not stated: vascular invasion)',
      'ECOG (performance status not stated)',
    ]);
  });

  it('takes a PT in place of an INR, and says which values are out of date', () => {
    const f = {
      ...without(complete, 'inr'),
      statedAt: { ...without(complete, 'inr').statedAt, ptProlongationSeconds: T0 },
      stale: ['albumin', 'noduleCount'] as const,
    };
    expect(completeness(f, 'UTC').map(describeNeed)).toEqual([
      'labs (out of date: albumin)',
      'imaging (out of date)',
    ]);
  });

  it("asks for the patient's view until a decision records it discussed", () => {
    const fresh = { ...complete, decisions: [] };
    expect(completeness(fresh, 'UTC').map(describeNeed)).toEqual([
      "patient's view (not yet recorded in a decision)",
    ]);
  });

  it('lists what an open deferral waits for that data cannot answer', () => {
    const deferral = makeDecision({
      id: 'd1',
      outcome: 'defer',
      treatment: null,
      missing: ['biopsy', 'patient-view', 'other'],
      missingOther: 'outside imaging report',
      recordedAt: '2026-12-03T09:00:00.000Z',
    });
    const f = { ...complete, decisions: [...complete.decisions, deferral] };
    expect(completeness(f, 'Europe/London').map(describeNeed)).toEqual([
      "patient's view (asked at the deferral of 2026-12-03)",
      'biopsy (asked at the deferral of 2026-12-03)',
      'other (asked at the deferral of 2026-12-03: outside imaging report)',
    ]);
  });
});

describe('deferralAnswered', () => {
  const deferral = makeDecision({
    id: 'd1',
    outcome: 'defer',
    treatment: null,
    missing: ['imaging', 'labs'],
    recordedAt: '2026-12-03T09:00:00.000Z',
  });
  const deferred: CaseFacts = { ...complete, decisions: [deferral] };
  const later = '2026-12-08T10:00:00.000Z';

  it('waits until every data item it asked for has been stated since', () => {
    expect(deferralAnswered(deferred)).toEqual({
      answered: false,
      arrived: [],
      waiting: ['imaging', 'labs'],
    });
    const imaging = { ...deferred, statedAt: { ...deferred.statedAt, noduleCount: later } };
    expect(deferralAnswered(imaging)).toEqual({ answered: false, arrived: ['imaging'], waiting: ['labs'] });
    const both = { ...imaging, statedAt: { ...imaging.statedAt, bilirubin: later } };
    expect(deferralAnswered(both)).toEqual({ answered: true, arrived: ['imaging', 'labs'], waiting: [] });
  });

  it('never brings back a deferral waiting for a biopsy on data alone, nor a case whose decision is not a deferral', () => {
    const biopsy = {
      ...complete,
      statedAt: { ...complete.statedAt, noduleCount: later },
      decisions: [makeDecision({ ...deferral, missing: ['imaging', 'biopsy'] })],
    };
    expect(deferralAnswered(biopsy).answered).toBe(false);
    expect(deferralAnswered(complete).answered).toBe(false);
  });
});

describe('agenda', () => {
  const meeting = { date: '2026-12-10', startsAt: new Date('2026-12-10T08:00:00Z') };
  const ids = (() => {
    let n = 0;
    return () => `a${++n}`;
  })();

  it('adds a case once, flags a late addition, and orders late additions last', () => {
    const first = addToAgenda('HCC-AAAAA', meeting, [], {
      actor: 'U0COORD',
      now: new Date('2026-12-08T09:00:00Z'),
      newId: ids,
    });
    if (!first.ok) throw new Error('fixture');
    expect(first.item).toMatchObject({
      caseId: 'HCC-AAAAA',
      meeting: '2026-12-10',
      late: false,
      source: 'added',
    });
    expect(first.audit.action).toBe('agenda.added');
    const again = addToAgenda('HCC-AAAAA', meeting, [first.item], {
      actor: 'U0COORD',
      now: new Date(),
      newId: ids,
    });
    expect(again.ok).toBe(false);
    const late = addToAgenda('HCC-BBBBB', meeting, [first.item], {
      actor: 'U0COORD',
      now: new Date('2026-12-09T09:00:00Z'),
      newId: ids,
      source: 'deferral',
    });
    if (!late.ok) throw new Error('fixture');
    expect(late.item.late).toBe(true);
    const early = addToAgenda('HCC-CCCCC', meeting, [], {
      actor: 'U0COORD',
      now: new Date('2026-12-08T10:00:00Z'),
      newId: ids,
    });
    if (!early.ok) throw new Error('fixture');
    const facts = new Map([
      ['HCC-AAAAA', complete],
      ['HCC-BBBBB', { ...without(complete, 'ecog'), caseId: 'HCC-BBBBB', bclcStage: 'C' as const }],
      ['HCC-CCCCC', { ...complete, caseId: 'HCC-CCCCC', bclcStage: null }],
    ]);
    const agenda = buildAgenda('2026-12-10', [late.item, early.item, first.item], facts, 'UTC');
    expect(
      agenda.entries.map((e) => [e.caseId, e.bclcStage, e.late, e.returning, e.needs.map((n) => n.item)]),
    ).toEqual([
      ['HCC-AAAAA', 'B', false, false, []],
      ['HCC-CCCCC', null, false, false, []],
      ['HCC-BBBBB', 'C', true, true, ['ecog']],
    ]);
  });
});
