import { z } from 'zod';
import type { CaseInputJson } from '../clinical/caseInput.js';
import { ScoreKeySchema } from '../clinical/scores.js';

/**
 * What the free-text parser returns. Character ranges are UTF-16 offsets into the text given,
 * `end` exclusive. A fragment of kind `identifier` never carries its text: it is a range only, so the
 * identifier cannot travel further than the parser.
 */

export const UnitSystemSchema = z.enum(['us', 'si']);
export type UnitSystem = z.infer<typeof UnitSystemSchema>;

export const SpanKindSchema = z.enum([
  'bilirubin',
  'albumin',
  'inr',
  'pt',
  'creatinine',
  'sodium',
  'afp',
  'pivka',
  'ascites',
  'encephalopathy',
  'ecog',
  'sex',
  'dialysis',
  'cholestatic',
  'tumour',
  'invasion',
  'spread',
  'infiltrative',
  'portal-hypertension',
  'mrecist',
  /** Recognised and listed as context, never scored: aetiology, platelets, other labs, treatment history, sizes of non-tumour findings. */
  'context',
  /** A score or stage the text states ("Child-Pugh B8"): compared with the computed one, never used in its place. */
  'stated-score',
  /** Connecting words and punctuation that carry no value ("and", "with", ","). */
  'filler',
]);
export type SpanKind = z.infer<typeof SpanKindSchema>;

export const RecognisedSpanSchema = z.strictObject({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  kind: SpanKindSchema,
});
export type RecognisedSpan = z.infer<typeof RecognisedSpanSchema>;

export const NotUnderstoodSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('unknown'),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    text: z.string(),
    /** A close vocabulary word, e.g. "bili" for "bilu". */
    suggestion: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal('identifier'),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  }),
]);
export type NotUnderstood = z.infer<typeof NotUnderstoodSchema>;

export const ParseAssumptionSchema = z.strictObject({
  /** The CaseInput field concerned, e.g. "albumin". */
  field: z.string(),
  /** Shown to the user next to the result: "albumin 31 read as g/L (no unit given)". */
  message: z.string(),
});
export type ParseAssumption = z.infer<typeof ParseAssumptionSchema>;

export const ParseIssueSchema = z.strictObject({
  code: z.enum([
    'contradiction',
    'implausible',
    'ambiguous-unit',
    /** "AFP 1.200": 1200 or 1.2? A dot before three digits may group thousands. */
    'ambiguous-number',
    'unknown-unit',
    'unusual',
    'privacy',
    'microvascular-invasion',
    'not-understood',
    /** mRECIST sums inside a case message: read as a response, not as lesion sizes. */
    'mrecist-in-case',
    /** Longer than the parser reads (MAX_TEXT_LENGTH); nothing was read. */
    'too-long',
    /** The parser failed inside: a bug. Its own code, so tests (the fuzz run) can assert it never appears. */
    'internal',
  ]),
  field: z.string().optional(),
  message: z.string(),
  /** The fragments concerned (ranges into the text). */
  spans: z.array(z.strictObject({ start: z.number().int().min(0), end: z.number().int().min(0) })),
});
export type ParseIssue = z.infer<typeof ParseIssueSchema>;

export const ContextKindSchema = z.enum([
  'aetiology',
  'liver-disease',
  'platelets',
  'other-lab',
  'other-fluid',
  'measurement',
  'treatment',
  'treatment-response',
  'li-rads',
  'segment',
  'mrecist',
  /** A value the text marks as earlier ("baseline creatinine 1.5"): not the current one. */
  'earlier-value',
]);
export type ContextKind = z.infer<typeof ContextKindSchema>;

/** Something recognised that is not a case input: listed (privately) so the reader sees it was seen, not lost. */
export const ContextItemSchema = z.strictObject({
  kind: ContextKindSchema,
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** The fragment as typed, spaces collapsed, at most 60 characters. Never an identifier (those are never read). */
  text: z.string(),
});
export type ContextItem = z.infer<typeof ContextItemSchema>;

/** The scores a message may state, by the clinical core's own keys. */
export const StatedScoreKeySchema = ScoreKeySchema.extract([
  'childPugh',
  'meld',
  'meldNa',
  'meld3',
  'albi',
  'bclc',
]);
export type StatedScoreKey = z.infer<typeof StatedScoreKeySchema>;

/** A score the text states: "Child-Pugh B8" is { score: childPugh, class: B, points: 8 }; "MELD 14" is { meld, points: 14 }. */
export const StatedScoreSchema = z.strictObject({
  score: StatedScoreKeySchema,
  /** Child-Pugh A-C, BCLC 0/A-D, ALBI grade 1-3. */
  class: z.string().optional(),
  /** Child-Pugh points, MELD value, ALBI score. */
  points: z.number().finite().optional(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** The fragment as typed, spaces collapsed. */
  text: z.string(),
});
export type StatedScore = z.infer<typeof StatedScoreSchema>;

export const ParseResultSchema = z.strictObject({
  /** The CaseInput read from the text, before defaults; validated by CaseInputSchema before assessment. */
  input: z.custom<CaseInputJson>((v) => typeof v === 'object' && v !== null && !Array.isArray(v)),
  recognised: z.array(RecognisedSpanSchema),
  notUnderstood: z.array(NotUnderstoodSchema),
  assumptions: z.array(ParseAssumptionSchema),
  /** Block assessment: contradictions, implausible values, a unit that must be asked for. */
  errors: z.array(ParseIssueSchema),
  /** Do not block: unusual values, privacy warnings, microvascular invasion noted as pathology. */
  warnings: z.array(ParseIssueSchema),
  /** Recognised but not a case input (always set by the parser; absent for structured input). */
  context: z.array(ContextItemSchema).optional(),
  /** Scores the text states, for comparison with the computed ones (always set by the parser). */
  statedScores: z.array(StatedScoreSchema).optional(),
  /** mRECIST sums found inside a case message: read as a response, never as lesion sizes. */
  mrecist: z
    .strictObject({
      baselineMm: z.number().finite(),
      nadirMm: z.number().finite().optional(),
      currentMm: z.number().finite().optional(),
    })
    .optional(),
});
export type ParseResult = z.infer<typeof ParseResultSchema>;
