import { type CliIo, EXIT_INVALID } from './io.js';

/** One problem with the input: `path` names the field (CaseInput / mRECIST names) or the CLI argument. */
export interface InputError {
  path: string;
  message: string;
}

/**
 * Report invalid input and return exit code 2: under `--json`, `{"ok": false, "errors": [...]}` on stdout;
 * otherwise a plain message on stderr naming each field, then an optional hint (an example, the usage line).
 */
export function reportInvalid(io: CliIo, json: boolean, errors: InputError[], hint?: string): number {
  if (json) {
    io.stdout.write(`${JSON.stringify({ ok: false, errors }, null, 2)}\n`);
  } else {
    const lines = errors.map((e) => `  ${e.path}: ${e.message}`);
    io.stderr.write(`hcc-mdt: invalid input\n${lines.join('\n')}\n${hint ? `\n${hint}\n` : ''}`);
  }
  return EXIT_INVALID;
}

/** Pretty JSON with a final newline, for every `--json` output. */
export function writeJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
