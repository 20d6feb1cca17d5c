import { toJsonResult } from '../../references/json.js';
import type { ReferenceEntry } from '../../references/schema.js';
import { searchReferences } from '../../references/search.js';
import { parseArgs } from '../args.js';
import { reportInvalid, writeJson } from '../invalid.js';
import { type CliIo, EXIT_INVALID, EXIT_OK } from '../io.js';

/**
 * `hcc-mdt refs <query> [--json] [--limit N]`: search the curated evidence base (trials, drugs, procedures,
 * guidelines, biomarkers, emerging therapy) with shorthand and typos ("atezo bev", "imbrave", "Y90", "stage C").
 * Text output is one compact card per result: title, effect size, link. No match is not an error (exit 0).
 */

export const REFS_USAGE = `  hcc-mdt refs <query> [--json] [--limit N]

  <query>     a drug, trial, procedure, biomarker or stage: "atezo bev", "imbrave", "lenva", "Y90",
              "stage C", "2nd line", "afp", "tace"
  --json      {"ok": true, "results": [...], "suggestions": [...]} on stdout
  --limit N   at most N results (1–50, default 8)`;

const DEFAULT_LIMIT = 8;

function card(entry: ReferenceEntry): string {
  const json = toJsonResult(entry);
  const lines = [`${entry.title}  [${entry.kind}]`, `  ${json.effect}`];
  const link = entry.citations[0]?.url;
  if (link) lines.push(`  ${link}`);
  if (!entry.verified) lines.push(`  note: ${entry.unverified.join('; ')}`);
  return lines.join('\n');
}

/** Usage on stderr, the problem as JSON on stdout under --json or as a line on stderr; exit 2. */
function invalid(io: CliIo, json: boolean, path: string, message: string): number {
  io.stderr.write(`hcc-mdt refs: ${message}\n\nUsage:\n${REFS_USAGE}\n`);
  return json ? reportInvalid(io, true, [{ path, message }]) : EXIT_INVALID;
}

export async function refsCommand(argv: string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, { values: ['limit'], switches: ['json', 'help'] });
  if (!parsed.ok) return invalid(io, argv.includes('--json'), '(arguments)', parsed.error);
  const { positionals, values, switches } = parsed.args;
  const json = switches.has('json');
  if (switches.has('help')) {
    io.stdout.write(`Usage:\n${REFS_USAGE}\n`);
    return EXIT_OK;
  }

  let limit = DEFAULT_LIMIT;
  const limitText = values.get('limit');
  if (limitText !== undefined) {
    const n = Number(limitText);
    if (!/^\d+$/.test(limitText) || n < 1 || n > 50) {
      return invalid(io, json, '--limit', '--limit must be a whole number from 1 to 50');
    }
    limit = n;
  }

  const query = positionals.join(' ').trim();
  if (!query) return invalid(io, json, '<query>', 'give something to look up');

  const { results, suggestions } = searchReferences(query, limit);
  if (json) {
    writeJson(io, { ok: true, query, results: results.map(toJsonResult), suggestions });
    return EXIT_OK;
  }
  if (results.length === 0) {
    const hint = suggestions.length > 0 ? ` Did you mean: ${suggestions.join(', ')}?` : '';
    io.stdout.write(`No reference matches "${query}".${hint}\n`);
    return EXIT_OK;
  }
  io.stdout.write(`${results.map(card).join('\n\n')}\n`);
  return EXIT_OK;
}
