import { describe, expect, it } from 'vitest';
import {
  caseTimeline,
  concordance,
  recordTreatment,
  sameTreatment,
} from '../../src/cases/followUpTreatment.js';
import { screen, sequentialIds } from './decisionFixtures.js';
import { makeDecision } from './decisionMaker.js';

const tace = { kind: 'option', id: 'tace' } as const;
const sorafenib = { kind: 'option', id: 'sorafenib' } as const;
const bsc = { kind: 'option', id: 'best-supportive-care' } as const;

describe('concordance', () => {
  it('compares the treatment given with the decision in force', () => {
    expect(concordance(makeDecision({ id: 'a' }), tace)).toBe('concordant');
    expect(concordance(makeDecision({ id: 'a' }), sorafenib)).toBe('discordant');
    expect(
      concordance(makeDecision({ id: 'a', treatment: { kind: 'other', text: 'TACE  then review' } }), {
        kind: 'other',
        text: 'tace then review',
      }),
    ).toBe('concordant');
    expect(concordance(makeDecision({ id: 'a', treatment: { kind: 'other', text: 'TACE' } }), tace)).toBe(
      'discordant',
    );
  });

  it('reads no active treatment as best supportive care, and a deferral or no decision as no recommendation', () => {
    const nat = makeDecision({ id: 'a', outcome: 'no-active-treatment', treatment: null });
    expect(concordance(nat, bsc)).toBe('concordant');
    expect(concordance(nat, tace)).toBe('discordant');
    expect(
      concordance(makeDecision({ id: 'a', outcome: 'defer', treatment: null, missing: ['labs'] }), tace),
    ).toBe('no-recommendation');
    expect(concordance(makeDecision({ id: 'a', outcome: 'refer', treatment: null }), tace)).toBe(
      'no-recommendation',
    );
    expect(concordance(null, tace)).toBe('no-recommendation');
    expect(sameTreatment(tace, { kind: 'other', text: 'tace' })).toBe(false);
  });
});

const ctx = (decisions = [makeDecision({ id: 'd1' })]) => ({
  caseId: 'HCC-7QK2M',
  decisions,
  actor: 'U0ONC',
  now: new Date('2026-12-20T10:00:00Z'),
  timezone: 'Europe/London',
  newId: sequentialIds('t'),
  screen,
});

describe('recordTreatment', () => {
  it('records a concordant treatment without a reason', () => {
    const r = recordTreatment({ treatment: tace, on: '2026-12-18' }, ctx());
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(r.treatment).toMatchObject({
        decisionId: 'd1',
        concordance: 'concordant',
        reason: null,
        on: '2026-12-18',
      });
  });

  it('asks for a reason when the treatment differs from the decision, then records it', () => {
    const r = recordTreatment({ treatment: sorafenib, on: '2026-12-18' }, ctx());
    expect(r).toMatchObject({ ok: false, needsReason: true });
    if (!r.ok) expect(r.problems[0]!.message).toContain('differs from the decision');
    const withReason = recordTreatment(
      { treatment: sorafenib, on: '2026-12-18', reason: 'Patient choice' },
      ctx(),
    );
    expect(withReason.ok).toBe(true);
    if (withReason.ok)
      expect(withReason.treatment).toMatchObject({ concordance: 'discordant', reason: 'Patient choice' });
  });

  it('compares with the current version of an amended decision', () => {
    const v1 = makeDecision({ id: 'd1' });
    const v2 = makeDecision({
      id: 'd2',
      decisionId: 'd1',
      version: 2,
      supersedes: 'd1',
      treatment: sorafenib,
      recordedAt: '2026-12-04T09:00:00.000Z',
    });
    const r = recordTreatment({ treatment: sorafenib, on: '2026-12-18' }, ctx([v1, v2]));
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.treatment).toMatchObject({ decisionId: 'd2', concordance: 'concordant' });
  });

  it('refuses a future date and screens the reason', () => {
    const future = recordTreatment({ treatment: tace, on: '2026-12-21' }, ctx());
    expect(future).toMatchObject({ ok: false, needsReason: false });
    const named = recordTreatment(
      { treatment: sorafenib, on: '2026-12-18', reason: 'Mr Invented declined' },
      ctx(),
    );
    expect(named.ok).toBe(false);
    if (!named.ok) expect(named.problems.map((p) => p.path)).toEqual(['reason']);
    const bad = recordTreatment({ treatment: tace, on: '18/12/2026' }, ctx());
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.problems[0]).toEqual({
        path: 'on',
        message: 'is the date it was given, written YYYY-MM-DD',
      });
  });
});

describe('caseTimeline', () => {
  it('counts days from first discussion to decision to treatment', () => {
    const deferral = makeDecision({
      id: 'a',
      outcome: 'defer',
      treatment: null,
      missing: ['imaging'],
      recordedAt: '2026-11-19T09:00:00.000Z',
    });
    const decision = makeDecision({ id: 'b', recordedAt: '2026-12-03T09:30:00.000Z' });
    const tl = caseTimeline(
      {
        meetingDates: ['2026-11-19', '2026-12-03', '2026-12-31'],
        decisions: [deferral, decision],
        treatments: [{ on: '2026-12-28' } as never, { on: '2026-12-21' } as never],
      },
      'Europe/London',
      '2026-12-29',
    );
    expect(tl).toEqual({
      firstDiscussion: '2026-11-19',
      decision: '2026-12-03',
      treatment: '2026-12-21',
      daysToDecision: 14,
      daysDecisionToTreatment: 18,
    });
  });

  it('uses the local date of the decision and falls back to it when the case was never listed', () => {
    // 23:30 UTC on 2 December is 3 December in Berlin.
    const tl = caseTimeline(
      {
        meetingDates: [],
        decisions: [makeDecision({ id: 'a', recordedAt: '2026-12-02T23:30:00.000Z' })],
        treatments: [],
      },
      'Europe/Berlin',
      '2026-12-10',
    );
    expect(tl).toEqual({
      firstDiscussion: '2026-12-03',
      decision: '2026-12-03',
      treatment: null,
      daysToDecision: 0,
      daysDecisionToTreatment: null,
    });
  });
});
