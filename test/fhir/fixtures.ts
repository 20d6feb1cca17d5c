import { keyScores } from '../../src/cases/snapshot.js';
import type { CaseValues } from '../../src/cases/values.js';
import { assess } from '../../src/clinical/assess.js';
import { type CaseInputJson, CaseInputSchema } from '../../src/clinical/caseInput.js';
import type { ExportOptions } from '../../src/fhir/context.js';
import { type FhirCase, type FhirCaseJson, FhirCaseSchema } from '../../src/fhir/input.js';

/** Invented cases only. */

export const OPTIONS: ExportOptions = {
  baseUrl: 'https://mdt.hospital.example/fhir',
  exportedAt: '2026-12-01T10:00:00Z',
};

/** BCLC B: four nodules, Child-Pugh A5, ECOG 0, every lab stated. */
export const STAGE_B_INPUT: CaseInputJson = {
  bilirubin: { value: 15, unit: 'umol/L' },
  albumin: { value: 41, unit: 'g/L' },
  creatinine: { value: 80, unit: 'umol/L' },
  inr: 1.1,
  sodium: 139,
  afp: 12,
  pivka: { value: 40, unit: 'mAU/mL' },
  ascites: 'none',
  encephalopathy: 'none',
  ecog: 0,
  sex: 'male',
  nodulesCm: [4, 3.5, 2, 2],
  macrovascularInvasion: false,
  extrahepaticSpread: false,
};

const LAB_DAY = '2026-11-20T09:15:00.000Z';
const IMAGING_DAY = '2026-11-24T14:00:00.000Z';
const IMAGING = [
  'nodulesCm',
  'noduleCount',
  'largestNoduleCm',
  'macrovascularInvasion',
  'extrahepaticSpread',
];

/** The case record's values for `input`: labs stated on one day, imaging on another. */
export function valuesOf(input: CaseInputJson): CaseValues {
  return Object.fromEntries(
    Object.entries(input).map(([k, value]) => [
      k,
      { value, statedAt: IMAGING.includes(k) ? IMAGING_DAY : LAB_DAY, statedBy: 'U01REG', seq: 1 },
    ]),
  );
}

export function caseOf(input: CaseInputJson, extra: Partial<FhirCaseJson> = {}): FhirCase {
  const values = valuesOf(input);
  const assessment = assess(CaseInputSchema.parse(input));
  return FhirCaseSchema.parse({
    caseId: 'HCC-7QK2M',
    values,
    snapshot: {
      caseId: 'HCC-7QK2M',
      seq: 1,
      at: '2026-11-26T08:30:00.000Z',
      by: 'U01REG',
      values,
      assessment,
      scores: keyScores(assessment, input.afp),
      changed: [],
      corrected: [],
    },
    decision: null,
    followUps: [],
    treatments: [],
    ...extra,
  });
}

export const DECISION = {
  id: 'dec-1-v1',
  decisionId: 'dec-1',
  caseId: 'HCC-7QK2M',
  version: 1,
  supersedes: null,
  amendmentReason: null,
  outcome: 'recommend',
  treatment: { kind: 'option', id: 'tace' },
  missing: [],
  missingOther: null,
  rationale: 'Multinodular, preserved liver function, well-defined nodules on imaging',
  patientPreferenceDiscussed: true,
  specialties: ['hepatology', 'surgery', 'interventional-radiology', 'medical-oncology'],
  dissent: [{ members: ['U02ONC'], reason: 'Would consider systemic therapy first given four nodules' }],
  atDecision: {
    bclcStage: 'B',
    bclcRule: 'BCLC 2022',
    childPugh: { points: 5, class: 'A' },
    albi: { score: -2.71, grade: '1' },
    meldNa: 7,
    afp: 12,
    ecog: 0,
    snapshotId: null,
  },
  recordedBy: 'U01REG',
  recordedAt: '2026-11-26T08:45:00Z',
  signOff: null,
} as const satisfies FhirCaseJson['decision'];

export const SIGNED = { ...DECISION, signOff: { by: 'U03CHAIR', at: '2026-11-26T09:10:00Z', self: false } };

/** A full case: signed TACE decision, two follow-ups, the treatment given. */
export const FULL_CASE = (): FhirCase =>
  caseOf(STAGE_B_INPUT, {
    decision: SIGNED,
    followUps: [
      {
        id: 'fu-1',
        task: 'Book TACE',
        due: '2026-12-10',
        assignee: 'U04IR',
        caseId: 'HCC-7QK2M',
        decisionId: 'dec-1-v1',
        createdBy: 'U01REG',
        createdAt: '2026-11-26T08:50:00Z',
        doneBy: 'U04IR',
        doneAt: '2026-12-02T11:00:00Z',
      },
      {
        id: 'fu-2',
        task: 'Response CT after TACE',
        due: '2027-01-21',
        assignee: null,
        caseId: 'HCC-7QK2M',
        decisionId: 'dec-1-v1',
        createdBy: 'U01REG',
        createdAt: '2026-11-26T08:51:00Z',
        doneBy: null,
        doneAt: null,
      },
    ],
    treatments: [
      {
        id: 'tx-1',
        caseId: 'HCC-7QK2M',
        decisionId: 'dec-1-v1',
        treatment: { kind: 'option', id: 'tace' },
        on: '2026-12-08',
        concordance: 'concordant',
        reason: null,
        recordedBy: 'U04IR',
        recordedAt: '2026-12-08T16:00:00Z',
      },
    ],
  });
