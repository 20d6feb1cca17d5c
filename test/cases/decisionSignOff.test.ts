import { describe, expect, it } from 'vitest';
import { amendDecision, recordDecision } from '../../src/cases/decision.js';
import type { Decision } from '../../src/cases/decisionSchema.js';
import { currentVersions, isSigned, latestDecision, signOff } from '../../src/cases/decisionSignOff.js';
import { decisionContext, screen } from './decisionFixtures.js';

const form = {
  outcome: 'recommend',
  treatment: { kind: 'option', id: 'tace' },
  patientPreferenceDiscussed: true,
};
const at = new Date('2026-12-03T10:00:00Z');
const strict = { selfSignOff: false };

function recorded(actor = 'U0RECORDER'): Decision {
  const r = recordDecision(form, decisionContext({ actor }));
  if (!r.ok) throw new Error('fixture');
  return r.decision;
}

describe('signOff', () => {
  it('signs a provisional decision by another member, with an audit entry', () => {
    const d = recorded();
    const r = signOff(d, 1, 'U0CHECKER', at, strict, screen);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.decision.signOff).toEqual({ by: 'U0CHECKER', at: '2026-12-03T10:00:00.000Z', self: false });
    expect(isSigned(r.decision)).toBe(true);
    expect(isSigned(d)).toBe(false);
    expect(r.audit).toEqual({
      action: 'decision.signed-off',
      caseId: d.caseId,
      subjectId: d.id,
      actor: 'U0CHECKER',
      at: '2026-12-03T10:00:00.000Z',
    });
  });

  it('refuses self-sign-off unless the channel allows it', () => {
    const d = recorded('AB');
    const refused = signOff(d, 1, ' ab ', at, strict, screen);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problems[0]!.message).toContain('asks for sign-off by another member');
    const allowed = signOff(d, 1, 'AB', at, { selfSignOff: true }, screen);
    expect(allowed.ok).toBe(true);
    if (allowed.ok) expect(allowed.decision.signOff?.self).toBe(true);
  });

  it('never changes a signed decision: a second sign-off is refused', () => {
    const signed = signOff(recorded(), 1, 'U0CHECKER', at, strict, screen);
    if (!signed.ok) throw new Error('fixture');
    const again = signOff(signed.decision, 1, 'U0OTHER', at, strict, screen);
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.problems[0]!.message).toContain('cannot change, only be amended');
  });

  it('signs only the current version', () => {
    const d = recorded();
    const r = signOff(d, 2, 'U0CHECKER', at, strict, screen);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toBe('version 1 was amended; sign off the current version (2)');
  });

  it('screens the signer', () => {
    const r = signOff(recorded(), 1, 'Dr Invented Surname', at, strict, screen);
    expect(r.ok).toBe(false);
  });

  it('lets an amendment of a signed decision be signed again, both versions kept', () => {
    const signed = signOff(recorded(), 1, 'U0CHECKER', at, strict, screen);
    if (!signed.ok) throw new Error('fixture');
    const amended = amendDecision(
      signed.decision,
      1,
      { ...form, rationale: 'after review' },
      'typo in rationale',
      decisionContext(),
    );
    if (!amended.ok) throw new Error('fixture');
    const all = [signed.decision, amended.decision];
    expect(currentVersions(all)).toEqual([amended.decision]);
    expect(latestDecision(all)).toBe(amended.decision);
    const resigned = signOff(amended.decision, 2, 'U0CHECKER', at, strict, screen);
    expect(resigned.ok).toBe(true);
    expect(signed.decision.signOff?.by).toBe('U0CHECKER');
  });

  it('finds the decision in force among several decisions and versions', () => {
    const a = { ...recorded(), recordedAt: '2026-11-01T09:00:00.000Z' };
    const b = { ...recorded(), recordedAt: '2026-12-01T09:00:00.000Z' };
    const b2 = { ...b, id: 'b2', version: 2, supersedes: b.id, recordedAt: '2026-12-02T09:00:00.000Z' };
    expect(currentVersions([b2, a, b]).map((d) => d.id)).toEqual([a.id, 'b2']);
    expect(latestDecision([])).toBeNull();
  });
});
