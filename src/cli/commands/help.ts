import { EXAMPLE_CASE_TEXT } from '../../clinical/exampleCase.js';
import type { CliIo } from '../io.js';
import { EXIT_OK } from '../io.js';
import { DECISION_USAGE } from './decisions.js';

export const ASSESS_USAGE = [
  '  hcc-mdt assess "<free text>" [--units us|si] [--json]',
  '  hcc-mdt assess --input FILE|- [--json]',
].join('\n');

export const MRECIST_USAGE = [
  '  hcc-mdt mrecist --baseline MM --nadir MM --current MM [--new-lesion] [--json]',
  '  hcc-mdt mrecist "<text>" [--json]',
].join('\n');

/** The whole usage text: `hcc-mdt help`, `--help`, no arguments (stdout, exit 0); unknown commands (stderr, exit 2). */
export const USAGE = `hcc-mdt: staging for the liver-cancer MDT (HCC) - decision support, not a decision.

Usage:
${ASSESS_USAGE}
${MRECIST_USAGE}
  hcc-mdt refs ...            the evidence behind each option (hcc-mdt refs --help)
  hcc-mdt case ...            cases that build up over several messages (hcc-mdt case --help)
${DECISION_USAGE}
  hcc-mdt help

Commands:
  assess    Scores (ALBI, Child-Pugh, MELD, MELD-Na, MELD 3.0), BCLC 2022 stage with
            treatment options, transplant criteria and TACE scores. Give the case as
            free text as you would type it in chat, or as a CaseInput JSON file
            (--input FILE, or --input - for stdin).
  mrecist   mRECIST response (CR, PR, SD, PD) from the sums of viable target
            diameters in millimetres at baseline, nadir and now.

Options:
  --json          machine-readable output (invalid input: {"ok": false, "errors": [...]})
  --units us|si   how to read a bare number that is plausible in both units
                  (default: the HCC_MDT_UNITS environment variable; otherwise you are asked)
  --input FILE    CaseInput JSON file; "-" reads stdin
  --new-lesion    a new lesion has appeared (always progressive disease)

Exit status: 0 success; 2 invalid input or usage.

Examples:
  hcc-mdt assess "${EXAMPLE_CASE_TEXT}"
  hcc-mdt assess --input case.json --json
  hcc-mdt mrecist --baseline 52 --nadir 30 --current 37 --new-lesion
  hcc-mdt mrecist "baseline 52 nadir 30 now 37 mm, new lesion"
`;

export function helpCommand(io: CliIo): number {
  io.stdout.write(USAGE);
  return EXIT_OK;
}
