import { describe, expect, it } from 'vitest';
import {
  absentCoreSpecialties,
  amendDecision,
  caseTreatmentOptions,
  coreSpecialtyWarning,
  recordDecision,
} from '../../src/cases/decision.js';
import { DecisionSchema } from '../../src/cases/decisionSchema.js';
import { assessed, decisionContext } from './decisionFixtures.js';

const recommendTace = {
  outcome: 'recommend',
  treatment: { kind: 'option', id: 'tace' },
  rationale: 'Intermediate stage, preserved liver function; TACE first.',
  patientPreferenceDiscussed: true,
  specialties: ['hepatology', 'surgery', 'interventional-radiology', 'medical-oncology'],
};

function ok(r: ReturnType<typeof recordDecision>) {
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r;
}

describe('recordDecision', () => {
  it('records a recommendation from the case options, provisional, with the stage and scores frozen in', () => {
    const r = ok(recordDecision(recommendTace, decisionContext()));
    expect(DecisionSchema.parse(r.decision)).toEqual(r.decision);
    expect(r.decision).toMatchObject({
      caseId: 'HCC-7QK2M',
      version: 1,
      supersedes: null,
      outcome: 'recommend',
      treatment: { kind: 'option', id: 'tace' },
      patientPreferenceDiscussed: true,
      recordedBy: 'U0RECORDER',
      recordedAt: '2026-12-03T09:15:00.000Z',
      signOff: null,
    });
    expect(r.decision.decisionId).toBe(r.decision.id);
    expect(r.decision.atDecision).toMatchObject({
      bclcStage: 'B',
      bclcRule: 'BCLC 2022',
      childPugh: { points: 5, class: 'A' },
      albi: { grade: '2' },
      afp: 250,
      ecog: 0,
      snapshotId: 's1',
    });
    expect(r.decision.atDecision.meldNa).toEqual(expect.any(Number));
    expect(r.warnings).toEqual([]);
    expect(r.audit).toEqual({
      action: 'decision.recorded',
      caseId: 'HCC-7QK2M',
      subjectId: r.decision.id,
      actor: 'U0RECORDER',
      at: '2026-12-03T09:15:00.000Z',
    });
  });

  it('keeps the frozen stage when the case changes afterwards', () => {
    const r = ok(recordDecision(recommendTace, decisionContext()));
    const later = assessed(
      'bili 1.1 mg/dl alb 3.6 g/dl INR 1.1 no ascites no HE 3 lesions largest 4.2cm ECOG 0 AFP 250 PVTT',
    );
    expect(later.assessment.bclc?.stage).toBe('C');
    expect(r.decision.atDecision.bclcStage).toBe('B');
  });

  it("refuses a treatment that is not among the case's BCLC options, naming the options", () => {
    const r = recordDecision(
      { ...recommendTace, treatment: { kind: 'option', id: 'resection' } },
      decisionContext(),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]!.path).toBe('treatment');
    expect(r.problems[0]!.message).toContain("'resection' is not among this case's BCLC options (");
    expect(r.problems[0]!.message).toContain('tace');
  });

  it('accepts any treatment as other text', () => {
    const r = ok(
      recordDecision(
        { ...recommendTace, treatment: { kind: 'other', text: 'Trial screening first' } },
        decisionContext(),
      ),
    );
    expect(r.decision.treatment).toEqual({ kind: 'other', text: 'Trial screening first' });
  });

  it('allows only other text when the case has no stage', () => {
    const ctx = decisionContext({ assessment: null, input: null, snapshotId: null });
    expect(caseTreatmentOptions(null)).toEqual([]);
    const r = recordDecision(recommendTace, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toContain('none: the case has no BCLC stage yet');
    const other = ok(recordDecision({ ...recommendTace, treatment: { kind: 'other', text: 'TACE' } }, ctx));
    expect(other.decision.atDecision).toEqual({
      bclcStage: null,
      bclcRule: null,
      childPugh: null,
      albi: null,
      meldNa: null,
      afp: null,
      ecog: null,
      snapshotId: null,
    });
  });

  it('needs a treatment to recommend one', () => {
    const r = recordDecision({ outcome: 'recommend' }, decisionContext());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path)).toEqual(['treatment']);
  });

  it('records a deferral with what it waits for, and refuses one that names nothing', () => {
    const r = ok(
      recordDecision({ outcome: 'defer', missing: ['imaging', 'ecog', 'imaging'] }, decisionContext()),
    );
    expect(r.decision.missing).toEqual(['imaging', 'ecog']);
    expect(r.decision.treatment).toBeNull();
    const none = recordDecision({ outcome: 'defer' }, decisionContext());
    expect(none.ok).toBe(false);
    if (!none.ok) expect(none.problems[0]).toMatchObject({ path: 'missing' });
  });

  it('asks what "other" means on a deferral', () => {
    const r = recordDecision({ outcome: 'defer', missing: ['other'] }, decisionContext());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.path).toBe('missingOther');
    const withText = ok(
      recordDecision(
        { outcome: 'defer', missing: ['other'], missingOther: 'outside imaging report' },
        decisionContext(),
      ),
    );
    expect(withText.decision.missingOther).toBe('outside imaging report');
  });

  it('refuses missing items on an outcome other than deferral, and a treatment on a deferral', () => {
    const r = recordDecision({ ...recommendTace, missing: ['labs'] }, decisionContext());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems).toEqual([{ path: 'missing', message: 'is only for a deferred outcome' }]);
    const d = recordDecision(
      { outcome: 'defer', missing: ['labs'], treatment: { kind: 'option', id: 'tace' } },
      decisionContext(),
    );
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.problems[0]!.path).toBe('treatment');
  });

  it('takes no active treatment with no treatment or best supportive care, and nothing else', () => {
    ok(recordDecision({ outcome: 'no-active-treatment' }, decisionContext()));
    ok(
      recordDecision(
        { outcome: 'no-active-treatment', treatment: { kind: 'option', id: 'best-supportive-care' } },
        decisionContext(),
      ),
    );
    const r = recordDecision(
      { outcome: 'no-active-treatment', treatment: { kind: 'option', id: 'tace' } },
      decisionContext(),
    );
    expect(r.ok).toBe(false);
  });

  it('records a referral without a treatment', () => {
    const r = ok(
      recordDecision({ outcome: 'refer', rationale: 'Refer to the transplant centre.' }, decisionContext()),
    );
    expect(r.decision.outcome).toBe('refer');
  });

  it('records dissent: who and why', () => {
    const r = ok(
      recordDecision(
        {
          ...recommendTace,
          dissent: [{ members: ['U0SURGEON', 'U0RADIOL'], reason: 'Would consider resection.' }],
        },
        decisionContext(),
      ),
    );
    expect(r.decision.dissent).toEqual([
      { members: ['U0SURGEON', 'U0RADIOL'], reason: 'Would consider resection.' },
    ]);
    const empty = recordDecision(
      { ...recommendTace, dissent: [{ members: [], reason: 'x' }] },
      decisionContext(),
    );
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.problems[0]!.path).toBe('dissent.0.members');
  });

  it('warns when a core specialty is absent and when patient preference is not recorded', () => {
    const r = ok(
      recordDecision(
        {
          outcome: 'recommend',
          treatment: { kind: 'option', id: 'tace' },
          specialties: ['hepatology', 'pathology'],
        },
        decisionContext(),
      ),
    );
    expect(r.warnings).toEqual([
      'No surgery, radiology, oncology present: the core HCC MDT is hepatology, surgery, radiology and oncology.',
      "Whether the patient's preference was discussed is not recorded.",
    ]);
  });

  it('reports every problem of a malformed form at once', () => {
    const r = recordDecision({ outcome: 'maybe', specialties: ['radiology'] }, decisionContext());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.path).sort()).toEqual(['outcome', 'specialties.0']);
  });
});

