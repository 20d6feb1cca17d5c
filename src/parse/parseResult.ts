import { z } from 'zod';
import type { CaseInputJson } from '../clinical/caseInput.js';

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
});
export type ParseResult = z.infer<typeof ParseResultSchema>;
