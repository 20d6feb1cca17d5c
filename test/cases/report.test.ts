import { describe, expect, it } from 'vitest';
import type { TreatmentChoice } from '../../src/cases/decisionSchema.js';
import type { TreatmentGiven } from '../../src/cases/followUpTreatment.js';
import { DecisionReportSchema, decisionReport, median, type ReportCase } from '../../src/cases/report.js';
import { makeDecision } from './decisionMaker.js';

const signed = { by: 'U0CHECK', at: '2026-11-30T12:00:00.000Z', self: false };
const opt = (id: string) => ({ kind: 'option', id }) as TreatmentChoice;
const given = (
  caseId: string,
  id: string,
  on: string,
  concordance: TreatmentGiven['concordance'],
): TreatmentGiven => ({
  id: `t-${caseId}`,
  caseId,
  decisionId: null,
  treatment: opt(id),
  on,
  concordance,
  reason: concordance === 'discordant' ? 'Patient choice' : null,
  recordedBy: 'U0ONC',
  recordedAt: `${on}T12:00:00.000Z`,
});

/**
 * Seven invented cases, November 2026, UTC. Worked by hand:
 * - discussed: A, B, C, D (listed, no decision), G (decision, never listed) = 5; E (October, amended in November)
 *   and F (December) are outside.
 * - outcomes: A recommend; B defer then recommend; C no active treatment; G recommend → recommend 3, defer 1,
 *   no-active-treatment 1, refer 0.
 * - with a decision: A, B, C, G = 4/5 = 0.8; signed: A, B (its recommendation), G = 3/5 = 0.6.
 * - treatments compared: A concordant, B discordant, G concordant → 2/3.
 * - days to decision: A 0 (5→5), B 14 (5→19), C 1 (12→13), G 0 → 0, 0, 1, 14 → median 0.5.
 * - decision to treatment: A 20 (5→25), B 22 (19 Nov→11 Dec), G 15 (30 Nov→15 Dec) → median 20.
 */
const cases: ReportCase[] = [
  {
    caseId: 'A',
    meetingDates: ['2026-11-05'],
    decisions: [makeDecision({ id: 'A1', recordedAt: '2026-11-05T09:00:00.000Z', signOff: signed })],
    treatments: [given('A', 'tace', '2026-11-25', 'concordant')],
  },
  {
    caseId: 'B',
    meetingDates: ['2026-11-05', '2026-11-19'],
    decisions: [
      makeDecision({
        id: 'B1',
        outcome: 'defer',
        treatment: null,
        missing: ['imaging'],
        recordedAt: '2026-11-05T09:10:00.000Z',
      }),
      makeDecision({
        id: 'B2',
        treatment: opt('sorafenib'),
        recordedAt: '2026-11-19T09:00:00.000Z',
        signOff: signed,
      }),
    ],
    treatments: [given('B', 'lenvatinib', '2026-12-11', 'discordant')],
  },
  {
    caseId: 'C',
    meetingDates: ['2026-11-12'],
    decisions: [
      makeDecision({
        id: 'C1',
        outcome: 'no-active-treatment',
        treatment: null,
        recordedAt: '2026-11-13T16:00:00.000Z',
      }),
    ],
    treatments: [],
  },
  { caseId: 'D', meetingDates: ['2026-11-26'], decisions: [], treatments: [] },
  {
    caseId: 'E',
    meetingDates: ['2026-10-29'],
    decisions: [
      makeDecision({ id: 'E1', outcome: 'refer', treatment: null, recordedAt: '2026-10-29T09:00:00.000Z' }),
      makeDecision({
        id: 'E2',
        decisionId: 'E1',
        version: 2,
        supersedes: 'E1',
        outcome: 'refer',
        treatment: null,
        recordedAt: '2026-11-03T09:00:00.000Z',
        signOff: signed,
      }),
    ],
    treatments: [],
  },
  {
    caseId: 'F',
    meetingDates: ['2026-12-03'],
    decisions: [makeDecision({ id: 'F1', recordedAt: '2026-12-03T09:00:00.000Z' })],
    treatments: [],
  },
  {
    caseId: 'G',
    meetingDates: [],
    decisions: [
      makeDecision({
        id: 'G1',
        treatment: opt('ablation'),
        recordedAt: '2026-11-30T23:30:00.000Z',
        signOff: signed,
      }),
    ],
    treatments: [given('G', 'ablation', '2026-12-15', 'concordant')],
  },
];

describe('decisionReport', () => {
  it('gives the hand-computed figures for the seeded set', () => {
    const r = decisionReport(cases, { from: '2026-11-01', to: '2026-11-30' }, 'UTC', '2026-12-31');
    expect(DecisionReportSchema.parse(r)).toEqual(r);
    expect(r).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      casesDiscussed: 5,
      outcomes: { recommend: 3, defer: 1, 'no-active-treatment': 1, refer: 0 },
      casesWithDecision: 4,
      casesWithSignedDecision: 3,
      shareWithDecision: 0.8,
      shareWithSignedDecision: 0.6,
      treatmentsCompared: 3,
      treatmentsConcordant: 2,
      concordance: 2 / 3,
      medianDaysToDecision: 0.5,
      medianDaysDecisionToTreatment: 20,
    });
  });

  it('reads decision dates in the channel zone: G falls on 1 December in Berlin', () => {
    const r = decisionReport(cases, { from: '2026-11-01', to: '2026-11-30' }, 'Europe/Berlin', '2026-12-31');
    expect(r.casesDiscussed).toBe(4);
    expect(r.outcomes.recommend).toBe(2);
  });

  it('does not count a meeting that has not been held yet', () => {
    const r = decisionReport(cases, { from: '2026-11-01', to: '2026-11-30' }, 'UTC', '2026-11-20');
    // D's meeting (26 Nov) has not happened; everyone else is unchanged.
    expect(r.casesDiscussed).toBe(4);
  });

  it('gives nulls, not zeros, for shares and medians with nothing to divide', () => {
    const r = decisionReport([], { from: '2026-11-01', to: '2026-11-30' }, 'UTC', '2026-12-31');
    expect(r).toMatchObject({
      casesDiscussed: 0,
      shareWithDecision: null,
      concordance: null,
      medianDaysToDecision: null,
    });
  });

  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
