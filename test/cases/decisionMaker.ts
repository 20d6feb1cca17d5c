import type { Decision } from '../../src/cases/decisionSchema.js';

/** A stored decision with only what a test cares about set; the rest is a plain provisional recommendation. */
export function makeDecision(over: Partial<Decision> & { id: string }): Decision {
  return {
    decisionId: over.id,
    caseId: 'HCC-7QK2M',
    version: 1,
    supersedes: null,
    amendmentReason: null,
    outcome: 'recommend',
    treatment: { kind: 'option', id: 'tace' },
    missing: [],
    missingOther: null,
    rationale: null,
    patientPreferenceDiscussed: true,
    specialties: ['hepatology', 'surgery', 'diagnostic-radiology', 'medical-oncology'],
    dissent: [],
    atDecision: {
      bclcStage: 'B',
      bclcRule: 'BCLC 2022',
      childPugh: null,
      albi: null,
      meldNa: null,
      afp: null,
      ecog: null,
      snapshotId: null,
    },
    recordedBy: 'U0RECORDER',
    recordedAt: '2026-12-03T09:00:00.000Z',
    signOff: null,
    ...over,
  };
}
