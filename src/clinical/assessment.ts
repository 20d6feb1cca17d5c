import { z } from 'zod';
import { NoteSchema, ScoreKeySchema } from './scores.js';
import { TreatmentOptionIdSchema } from './treatmentOptionIds.js';

/**
 * The Assessment: what `assess()` returns and what `--json` prints. The names in the issue-2 contract
 * (`albi`, `childPugh`, `meld`, `bclc`, `transplant`, `hap`, `mhap2`, `notEvaluable`, `warnings`) are never
 * renamed; fields may be added.
 */

export const RuleVersionSchema = z.strictObject({
  /** Stable key, e.g. "albi". */
  id: z.string(),
  /** What the clinic calls it, with its version: "MELD 3.0 (Kim 2021; OPTN 2023)". */
  name: z.string(),
  /** Short citation: journal, year, PMID or DOI. */
  source: z.string(),
});
export type RuleVersion = z.infer<typeof RuleVersionSchema>;

export const AlbiGradeSchema = z.enum(['1', '2', '3']);
export const MAlbiGradeSchema = z.enum(['1', '2a', '2b', '3']);
export const AlbiResultSchema = z.strictObject({
  /** Unrounded; grades are cut on this value. Display with at least two decimals. */
  score: z.number(),
  grade: AlbiGradeSchema,
  mAlbiGrade: MAlbiGradeSchema,
});
export type AlbiResult = z.infer<typeof AlbiResultSchema>;

const points123 = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export const ChildPughClassSchema = z.enum(['A', 'B', 'C']);
export type ChildPughClass = z.infer<typeof ChildPughClassSchema>;
export const ChildPughResultSchema = z.strictObject({
  points: z.number().int().min(5).max(15),
  class: ChildPughClassSchema,
  components: z.strictObject({
    bilirubin: points123,
    albumin: points123,
    /** INR when given, otherwise PT prolongation. */
    coagulation: points123,
    coagulationBy: z.enum(['inr', 'pt']),
    ascites: points123,
    encephalopathy: points123,
  }),
  /** "cholestatic" when the PBC/PSC bilirubin bands were used. */
  bilirubinBands: z.enum(['standard', 'cholestatic']),
});
export type ChildPughResult = z.infer<typeof ChildPughResultSchema>;

export const MeldResultSchema = z.strictObject({
  meld: z.number().int().nullable(),
  meldNa: z.number().int().nullable(),
  meld3: z.number().int().nullable(),
});
export type MeldResult = z.infer<typeof MeldResultSchema>;

export const BclcStageSchema = z.enum(['0', 'A', 'B', 'C', 'D']);
export type BclcStage = z.infer<typeof BclcStageSchema>;
export const LiverFunctionSchema = z.enum(['preserved', 'impaired', 'end-stage']);
export type LiverFunction = z.infer<typeof LiverFunctionSchema>;

export const BclcBSubgroupSchema = z.strictObject({
  /** null when the inputs given cannot decide it. */
  id: z.enum(['extended-transplant', 'tace', 'systemic']).nullable(),
  reason: z.string(),
  /** What the MDT would need to add to decide (or confirm) the subgroup. */
  decidingInputs: z.array(z.string()),
});
export type BclcBSubgroup = z.infer<typeof BclcBSubgroupSchema>;

export const BclcResultSchema = z.strictObject({
  stage: BclcStageSchema,
  /**
   * From the Child-Pugh class. null only when ECOG 3-4 decides stage D and Child-Pugh could not be computed
   * (ECOG 3-4 gives D even if everything else is missing; liver function is never imputed).
   */
  liverFunction: LiverFunctionSchema.nullable(),
  /** One sentence saying which inputs decided the stage. */
  basis: z.string(),
  /** Set for stage B only. */
  subgroup: BclcBSubgroupSchema.nullable(),
  /** Visible notes: transplant evaluation in D, ECOG not cancer-related, impaired liver function. */
  notes: z.array(z.string()),
});
export type BclcResult = z.infer<typeof BclcResultSchema>;

export const TreatmentOptionSchema = z.strictObject({
  id: TreatmentOptionIdSchema,
  /** Clinic wording, e.g. "Atezolizumab + bevacizumab". */
  label: z.string(),
  role: z.enum(['first-option', 'alternative', 'second-line', 'note']),
  /** When this branch applies, in BCLC's words ("no clinically significant portal hypertension and normal bilirubin"). */
  condition: z.string().nullable(),
  /** Whether the inputs show the condition is met: true, false, or null when the inputs cannot tell. */
  conditionMet: z.boolean().nullable(),
  /** Where the branch comes from. */
  basis: z.enum(['BCLC 2022', 'BCLC 2025 update']),
  /** false while the branch is not yet checked against the published BCLC figure (shown with one footnote). */
  verified: z.boolean(),
});
export type TreatmentOption = z.infer<typeof TreatmentOptionSchema>;

