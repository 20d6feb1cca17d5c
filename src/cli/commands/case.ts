import { type CaseId, readCaseId } from '../../cases/caseId.js';
import { LOCAL_SCOPE } from '../../cases/record.js';
import { retentionCutoff, retentionDays } from '../../cases/retention.js';
import { describeLocation, storeLocation } from '../../store/location.js';
import { openStore, type Store } from '../../store/openStore.js';
import { parseArgs } from '../args.js';
import { reportInvalid } from '../invalid.js';
import { type CliIo, EXIT_INVALID, EXIT_OK } from '../io.js';
import { caseAdd } from './caseAdd.js';
import { caseExport } from './caseExport.js';
import { caseAudit, caseDelete, caseList, caseNew, caseShow } from './caseView.js';
import { DECISION_CASE_USAGE, decisionCaseCommand, isDecisionCaseSubcommand } from './decisions.js';

/**
 * `hcc-mdt case …`: one clinician's own cases, offline, on the same store the Slack app uses. Offline cases live in
 * their own scope: a Slack channel's cases are not visible here, nor these there.
 */

export const CASE_USAGE = [
  '  hcc-mdt case new [--json]                       start a case; prints its ID',
  '  hcc-mdt case add <id> "<text>" [--units us|si] [--json]',
  '                                                  add what the text states; prints the summary',
  '  hcc-mdt case show <id> [--json]                 current values with dates, assessment, history',
  '  hcc-mdt case list [--json]',
  '  hcc-mdt case audit <id> [--json]                the case audit (who, what, when; no values)',
  '  hcc-mdt case export <id> --fhir                the case as a FHIR R4 Bundle (no identifier in it)',
  '  hcc-mdt case delete <id>',
  DECISION_CASE_USAGE,
  '  every case command takes --db PATH|URL (default: HCC_MDT_DB, else a file in your data folder)',
].join('\n');

const USAGE_HINT = `Usage:\n${CASE_USAGE}`;

export async function caseCommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  if (isDecisionCaseSubcommand(sub)) return decisionCaseCommand(sub, rest, io);
  const jsonWanted = argv.includes('--json');
  const parsed = parseArgs(rest, { values: ['db', 'units'], switches: ['json', 'help', 'fhir'] });
  if (
    sub === undefined ||
    sub === '--help' ||
    sub === 'help' ||
    (parsed.ok && parsed.args.switches.has('help'))
  ) {
    io.stdout.write(`${USAGE_HINT}\n`);
    return EXIT_OK;
  }
  if (!parsed.ok)
    return reportInvalid(io, jsonWanted, [{ path: '(arguments)', message: parsed.error }], USAGE_HINT);
  const { positionals, values, switches } = parsed.args;
  const json = switches.has('json');
  const known = ['new', 'add', 'show', 'list', 'audit', 'export', 'delete'];
  if (!known.includes(sub))
    return reportInvalid(
      io,
      json,
      [{ path: '(arguments)', message: `unknown case command "${sub}"` }],
      USAGE_HINT,
    );

  const arity: Record<string, [number, number]> = {
    new: [0, 0],
    list: [0, 0],
    add: [2, Number.POSITIVE_INFINITY],
    show: [1, 1],
    audit: [1, 1],
    export: [1, 1],
    delete: [1, 1],
  };
  const [min, max] = arity[sub] ?? [0, 0];
  if (positionals.length < min || positionals.length > max) {
    const what =
      min === 0 ? 'takes no arguments' : sub === 'add' ? 'needs a case ID and the text' : 'needs one case ID';
    return reportInvalid(io, json, [{ path: '(arguments)', message: `case ${sub} ${what}` }], USAGE_HINT);
  }
  if (switches.has('fhir') && sub !== 'export')
    return reportInvalid(
      io,
      json,
      [{ path: '--fhir', message: 'only case export takes --fhir' }],
      USAGE_HINT,
    );
  if (values.has('units') && sub !== 'add')
    return reportInvalid(io, json, [{ path: '--units', message: 'only case add takes --units' }], USAGE_HINT);

  let id: CaseId | null = null;
  if (min > 0) {
    const typed = positionals[0] ?? '';
    id = readCaseId(typed);
    // The ID is echoed only when it has the shape of one: anything else might be patient text typed by mistake.
    if (!id)
      return reportInvalid(io, json, [
        { path: '<id>', message: 'is not a case ID; case IDs look like HCC-7QK2M' },
      ]);
  }
  const retention = retentionDays(io.env.HCC_MDT_RETENTION_DAYS);
  if (!retention.ok)
    return reportInvalid(io, json, [{ path: 'HCC_MDT_RETENTION_DAYS', message: retention.message }]);

  const location = storeLocation(values.get('db'), io.env);
  let store: Store;
  try {
    store = await openStore(location);
  } catch (error) {
    io.stderr.write(
      `hcc-mdt: cannot open the case store at ${describeLocation(location)} (${(error as Error).message})\n`,
    );
    return EXIT_INVALID;
  }
  try {
    // The CLI has no resident process, so retention runs whenever the store is opened.
    const now = new Date();
    await store.cases.purgeInactive(retentionCutoff(now, retention.days), now);
    const ctx = { store, io, json, now, scope: LOCAL_SCOPE };
    switch (sub) {
      case 'new':
        return await caseNew(ctx);
      case 'list':
        return await caseList(ctx);
      case 'add':
        return await caseAdd(ctx, id as CaseId, positionals.slice(1).join(' '), values.get('units'));
      case 'show':
        return await caseShow(ctx, id as CaseId);
      case 'audit':
        return await caseAudit(ctx, id as CaseId);
      case 'export':
        return await caseExport(ctx, id as CaseId, switches.has('fhir'));
      default:
        return await caseDelete(ctx, id as CaseId);
    }
  } finally {
    await store.close();
  }
}
