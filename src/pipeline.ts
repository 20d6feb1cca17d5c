import { type Assessment, assess } from './clinical/assess.js';
import { type CaseInput, CaseInputSchema } from './clinical/caseInput.js';
import { parseCase } from './parse/parseCase.js';
import type { ParseResult, UnitSystem } from './parse/parseResult.js';

/**
 * The one pipeline every door uses: free text → parse → assess. Rendering is left to the door, because only the
 * door knows whether it needs Block Kit, plain text or JSON.
 */

export interface PipelineOptions {
  /** The team's unit system for bare numbers that read plausibly both ways; undefined means "ask". */
  units?: UnitSystem | undefined;
}

export type PipelineOutcome =
  | { status: 'assessed'; parse: ParseResult; input: CaseInput; assessment: Assessment }
  | {
      status: 'not-assessed';
      parse: ParseResult;
      /** nothing-recognised: no value at all was read; parse-errors: contradictions, implausible or ambiguous values. */
      reason: 'nothing-recognised' | 'parse-errors';
    };

export function assessText(text: string, options: PipelineOptions = {}): PipelineOutcome {
  const parse = parseCase(text, { units: options.units });
  if (parse.errors.length > 0) return { status: 'not-assessed', parse, reason: 'parse-errors' };
  if (Object.keys(parse.input).length === 0) return { status: 'not-assessed', parse, reason: 'nothing-recognised' };
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
  return { status: 'assessed', parse, input: checked.data, assessment: assess(checked.data) };
}