export const TreatmentPlanSchema = z.strictObject({
  stage: BclcStageSchema,
  options: z.array(TreatmentOptionSchema),
  notes: z.array(z.string()),
});
export type TreatmentPlan = z.infer<typeof TreatmentPlanSchema>;

export const AfpModelSchema = z.strictObject({
  /**
   * null when the points could not all be counted but the risk is decided anyway: invasion or spread excludes
   * transplant, or the items given already pass 2 points whatever the missing one scores.
   */
  points: z.number().int().min(0).max(9).nullable(),
  /** false whenever macrovascular invasion or extrahepatic spread is present, whatever the points. */
  lowRisk: z.boolean(),
});
export const TransplantResultSchema = z.strictObject({
  milan: z.boolean().nullable(),
  ucsf: z.boolean().nullable(),
  upToSeven: z.boolean().nullable(),
  metroticket2: z.boolean().nullable(),
  afpModel: AfpModelSchema.nullable(),
});
export type TransplantResult = z.infer<typeof TransplantResultSchema>;

export const HapGradeSchema = z.enum(['A', 'B', 'C', 'D']);
export const HapResultSchema = z.strictObject({
  points: z.number().int().min(0).max(5),
  grade: HapGradeSchema,
});
export type HapResult = z.infer<typeof HapResultSchema>;

export const SixAndTwelveSchema = z.strictObject({
  /** Largest diameter (cm) + number of nodules. */
  sum: z.number(),
  band: z.enum(['<=6', '>6-12', '>12']),
});
export type SixAndTwelveResult = z.infer<typeof SixAndTwelveSchema>;

export const NotEvaluableSchema = z.strictObject({
  /** What the clinic calls the score ("Child-Pugh"); the contract's name, never renamed. */
  score: z.string(),
  /** The same score by key, for renderers. */
  about: ScoreKeySchema,
  missing: z.array(z.string()).min(1),
});
export type NotEvaluable = z.infer<typeof NotEvaluableSchema>;

export const AssessmentSchema = z.strictObject({
  ok: z.literal(true),
  albi: AlbiResultSchema.nullable(),
  childPugh: ChildPughResultSchema.nullable(),
  meld: MeldResultSchema,
  bclc: BclcResultSchema.nullable(),
  treatment: TreatmentPlanSchema.nullable(),
  transplant: TransplantResultSchema,
  hap: HapResultSchema.nullable(),
  mhap2: HapResultSchema.nullable(),
  sixAndTwelve: SixAndTwelveSchema.nullable(),
  notEvaluable: z.array(NotEvaluableSchema),
  /**
   * Clinically relevant cautions (unusual values, Child-Pugh B, a criterion decided without an input it did not
   * need), each naming the score(s) it belongs to.
   */
  warnings: z.array(NoteSchema),
  /** Everything the core took as given (flags not stated, ECOG attribution, MELD 3.0 adult sex rule), by score. */
  assumptions: z.array(NoteSchema),
  /** The version of every rule applied, e.g. "BCLC 2022", "MELD 3.0 (Kim 2021; OPTN 2023)". */
  rules: z.array(RuleVersionSchema),
});
export type Assessment = z.infer<typeof AssessmentSchema>;

export const MrecistResponseSchema = z.enum(['CR', 'PR', 'SD', 'PD']);
export type MrecistResponse = z.infer<typeof MrecistResponseSchema>;
export const MrecistInputSchema = z
  .strictObject({
    baselineMm: z.number().finite().positive('must be greater than zero').max(1000),
    nadirMm: z.number().finite().min(0).max(1000),
    currentMm: z.number().finite().min(0).max(1000),
    newLesion: z.boolean().default(false),
  })
  .refine((m) => m.nadirMm <= m.baselineMm, {
    path: ['nadirMm'],
    message: 'the nadir is the smallest sum since treatment began, so it cannot exceed the baseline',
  });
export type MrecistInput = z.output<typeof MrecistInputSchema>;
export const MrecistResultSchema = z.strictObject({
  ok: z.literal(true),
  response: MrecistResponseSchema,
  /** The sums as read (mm), baseline → nadir → now, and whether a new lesion was reported. */
  sumsMm: z.strictObject({ baseline: z.number(), nadir: z.number(), current: z.number() }),
  newLesion: z.boolean(),
  /** Change from baseline and from nadir, per cent (null when the nadir is 0). */
  changeFromBaselinePct: z.number(),
  changeFromNadirPct: z.number().nullable(),
  reason: z.string(),
  rule: RuleVersionSchema,
});
export type MrecistResult = z.infer<typeof MrecistResultSchema>;
