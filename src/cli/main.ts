import { assessCommand } from './commands/assess.js';
import { caseCommand } from './commands/case.js';
import { decisionTopCommand } from './commands/decisions.js';
import { helpCommand, USAGE } from './commands/help.js';
import { mrecistCommand } from './commands/mrecist.js';
import { refsCommand } from './commands/refs.js';
import { type CliIo, EXIT_INVALID } from './io.js';

/** Exit code for a bug in hcc-mdt itself (never for bad input, which is EXIT_INVALID). */
export const EXIT_INTERNAL = 1;

/**
 * The `hcc-mdt` command (bin/hcc-mdt.js). Everything it touches comes through `io`, so tests drive it without a
 * process. Returns the exit code: 0 success, 2 invalid input or usage, 1 an internal error.
 */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        return helpCommand(io);
      case 'assess':
        return await assessCommand(rest, io);
      case 'case':
        return await caseCommand(rest, io);
      case 'agenda':
      case 'meetings':
      case 'settings':
      case 'follow-ups':
      case 'report':
        return await decisionTopCommand(command, rest, io);
      case 'mrecist':
        return await mrecistCommand(rest, io);
      case 'refs':
        return await refsCommand(rest, io);
      default:
        io.stderr.write(`hcc-mdt: unknown command "${command}"\n\n${USAGE}`);
        return EXIT_INVALID;
    }
  } catch (error) {
    // The typed case is never echoed: only the error's kind and message from our own code.
    const e = error instanceof Error ? error : new Error(String(error));
    io.stderr.write(`hcc-mdt: internal error (${e.name}: ${e.message}); please report it\n`);
    return EXIT_INTERNAL;
  }
}
