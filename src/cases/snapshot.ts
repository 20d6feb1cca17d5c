import { z } from 'zod';
import { type Assessment, AssessmentSchema, BclcStageSchema } from '../clinical/assessment.js';
import { CaseFieldSchema } from './fields.js';
import { ActorSchema, CaseValuesSchema, InstantSchema } from './values.js';

/**
 * A snapshot: one assessment of the case as it stood after one message. It keeps the merged values with their
 * provenance, the full assessment, and the key scores the history shows over time.
 */

export const KeyScoresSchema = z.strictObject({
  albi: z.number().nullable(),
  albiGrade: z.enum(['1', '2', '3']).nullable(),
  /** Class and points, e.g. "B8". */
  childPugh: z.string().nullable(),
  meldNa: z.number().int().nullable(),
  afp: z.number().nullable(),
  bclc: BclcStageSchema.nullable(),
});
export type KeyScores = z.infer<typeof KeyScoresSchema>;

export const SnapshotSchema = z.strictObject({
  caseId: z.string(),
  seq: z.number().int().min(1),
  at: InstantSchema,
  by: ActorSchema,
  values: CaseValuesSchema,
  assessment: AssessmentSchema,
  scores: KeyScoresSchema,
  /** Fields this message changed, and the subset it corrected. */
  changed: z.array(CaseFieldSchema),
  corrected: z.array(CaseFieldSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

export function keyScores(assessment: Assessment, afp: unknown): KeyScores {
  return {
    albi: assessment.albi ? Math.round(assessment.albi.score * 100) / 100 : null,
    albiGrade: assessment.albi?.grade ?? null,
    childPugh: assessment.childPugh ? `${assessment.childPugh.class}${assessment.childPugh.points}` : null,
    meldNa: assessment.meld.meldNa,
    afp: typeof afp === 'number' ? afp : null,
    bclc: assessment.bclc?.stage ?? null,
  };
}