describe('the identifier screen on free text', () => {
  const cases: [string, Record<string, unknown>][] = [
    ['rationale', { ...recommendTace, rationale: 'Mr Test Person prefers TACE' }],
    ['treatment', { ...recommendTace, treatment: { kind: 'other', text: 'TACE for MRN 12345678' } }],
    [
      'dissent.0.reason',
      { ...recommendTace, dissent: [{ members: ['U0SURGEON'], reason: 'DOB 01/02/1950 too old?' }] },
    ],
    [
      'dissent.0.members.0',
      { ...recommendTace, dissent: [{ members: ['Dr Invented Surname'], reason: 'resect' }] },
    ],
    ['missingOther', { outcome: 'defer', missing: ['other'], missingOther: 'letter for Mrs Example' }],
  ];
  it.each(cases)('refuses an identifier in %s, without quoting it', (path, form) => {
    const r = recordDecision(form, decisionContext());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.path)).toEqual([path]);
    const message = r.problems[0]!.message;
    expect(message).toContain('patient identifier');
    for (const secret of ['Person', '12345678', '1950', 'Surname', 'Example'])
      expect(message).not.toContain(secret);
  });

  it('screens the recorder too', () => {
    const r = recordDecision(recommendTace, decisionContext({ actor: 'Mr Invented Clinician' }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.path).toBe('by');
  });
});

