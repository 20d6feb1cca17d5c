import { z } from 'zod';
import { CaseIdSchema } from '../cases/caseId.js';
import { DecisionSchema } from '../cases/decisionSchema.js';
import { FollowUpSchema } from '../cases/followUp.js';
import { TreatmentGivenSchema } from '../cases/followUpTreatment.js';
import { SnapshotSchema } from '../cases/snapshot.js';
import { CaseValuesSchema } from '../cases/values.js';

/**
 * What the FHIR export reads from a case record: the values with when and by whom each was stated, the latest
 * snapshot, the decision in force, follow-ups and treatments given. Only parsed values and screened team text
 * reach it; the record never holds what was typed or who the patient is.
 */
export const FhirCaseSchema = z.strictObject({
  caseId: CaseIdSchema,
  /** For each field, the latest value stated, when and by whom. */
  values: CaseValuesSchema,
  /** The latest assessment of the case; null before it was first assessed. */
  snapshot: SnapshotSchema.nullable(),
  /** The current version of the decision, if one is recorded. */
  decision: DecisionSchema.nullable(),
  followUps: z.array(FollowUpSchema),
  treatments: z.array(TreatmentGivenSchema),
});
export type FhirCase = z.output<typeof FhirCaseSchema>;
export type FhirCaseJson = z.input<typeof FhirCaseSchema>;
