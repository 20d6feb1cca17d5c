import { readFile } from 'node:fs/promises';
import { EXAMPLE_CASE_TEXT } from '../../clinical/exampleCase.js';
import { isCaseInputField, scoresReading } from '../../clinical/fields.js';
import { mergeNotes, note } from '../../clinical/scores.js';
import { type UnitSystem, UnitSystemSchema } from '../../parse/parseResult.js';
import { assessCaseInput, assessText, type PipelineOutcome } from '../../pipeline.js';
import { renderIgnoredText } from '../../render/ignored.js';
import { renderPlainText, renderProblemsText } from '../../render/plainText.js';
import { renderPrivacyText } from '../../render/privacy.js';
import { parseArgs } from '../args.js';
import { type InputError, reportInvalid, writeJson } from '../invalid.js';
import { type CliIo, EXIT_INVALID, EXIT_OK } from '../io.js';
import { ASSESS_USAGE } from './help.js';

/**
 * `hcc-mdt assess`: a CaseInput JSON (`--input FILE|-`) or free text, through the one pipeline (src/pipeline.ts).
 * Plain output is the renderer's readable summary; `--json` is the Assessment (plus, for free text, the CaseInput
 * read, every assumption and what was not understood). Invalid input exits 2.
 */

const USAGE_HINT = `Usage:\n${ASSESS_USAGE}`;
export const EXAMPLE_TEXT = `hcc-mdt assess "${EXAMPLE_CASE_TEXT}"`;

export async function assessCommand(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, { values: ['input', 'units'], switches: ['json', 'help'] });
  const jsonWanted = argv.includes('--json');
  if (!parsed.ok)
    return reportInvalid(io, jsonWanted, [{ path: '(arguments)', message: parsed.error }], USAGE_HINT);
  const { positionals, values, switches } = parsed.args;
  const json = switches.has('json');
  if (switches.has('help')) {
    io.stdout.write(`Usage:\n${ASSESS_USAGE}\n`);
    return EXIT_OK;
  }

  const units = unitSystem(values.get('units'), io.env.HCC_MDT_UNITS);
  if (!units.ok) return reportInvalid(io, json, [units.error], USAGE_HINT);

  const file = values.get('input');
  if (file !== undefined) {
    if (positionals.length > 0)
      return reportInvalid(
        io,
        json,
        [{ path: '(arguments)', message: 'give either --input FILE or the case as text, not both' }],
        USAGE_HINT,
      );
    return assessFile(file, json, io);
  }
  const text = positionals.join(' ');
  if (text.trim() === '')
    return reportInvalid(
      io,
      json,
      [{ path: '(arguments)', message: 'nothing to assess: give the case as text or --input FILE' }],
      `${USAGE_HINT}\n\nFor example:\n  ${EXAMPLE_TEXT}`,
    );
  return assessFreeText(text, units.value, json, io);
}

export function unitSystem(
  flag: string | undefined,
  env: string | undefined,
): { ok: true; value: UnitSystem | undefined } | { ok: false; error: InputError } {
  const [raw, source] = flag !== undefined ? [flag, '--units'] : [env, 'HCC_MDT_UNITS'];
  if (raw === undefined || (source === 'HCC_MDT_UNITS' && raw.trim() === ''))
    return { ok: true, value: undefined };
  const checked = UnitSystemSchema.safeParse(raw.trim().toLowerCase());
  return checked.success
    ? { ok: true, value: checked.data }
    : { ok: false, error: { path: source, message: `must be "us" or "si" (got "${raw}")` } };
}

async function readInput(file: string, io: CliIo): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
  return Buffer.concat(chunks).toString('utf8');
}

async function assessFile(file: string, json: boolean, io: CliIo): Promise<number> {
  let text: string;
  try {
    text = await readInput(file, io);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (code ?? 'unreadable');
    return reportInvalid(io, json, [{ path: '--input', message: `cannot read "${file}": ${why}` }]);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, '')); // a byte-order mark from some Windows editors
  } catch (error) {
    return reportInvalid(io, json, [
      { path: '(input)', message: `is not valid JSON (${(error as Error).message})` },
    ]);
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return reportInvalid(io, json, [{ path: '(input)', message: 'must be a JSON object (a CaseInput)' }]);

  const outcome = assessCaseInput(raw);
  if (outcome.status === 'invalid')
    // The schema's messages name the field's accepted range themselves (FIELD_INFO).
    return reportInvalid(io, json, outcome.problems);
  if (json) writeJson(io, outcome.assessment);
  else io.stdout.write(renderPlainText(outcome));
  return EXIT_OK;
}

function assessFreeText(text: string, units: UnitSystem | undefined, json: boolean, io: CliIo): number {
  const outcome = assessText(text, { units });
  // The summary leaves identifiers out silently (it may be shared); the person typing is told apart, on stderr.
  const privacy = json ? null : renderPrivacyText(outcome.parse);
  if (privacy) io.stderr.write(privacy);
  if (outcome.status === 'not-assessed') return reportNotAssessed(outcome, json, io);
  if (!json) {
    io.stdout.write(renderPlainText(outcome));
    // The summary counts the ignored fragments (it may be pasted on); the person typing sees them named, apart.
    const ignored = renderIgnoredText(outcome.parse);
    if (ignored) io.stderr.write(ignored);
    return EXIT_OK;
  }
  writeJson(io, assessedJson(outcome));
  return EXIT_OK;
}

/** Text that could not be assessed: the problems on stderr, or `{"ok": false, …}` under --json. Exit 2. */
export function reportNotAssessed(
  outcome: Extract<PipelineOutcome, { status: 'not-assessed' }>,
  json: boolean,
  io: CliIo,
): number {
  const { parse, reason } = outcome;
  if (!json) {
    io.stderr.write(renderProblemsText(parse, reason));
    return EXIT_INVALID;
  }
  const errors: InputError[] =
    reason === 'nothing-recognised'
      ? [
          {
            path: '(text)',
            message: `no lab value or tumour detail was recognised; for example: ${EXAMPLE_TEXT}`,
          },
        ]
      : parse.errors.map((e) => ({ path: e.field ?? '(text)', message: e.message }));
  writeJson(io, { ok: false, errors, notUnderstood: parse.notUnderstood });
  return EXIT_INVALID;
}

/** What `assess --json` prints for free text: the Assessment with the parse's assumptions, warnings and input. */
export function assessedJson(outcome: Extract<PipelineOutcome, { status: 'assessed' }>) {
  const { assessment, parse, input } = outcome;
  return {
    ...assessment,
    // The parser's notes join the core's, tagged with the scores that read the field they concern.
    warnings: mergeNotes([
      ...assessment.warnings,
      ...parse.warnings.map((w) => note(scoresReading(w.field ?? ''), w.message, fieldOf(w.field))),
    ]),
    assumptions: mergeNotes([
      ...parse.assumptions.map((a) => note(scoresReading(a.field), a.message, fieldOf(a.field))),
      ...assessment.assumptions,
    ]),
    input,
    notUnderstood: parse.notUnderstood,
    statedScores: outcome.statedScores ?? [],
  };
}

/** The CaseInput field a parser note names, as a list (none when it names no field). */
const fieldOf = (path: string | undefined) => {
  const head = (path ?? '').split('.')[0] ?? '';
  return isCaseInputField(head) ? [head] : [];
};