describe('core specialties', () => {
  it('counts a group as present when any of its specialties is', () => {
    expect(
      absentCoreSpecialties(['hepatology', 'surgery', 'diagnostic-radiology', 'clinical-oncology']),
    ).toEqual([]);
    expect(absentCoreSpecialties(['hepatology', 'surgery', 'interventional-radiology'])).toEqual([
      'oncology',
    ]);
    expect(absentCoreSpecialties([])).toEqual(['hepatology', 'surgery', 'radiology', 'oncology']);
    expect(
      coreSpecialtyWarning(['hepatology', 'surgery', 'diagnostic-radiology', 'medical-oncology']),
    ).toBeNull();
  });
});

describe('amendDecision', () => {
  it('makes a new version with the reason, leaving the first as it was', () => {
    const first = ok(recordDecision(recommendTace, decisionContext())).decision;
    const r = ok(
      amendDecision(
        first,
        1,
        { ...recommendTace, treatment: { kind: 'option', id: 'atezolizumab-bevacizumab' } },
        'New imaging showed PVTT',
        decisionContext({ actor: 'U0CHAIR', now: new Date('2026-12-10T10:00:00Z') }),
      ),
    );
    expect(r.decision).toMatchObject({
      decisionId: first.decisionId,
      version: 2,
      supersedes: first.id,
      amendmentReason: 'New imaging showed PVTT',
      recordedBy: 'U0CHAIR',
      signOff: null,
    });
    expect(r.decision.id).not.toBe(first.id);
    expect(r.audit.action).toBe('decision.amended');
    expect(first.treatment).toEqual({ kind: 'option', id: 'tace' });
  });

  it('needs a reason, screened, and amends only the current version', () => {
    const first = ok(recordDecision(recommendTace, decisionContext())).decision;
    const noReason = amendDecision(first, 1, recommendTace, '  ', decisionContext());
    expect(noReason.ok).toBe(false);
    if (!noReason.ok) expect(noReason.problems[0]!.path).toBe('reason');
    const named = amendDecision(first, 1, recommendTace, 'Mrs Invented asked', decisionContext());
    expect(named.ok).toBe(false);
    const stale = amendDecision(first, 2, recommendTace, 'typo', decisionContext());
    expect(stale.ok).toBe(false);
    if (!stale.ok) expect(stale.problems[0]!.message).toBe('version 1 was already amended; amend version 2');
  });
});
