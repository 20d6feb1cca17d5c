import { MrecistInputSchema } from '../../clinical/assessment.js';
import { mrecist } from '../../clinical/mrecist.js';
import { parseMrecist } from '../../parse/parseMrecist.js';
import type { ParseIssue } from '../../parse/parseResult.js';
import { renderMrecistText } from '../../render/mrecist.js';
import { parseArgs, parseDecimal } from '../args.js';
import { type InputError, reportInvalid, writeJson } from '../invalid.js';
import { type CliIo, EXIT_OK } from '../io.js';
import { MRECIST_USAGE } from './help.js';

/**
 * `hcc-mdt mrecist`: mRECIST response (Lencioni & Llovet 2010) from the sums of viable target diameters (mm), given
 * as flags or as text ("baseline 52 nadir 30 now 37 mm, new lesion"). Values are checked by MrecistInputSchema.
 */

const EXAMPLE =
  'For example:\n  hcc-mdt mrecist --baseline 52 --nadir 30 --current 37\n  hcc-mdt mrecist "baseline 52 nadir 30 now 37 mm, new lesion"';
const HINT = `Usage:\n${MRECIST_USAGE}\n\n${EXAMPLE}`;

const FLAGS = [
  ['baseline', 'baselineMm'],
  ['nadir', 'nadirMm'],
  ['current', 'currentMm'],
] as const;

/** The accepted range of each field, added to schema messages that do not state it. */
const RANGE: Record<string, string> = {
  baselineMm: 'more than 0 and at most 1000 mm',
  nadirMm: '0 to 1000 mm, and not above the baseline',
  currentMm: '0 to 1000 mm',
};

export async function mrecistCommand(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, {
    values: FLAGS.map(([flag]) => flag),
    switches: ['new-lesion', 'json', 'help'],
  });
  const jsonWanted = argv.includes('--json');
  if (!parsed.ok)
    return reportInvalid(io, jsonWanted, [{ path: '(arguments)', message: parsed.error }], HINT);
  const { positionals, values, switches } = parsed.args;
  const json = switches.has('json');
  if (switches.has('help')) {
    io.stdout.write(`Usage:\n${MRECIST_USAGE}\n\n${EXAMPLE}\n`);
    return EXIT_OK;
  }

  let raw: Record<string, unknown>;
  if (positionals.length > 0) {
    if (values.size > 0)
      return reportInvalid(
        io,
        json,
        [
          {
            path: '(arguments)',
            message: 'give the sums either as text or as --baseline/--nadir/--current, not both',
          },
        ],
        HINT,
      );
    const read = parseMrecist(positionals.join(' '));
    if (!read.ok)
      return reportInvalid(
        io,
        json,
        read.errors.length > 0
          ? read.errors.map((e: ParseIssue) => ({ path: e.field ?? '(text)', message: e.message }))
          : [{ path: '(text)', message: 'no baseline, nadir and current sums were recognised' }],
        HINT,
      );
    raw = { ...(read.input as Record<string, unknown>) };
  } else {
    const errors: InputError[] = [];
    raw = {};
    for (const [flag, field] of FLAGS) {
      const text = values.get(flag);
      if (text === undefined) {
        errors.push({ path: field, message: `is required (--${flag} MM; ${RANGE[field]})` });
        continue;
      }
      const value = parseDecimal(text);
      if (value === null)
        errors.push({
          path: field,
          message: `must be a number of millimetres, ${RANGE[field]} (got "${text}")`,
        });
      else raw[field] = value;
    }
    if (errors.length > 0) return reportInvalid(io, json, errors, HINT);
  }
  if (switches.has('new-lesion')) raw.newLesion = true;

  const checked = MrecistInputSchema.safeParse(raw);
  if (!checked.success)
    return reportInvalid(
      io,
      json,
      checked.error.issues.map((issue) => {
        const path = issue.path.join('.') || '(input)';
        const range = RANGE[path];
        return {
          path,
          message:
            range && !issue.message.includes('baseline')
              ? `${issue.message} (accepted: ${range})`
              : issue.message,
        };
      }),
      HINT,
    );
  const result = mrecist(checked.data);
  if (json) writeJson(io, result);
  else io.stdout.write(renderMrecistText(result));
  return EXIT_OK;
}
