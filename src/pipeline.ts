import { assess } from './clinical/assess.js';
import type { Assessment } from './clinical/assessment.js';
import { type CaseInput, CaseInputSchema } from './clinical/caseInput.js';
import { parseCase } from './parse/parseCase.js';
import type { ParseResult, UnitSystem } from './parse/parseResult.js';
import { compareStatedScores, type StatedScoreCheck } from './parse/statedScores.js';

/**
 * The one pipeline every door uses: free text → parse → assess. Rendering is left to the door, because only the
 * door knows whether it needs Block Kit, plain text or JSON.
 */

export interface PipelineOptions {
  /** The team's unit system for bare numbers that read plausibly both ways; undefined means "ask". */
  units?: UnitSystem | undefined;
}

/** A case that was read, validated and assessed: the one shape both entries return on success. */
export interface Assessed {
  status: 'assessed';
  parse: ParseResult;
  input: CaseInput;
  assessment: Assessment;
  /** Scores the text stated, each beside the computed one; a disagreement belongs on the first screen. */
  statedScores?: StatedScoreCheck[];
}

export type PipelineOutcome =
  | Assessed
  | {
      status: 'not-assessed';
      parse: ParseResult;
      /** nothing-recognised: no value at all was read; parse-errors: contradictions, implausible or ambiguous values. */
      reason: 'nothing-recognised' | 'parse-errors';
    };

export function assessText(text: string, options: PipelineOptions = {}): PipelineOutcome {
  const parse = parseCase(text, { units: options.units });
  if (parse.errors.length > 0) return { status: 'not-assessed', parse, reason: 'parse-errors' };
  if (Object.keys(parse.input).length === 0)
    return { status: 'not-assessed', parse, reason: 'nothing-recognised' };
  const checked = CaseInputSchema.safeParse(parse.input);
  if (!checked.success) {
    // The parser checks ranges itself; reaching here means the two disagree, which is a bug worth surfacing
    // as an error the user can read rather than a crash.
    const errors = checked.error.issues.map((issue) => ({
      code: 'implausible' as const,
      field: issue.path.join('.'),
      message: `${issue.path.join('.')} ${issue.message}`,
      spans: [],
    }));
    return { status: 'not-assessed', parse: { ...parse, errors }, reason: 'parse-errors' };
  }
  const assessment = assess(checked.data);
  return {
    status: 'assessed',
    parse,
    input: checked.data,
    assessment,
    statedScores: compareStatedScores(parse.statedScores ?? [], assessment),
  };
}

/** A parse result for input that arrived structured (modal, JSON file): nothing typed, nothing assumed. */
export const structuredParse = (input: ParseResult['input']): ParseResult => ({
  input,
  recognised: [],
  notUnderstood: [],
  assumptions: [],
  errors: [],
  warnings: [],
});

export type StructuredOutcome =
  | Assessed
  | { status: 'invalid'; problems: { path: string; message: string }[] };

/** The same pipeline for a CaseInput that arrives as JSON (CLI `--input`, the Slack form). */
export function assessCaseInput(raw: unknown): StructuredOutcome {
  const checked = CaseInputSchema.safeParse(raw);
  if (!checked.success) {
    return {
      status: 'invalid',
      problems: checked.error.issues.map((issue) => ({
        path: issue.path.join('.') || '(input)',
        message: issue.message,
      })),
    };
  }
  return {
    status: 'assessed',
    parse: structuredParse(raw as ParseResult['input']),
    input: checked.data,
    assessment: assess(checked.data),
  };
}
