/**
 * The keys of the scores the clinical core computes, and the transplant criteria among them. A leaf module: the
 * field table (fields.ts) reads these and the schema reads the field table, so neither may import the schema.
 * `scores.ts` re-exports them with their zod schema.
 */
export const SCORE_KEYS = [
  'albi',
  'malbi',
  'childPugh',
  'meld',
  'meldNa',
  'meld3',
  'milan',
  'ucsf',
  'upToSeven',
  'metroticket2',
  'afpModel',
  'hap',
  'mhap2',
  'sixAndTwelve',
  'bclc',
  'mrecist',
] as const;
export type ScoreKey = (typeof SCORE_KEYS)[number];

/** The five transplant selection criteria, in the order the summary lists them. */
export const TRANSPLANT_KEYS = [
  'milan',
  'ucsf',
  'upToSeven',
  'metroticket2',
  'afpModel',
] as const satisfies readonly ScoreKey[];
