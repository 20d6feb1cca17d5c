import { z } from 'zod';
import { AssessmentSchema, BclcStageSchema, ChildPughClassSchema } from '../clinical/assessment.js';
import { CaseInputSchema } from '../clinical/caseInput.js';
import { TreatmentOptionIdSchema } from '../clinical/treatmentOptionIds.js';

/**
 * What the FHIR export reads from a case record: the merged input with when and by whom each value was stated,
 * the latest assessment, the decision, follow-ups and treatments given. Only parsed values and screened team text
 * reach it; the record never holds what was typed or who the patient is.
 *
 * The decision, follow-up and treatment shapes mirror the case layer's records field for field, so that the
 * export maps them one to one.
 */

const dateTime = z.iso.datetime({ offset: true });
const date = z.iso.date();

/** A Slack user ID in Slack; initials or a role on the CLI. */
const ActorSchema = z.string().trim().min(1).max(60);

/** When a value was stated and by whom. */
export const StatedSchema = z.strictObject({ statedAt: dateTime, statedBy: ActorSchema.nullable() });
export type Stated = z.infer<typeof StatedSchema>;

export const CaseFieldSchema = CaseInputSchema.keyof();
export type CaseField = z.infer<typeof CaseFieldSchema>;

export const TreatmentChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('option'), id: TreatmentOptionIdSchema }),
  z.strictObject({ kind: z.literal('other'), text: z.string().trim().min(1).max(200) }),
]);
export type TreatmentChoice = z.infer<typeof TreatmentChoiceSchema>;

export const DecisionOutcomeSchema = z.enum(['recommend', 'defer', 'no-active-treatment', 'refer']);
export const MissingItemSchema = z.enum(['imaging', 'biopsy', 'labs', 'ecog', 'patient-view', 'other']);
export type MissingItem = z.infer<typeof MissingItemSchema>;

export const FrozenStageSchema = z.strictObject({
  bclcStage: BclcStageSchema.nullable(),
  bclcRule: z.string().nullable(),
  childPugh: z.strictObject({ points: z.number().int(), class: ChildPughClassSchema }).nullable(),
  albi: z.strictObject({ score: z.number(), grade: z.enum(['1', '2', '3']) }).nullable(),
  meldNa: z.number().int().nullable(),
  afp: z.number().nullable(),
  ecog: z.number().int().min(0).max(4).nullable(),
});
export type FrozenStage = z.infer<typeof FrozenStageSchema>;

export const DecisionSchema = z.strictObject({
  id: z.string().min(1),
  decisionId: z.string().min(1),
  version: z.number().int().min(1),
  amendmentReason: z.string().nullable(),
  outcome: DecisionOutcomeSchema,
  treatment: TreatmentChoiceSchema.nullable(),
  missing: z.array(MissingItemSchema),
  missingOther: z.string().nullable(),
  rationale: z.string().nullable(),
  patientPreferenceDiscussed: z.boolean().nullable(),
  specialties: z.array(z.string()),
  dissent: z.array(z.strictObject({ members: z.array(ActorSchema).min(1), reason: z.string().min(1) })),
  atDecision: FrozenStageSchema,
  recordedBy: ActorSchema,
  recordedAt: dateTime,
  signOff: z.strictObject({ by: ActorSchema, at: dateTime, self: z.boolean() }).nullable(),
});
export type Decision = z.infer<typeof DecisionSchema>;

export const FollowUpSchema = z.strictObject({
  id: z.string().min(1),
  task: z.string().trim().min(1).max(500),
  due: date,
  assignee: ActorSchema.nullable(),
  status: z.enum(['open', 'done']),
  createdBy: ActorSchema,
  createdAt: dateTime,
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export const TreatmentGivenSchema = z.strictObject({
  id: z.string().min(1),
  treatment: TreatmentChoiceSchema,
  on: date,
  /** Why it differs from the decision, when it does. */
  reason: z.string().nullable(),
  recordedBy: ActorSchema,
  recordedAt: dateTime,
});
export type TreatmentGiven = z.infer<typeof TreatmentGivenSchema>;

export const FhirCaseSchema = z.strictObject({
  /** The case's random, pseudonymous ID (e.g. HCC-7QK2M). */
  caseId: z.string().regex(/^[A-Za-z0-9-]{1,40}$/, 'must be a case ID such as HCC-7QK2M'),
  /** The merged case input: for each field, the latest value stated. */
  input: CaseInputSchema,
  /** For each field in `input` the user stated, when and by whom. */
  stated: z.partialRecord(CaseFieldSchema, StatedSchema),
  /** The latest snapshot's assessment and its time; null before the case has been assessed. */
  assessment: AssessmentSchema.nullable(),
  assessedAt: dateTime.nullable(),
  /** The current version of the decision, if one is recorded. */
  decision: DecisionSchema.nullable(),
  followUps: z.array(FollowUpSchema),
  treatments: z.array(TreatmentGivenSchema),
});
export type FhirCase = z.output<typeof FhirCaseSchema>;
export type FhirCaseJson = z.input<typeof FhirCaseSchema>;
