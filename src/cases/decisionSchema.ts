import { z } from 'zod';
import { BclcStageSchema, ChildPughClassSchema } from '../clinical/assessment.js';
import { TreatmentOptionIdSchema } from '../clinical/treatmentOptionIds.js';

/**
 * What an MDT decision is, as stored and exported. Everything else about decisions (recording, sign-off,
 * amendment) works on these types; the FHIR export maps them one to one.
 */

/** The four ways a discussion can end (a structured outcome form, with "deferred — missing X" explicit). */
export const DECISION_OUTCOMES = ['recommend', 'defer', 'no-active-treatment', 'refer'] as const;
export const DecisionOutcomeSchema = z.enum(DECISION_OUTCOMES);
export type DecisionOutcome = z.infer<typeof DecisionOutcomeSchema>;

export const OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  recommend: 'Recommend treatment',
  defer: 'Deferred',
  'no-active-treatment': 'No active treatment / best supportive care',
  refer: 'Refer elsewhere',
};

/** What a deferral waits for. */
export const MISSING_ITEMS = ['imaging', 'biopsy', 'labs', 'ecog', 'patient-view', 'other'] as const;
export const MissingItemSchema = z.enum(MISSING_ITEMS);
export type MissingItem = z.infer<typeof MissingItemSchema>;

export const MISSING_LABELS: Record<MissingItem, string> = {
  imaging: 'imaging',
  biopsy: 'biopsy',
  labs: 'labs',
  ecog: 'performance status (ECOG)',
  'patient-view': "patient's view",
  other: 'other',
};

/** The specialties an HCC MDT draws on. */
export const SPECIALTIES = [
  'hepatology',
  'surgery',
  'interventional-radiology',
  'diagnostic-radiology',
  'medical-oncology',
  'clinical-oncology',
  'pathology',
  'specialist-nurse',
] as const;
export const SpecialtySchema = z.enum(SPECIALTIES);
export type Specialty = z.infer<typeof SpecialtySchema>;

export const SPECIALTY_LABELS: Record<Specialty, string> = {
  hepatology: 'Hepatology',
  surgery: 'HPB / transplant surgery',
  'interventional-radiology': 'Interventional radiology',
  'diagnostic-radiology': 'Diagnostic radiology',
  'medical-oncology': 'Medical oncology',
  'clinical-oncology': 'Clinical oncology',
  pathology: 'Pathology',
  'specialist-nurse': 'Specialist nurse',
};

/** The core of an HCC MDT: each group is covered when any one of its specialties is present. */
export const CORE_SPECIALTY_GROUPS = {
  hepatology: ['hepatology'],
  surgery: ['surgery'],
  radiology: ['interventional-radiology', 'diagnostic-radiology'],
  oncology: ['medical-oncology', 'clinical-oncology'],
} as const satisfies Record<string, readonly Specialty[]>;
export type CoreSpecialtyGroup = keyof typeof CORE_SPECIALTY_GROUPS;

/**
 * Who did something: a Slack user id in Slack, initials or a role on the CLI ("AB", "hepatology registrar").
 * Screened for identifiers like every other free text.
 */
export const ActorSchema = z
  .string()
  .trim()
  .min(1, 'needs initials, a role or a Slack user')
  .max(60, 'is longer than 60 characters; give initials or a role');
export type Actor = z.infer<typeof ActorSchema>;

const freeText = (max: number) =>
  z.string().trim().min(1, 'is empty').max(max, `is longer than ${max} characters`);

/** A treatment: one of the case's BCLC options, or something else in the team's words. */
export const TreatmentChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('option'), id: TreatmentOptionIdSchema }),
  z.strictObject({ kind: z.literal('other'), text: freeText(200) }),
]);
export type TreatmentChoice = z.infer<typeof TreatmentChoiceSchema>;

/** Members who disagreed with the decision, and why (their words, screened). */
export const DissentSchema = z.strictObject({
  members: z.array(ActorSchema).min(1, 'needs at least one member').max(20),
  reason: freeText(1000),
});
export type Dissent = z.infer<typeof DissentSchema>;

/** The stage and key scores the team saw when it decided, kept as they were then. */
export const FrozenStageSchema = z.strictObject({
  bclcStage: BclcStageSchema.nullable(),
  /** "BCLC 2022" — the edition the stage came from. */
  bclcRule: z.string().nullable(),
  childPugh: z.strictObject({ points: z.number().int(), class: ChildPughClassSchema }).nullable(),
  albi: z.strictObject({ score: z.number(), grade: z.enum(['1', '2', '3']) }).nullable(),
  meldNa: z.number().int().nullable(),
  /** ng/mL, as stated. */
  afp: z.number().nullable(),
  ecog: z.number().int().min(0).max(4).nullable(),
  /** The snapshot (assessment) the decision was taken on, when the case record has one. */
  snapshotId: z.string().nullable(),
});
export type FrozenStage = z.infer<typeof FrozenStageSchema>;

export const SignOffSchema = z.strictObject({
  by: ActorSchema,
  at: z.iso.datetime(),
  /** true when the recorder signed their own decision (only where the channel allows it). */
  self: z.boolean(),
});
export type SignOff = z.infer<typeof SignOffSchema>;

/**
 * One version of a decision. A decision keeps its `decisionId` across versions; an amendment is a new row with
 * `version + 1`, `supersedes` naming the previous row and `amendmentReason` saying why. Rows are never edited
 * except to add the one sign-off.
 */
export const DecisionSchema = z.strictObject({
  /** This version's id. */
  id: z.string().min(1),
  /** Shared by every version of the same decision. */
  decisionId: z.string().min(1),
  caseId: z.string().min(1),
  version: z.number().int().min(1),
  supersedes: z.string().nullable(),
  amendmentReason: z.string().nullable(),
  outcome: DecisionOutcomeSchema,
  treatment: TreatmentChoiceSchema.nullable(),
  missing: z.array(MissingItemSchema),
  /** What "other" means, when the deferral names it. */
  missingOther: z.string().nullable(),
  rationale: z.string().nullable(),
  /** null: not recorded. */
  patientPreferenceDiscussed: z.boolean().nullable(),
  specialties: z.array(SpecialtySchema),
  dissent: z.array(DissentSchema),
  atDecision: FrozenStageSchema,
  recordedBy: ActorSchema,
  recordedAt: z.iso.datetime(),
  signOff: SignOffSchema.nullable(),
});
export type Decision = z.infer<typeof DecisionSchema>;
