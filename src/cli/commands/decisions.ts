import { describeNeed } from '../../cases/agenda.js';
import { readCaseId } from '../../cases/caseId.js';
import { treatmentLabel } from '../../cases/decision.js';
import {
  type Decision,
  type DecisionOutcome,
  MISSING_ITEMS,
  OUTCOME_LABELS,
  SPECIALTIES,
  type TreatmentChoice,
} from '../../cases/decisionSchema.js';
import type { Problem } from '../../cases/decisionScreen.js';
import {
  addCaseFollowUp,
  agendaFor,
  amend,
  type CaseDecisionView,
  changeSettings,
  channelReport,
  channelSettings,
  type DecisionDeps,
  decide,
  followUpsDue,
  type MeetingsView,
  meetingsOf,
  type Outcome,
  recordCaseTreatment,
  type SettingsView,
  scheduleCase,
  setMeetings,
  signOffDecision,
} from '../../cases/decisionService.js';
import { describeSetting, SETTING_NAMES, TimeZoneSchema } from '../../cases/decisionSettings.js';
import { isDone } from '../../cases/followUp.js';
import { LOCAL_SCOPE } from '../../cases/record.js';
import { TreatmentOptionIdSchema } from '../../clinical/treatmentOptionIds.js';
import { decisionDeps } from '../../decisionDeps.js';
import { frozenStageLine } from '../../slack/decisions/decisionMessage.js';
import { describeLocation, storeLocation } from '../../store/location.js';
import { openStore, type Store } from '../../store/openStore.js';
import { parseArgs } from '../args.js';
import { reportInvalid, writeJson } from '../invalid.js';
import { type CliIo, EXIT_INVALID, EXIT_OK } from '../io.js';

/**
 * The offline doors onto decisions: `case decide|sign-off|follow-up|treated|schedule`, `agenda`, `meetings`,
 * `settings`, `follow-ups` and `report`, on the same store and the same service as the Slack app. Offline cases live in the local scope.
 */

export const DECISION_CASE_USAGE = [
  '  hcc-mdt case decide <id> --outcome recommend|defer|no-active-treatment|refer [--treatment <option id or text>]',
  '         [--rationale "…"] [--missing imaging,biopsy,labs,ecog,patient-view,other] [--missing-other "…"]',
  '         [--dissent "AB: why"] [--specialties hepatology,surgery,…] [--patient-preference yes|no]',
  '         [--by <initials or role>] [--amend "reason"] [--json]',
  '  hcc-mdt case sign-off <id> --by <initials or role> [--json]',
  '  hcc-mdt case follow-up <id> --due <YYYY-MM-DD | "in 6 weeks"> --task "…" [--for <initials>] [--json]',
  '  hcc-mdt case treated <id> --treatment <option id or text> --on <YYYY-MM-DD> [--reason "…"] [--json]',
  '  hcc-mdt case schedule <id> [--meeting YYYY-MM-DD] [--json]   (default: the next meeting)',
].join('\n');

export const DECISION_USAGE = [
  '  hcc-mdt agenda [--meeting YYYY-MM-DD] [--json]',
  '  hcc-mdt meetings ["weekly thursday 08:00" | "2026-12-03, 2026-12-17 08:00"] [--timezone Europe/London] [--json]',
  '                                                  (with no schedule: the one set now)',
  '  hcc-mdt settings [--self-sign-off on|off] [--reminder-hour 0-23] [--timezone Europe/London] [--json]',
  '                                                  (with no option: the settings now)',
  '  hcc-mdt follow-ups [--due-by YYYY-MM-DD] [--json]   open follow-ups due by then (default today): the reminders',
  '  hcc-mdt report [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]',
].join('\n');

export const DECISION_CASE_SUBCOMMANDS = ['decide', 'sign-off', 'follow-up', 'treated', 'schedule'] as const;
type CaseSub = (typeof DECISION_CASE_SUBCOMMANDS)[number];
export const isDecisionCaseSubcommand = (s: string | undefined): s is CaseSub =>
  (DECISION_CASE_SUBCOMMANDS as readonly string[]).includes(s ?? '');

const SPEC: Record<CaseSub | TopCommand, string[]> = {
  decide: [
    'outcome',
    'treatment',
    'rationale',
    'missing',
    'missing-other',
    'dissent',
    'specialties',
    'patient-preference',
    'by',
    'amend',
  ],
  'sign-off': ['by'],
  'follow-up': ['due', 'task', 'for', 'by'],
  treated: ['treatment', 'on', 'reason', 'by'],
  schedule: ['meeting', 'by'],
  agenda: ['meeting'],
  meetings: ['timezone'],
  settings: [...SETTING_NAMES],
  'follow-ups': ['due-by'],
  report: ['from', 'to'],
};

interface Ctx {
  io: CliIo;
  json: boolean;
  deps: DecisionDeps;
}

async function withStore(
  io: CliIo,
  json: boolean,
  db: string | undefined,
  run: (ctx: Ctx) => Promise<number>,
): Promise<number> {
  const location = storeLocation(db, io.env);
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
    return await run({ io, json, deps: decisionDeps(store) });
  } finally {
    await store.close();
  }
}

/** A treatment typed on the command line: an option id, or else the team's own words. */
export function readTreatment(text: string): TreatmentChoice {
  const id = TreatmentOptionIdSchema.safeParse(text.trim());
  return id.success ? { kind: 'option', id: id.data } : { kind: 'other', text: text.trim() };
}

/** A comma list checked against its allowed words; each unknown word is a problem naming the allowed ones. */
function readList(
  flag: string,
  text: string | undefined,
  allowed: readonly string[],
  hints: Record<string, string> = {},
) {
  const problems: Problem[] = [];
  if (text === undefined) return { items: [] as string[], problems };
  const items = text
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  for (const item of items)
    if (!allowed.includes(item))
      problems.push({
        path: flag,
        message: `'${item}' is not one of ${allowed.join(', ')}${hints[item] ? ` (${hints[item]})` : ''}`,
      });
  return { items: items.filter((i) => allowed.includes(i)), problems };
}

/** "AB, CD: why" → members AB and CD, reason "why". */
function readDissent(text: string | undefined): {
  dissent: { members: string[]; reason: string }[];
  problems: Problem[];
} {
  if (text === undefined) return { dissent: [], problems: [] };
  const colon = text.indexOf(':');
  if (colon <= 0)
    return {
      dissent: [],
      problems: [
        { path: '--dissent', message: 'says who, a colon, then why, e.g. "AB: would consider resection"' },
      ],
    };
  const members = text
    .slice(0, colon)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return { dissent: [{ members, reason: text.slice(colon + 1).trim() }], problems: [] };
}

function decisionLines(d: Decision, warnings: readonly string[] = []): string[] {
  const treatment = treatmentLabel(d.treatment);
  return [
    `Decision for ${d.caseId}, version ${d.version}: ${OUTCOME_LABELS[d.outcome]}${treatment ? ` — ${treatment}` : ''}`,
    ...(d.outcome === 'defer'
      ? [`  waiting for: ${d.missing.join(', ')}${d.missingOther ? ` (${d.missingOther})` : ''}`]
      : []),
    `  at decision: ${frozenStageLine(d.atDecision)}`,
    ...(d.dissent.length ? d.dissent.map((x) => `  dissent: ${x.members.join(', ')}: ${x.reason}`) : []),
    d.signOff
      ? `  signed off by ${d.signOff.by} on ${d.signOff.at.slice(0, 10)}`
      : `  provisional: needs sign-off by a member other than ${d.recordedBy} (hcc-mdt case sign-off ${d.caseId} --by …)`,
    ...warnings.map((w) => `  warning: ${w}`),
  ];
}

function finish<T>(
  ctx: Ctx,
  caseId: string | null,
  r: Outcome<T>,
  ok: (v: T) => { json: object; text: string[] },
): number {
  if (r.status === 'not-found')
    return reportInvalid(ctx.io, ctx.json, [
      { path: '<id>', message: `no case ${caseId} in this store (hcc-mdt case list shows the cases here)` },
    ]);
  if (r.status === 'invalid')
    return reportInvalid(
      ctx.io,
      ctx.json,
      r.problems.map((p) => ({ path: p.path, message: p.message })),
    );
  const out = ok(r as T);
  if (ctx.json) writeJson(ctx.io, { ok: true, ...out.json });
  else ctx.io.stdout.write(`${out.text.join('\n')}\n`);
  return EXIT_OK;
}

export async function decisionCaseCommand(sub: CaseSub, argv: string[], io: CliIo): Promise<number> {
  const jsonWanted = argv.includes('--json');
  const parsed = parseArgs(argv, { values: [...SPEC[sub], 'db'], switches: ['json'] });
  const usage = `Usage:\n${DECISION_CASE_USAGE}`;
  if (!parsed.ok)
    return reportInvalid(io, jsonWanted, [{ path: '(arguments)', message: parsed.error }], usage);
  const { positionals, values, switches } = parsed.args;
  const json = switches.has('json');
  if (positionals.length !== 1)
    return reportInvalid(
      io,
      json,
      [{ path: '(arguments)', message: `case ${sub} needs one case ID` }],
      usage,
    );
  const caseId = readCaseId(positionals[0]!);
  // The ID is echoed only when it has the shape of one: anything else might be patient text typed by mistake.
  if (!caseId)
    return reportInvalid(io, json, [
      { path: '<id>', message: 'is not a case ID; case IDs look like HCC-7QK2M' },
    ]);
  const by = values.get('by') ?? 'cli';
  const scope = LOCAL_SCOPE;

  if (sub === 'decide') {
    const problems: Problem[] = [];
    const outcome = values.get('outcome');
    if (!outcome)
      problems.push({
        path: '--outcome',
        message: 'is needed: recommend, defer, no-active-treatment or refer',
      });
    const missing = readList('--missing', values.get('missing'), MISSING_ITEMS);
    const specialties = readList('--specialties', values.get('specialties'), SPECIALTIES, {
      radiology: 'say interventional-radiology or diagnostic-radiology',
      oncology: 'say medical-oncology or clinical-oncology',
    });
    const dissent = readDissent(values.get('dissent'));
    const pref = values.get('patient-preference');
    if (pref !== undefined && pref !== 'yes' && pref !== 'no')
      problems.push({ path: '--patient-preference', message: 'is yes or no' });
    problems.push(...missing.problems, ...specialties.problems, ...dissent.problems);
    if (problems.length > 0) return reportInvalid(io, json, problems, usage);
    const treatment = values.get('treatment');
    const form = {
      outcome: outcome as DecisionOutcome,
      ...(treatment ? { treatment: readTreatment(treatment) } : {}),
      missing: missing.items,
      ...(values.has('missing-other') ? { missingOther: values.get('missing-other') } : {}),
      ...(values.has('rationale') ? { rationale: values.get('rationale') } : {}),
      ...(pref ? { patientPreferenceDiscussed: pref === 'yes' } : {}),
      specialties: specialties.items,
      dissent: dissent.dissent,
    };
    const reason = values.get('amend');
    return withStore(io, json, values.get('db'), async (ctx) => {
      const r =
        reason === undefined
          ? await decide(ctx.deps, { caseId, scope, actor: by, form })
          : await amend(ctx.deps, { caseId, scope, actor: by, form, reason });
      return finish(ctx, caseId, r, (v) => ({
        json: { caseId, decision: { ...v.decision, signedOff: false }, warnings: v.warnings },
        text: decisionLines(v.decision, v.warnings),
      }));
    });
  }
  if (sub === 'sign-off') {
    if (!values.has('by'))
      return reportInvalid(io, json, [{ path: '--by', message: 'says who signs off, e.g. --by AB' }], usage);
    return withStore(io, json, values.get('db'), async (ctx) =>
      finish(ctx, caseId, await signOffDecision(ctx.deps, { caseId, scope, actor: by }), (v) => ({
        json: { caseId, decision: { ...v.decision, signedOff: true } },
        text: decisionLines(v.decision),
      })),
    );
  }
  if (sub === 'follow-up') {
    const problems: Problem[] = [];
    if (!values.has('due'))
      problems.push({ path: '--due', message: 'is needed, e.g. --due "in 6 weeks" or --due 2027-01-14' });
    if (!values.has('task'))
      problems.push({ path: '--task', message: 'is needed, e.g. --task "CT after 2 cycles"' });
    if (problems.length > 0) return reportInvalid(io, json, problems, usage);
    const form = {
      task: values.get('task')!,
      due: values.get('due')!,
      ...(values.has('for') ? { assignee: values.get('for') } : {}),
    };
    return withStore(io, json, values.get('db'), async (ctx) =>
      finish(ctx, caseId, await addCaseFollowUp(ctx.deps, { caseId, scope, actor: by, form }), (v) => ({
        json: { caseId, followUp: { ...v.followUp, done: false }, read: v.read, remindAt: v.remindAt },
        text: [`Follow-up for ${caseId} due ${v.followUp.due} (read as ${v.read}): ${v.followUp.task}`],
      })),
    );
  }
  if (sub === 'treated') {
    const problems: Problem[] = [];
    if (!values.has('treatment'))
      problems.push({ path: '--treatment', message: 'is needed: an option id (e.g. tace) or text' });
    if (!values.has('on'))
      problems.push({ path: '--on', message: 'is needed: the date it was given, YYYY-MM-DD' });
    if (problems.length > 0) return reportInvalid(io, json, problems, usage);
    const form = {
      treatment: readTreatment(values.get('treatment')!),
      on: values.get('on')!,
      ...(values.has('reason') ? { reason: values.get('reason') } : {}),
    };
    return withStore(io, json, values.get('db'), async (ctx) =>
      finish(ctx, caseId, await recordCaseTreatment(ctx.deps, { caseId, scope, actor: by, form }), (v) => ({
        json: { caseId, treatment: v.treatment },
        text: [
          `Treatment for ${caseId} on ${v.treatment.on}: ${treatmentLabel(v.treatment.treatment)} — ${v.treatment.concordance.replace('-', ' ')}${v.treatment.reason ? ` (${v.treatment.reason})` : ''}`,
        ],
      })),
    );
  }
  const meeting = values.get('meeting');
  return withStore(io, json, values.get('db'), async (ctx) =>
    finish(
      ctx,
      caseId,
      await scheduleCase(ctx.deps, { caseId, scope, actor: by, ...(meeting ? { meeting } : {}) }),
      (v) => ({
        json: { caseId, agendaItem: v.item },
        text: [
          `${caseId} is on the agenda for ${v.item.meeting}${v.item.late ? ' (late addition: less than 24 hours before)' : ''}`,
        ],
      }),
    ),
  );
}

const meetingsReply = (v: MeetingsView) => ({
  json: { meetings: v.settings.meetings, timezone: v.settings.timezone, next: v.next?.date ?? null },
  text: [
    v.described
      ? `Meetings ${v.described}. Next: ${v.next?.date ?? 'none'}.`
      : 'No meeting days set. Example: hcc-mdt meetings "weekly thursday 08:00"',
  ],
});

const settingsReply = (v: SettingsView & { changed?: readonly string[] }) => ({
  json: { settings: v.settings, changed: v.changed ?? [] },
  text: [
    ...(v.changed ? [v.changed.length ? `Changed: ${v.changed.join(', ')}.` : 'Nothing changed.'] : []),
    `Time zone: ${describeSetting('timezone', v.settings)}`,
    `Self-sign-off: ${describeSetting('self-sign-off', v.settings)}`,
    `Reminder hour: ${describeSetting('reminder-hour', v.settings)}`,
    `Meeting days: ${v.meetings ?? 'none'}`,
  ],
});

export const DECISION_COMMANDS = ['agenda', 'meetings', 'settings', 'follow-ups', 'report'] as const;
type TopCommand = (typeof DECISION_COMMANDS)[number];

/** `agenda`, `meetings`, `settings`, `follow-ups` and `report`. */
export async function decisionTopCommand(cmd: TopCommand, argv: string[], io: CliIo): Promise<number> {
  const jsonWanted = argv.includes('--json');
  const parsed = parseArgs(argv, { values: [...SPEC[cmd], 'db'], switches: ['json'] });
  const usage = `Usage:\n${DECISION_USAGE}`;
  if (!parsed.ok)
    return reportInvalid(io, jsonWanted, [{ path: '(arguments)', message: parsed.error }], usage);
  const { positionals, values, switches } = parsed.args;
  const json = switches.has('json');
  const scope = LOCAL_SCOPE;
  if (cmd === 'meetings') {
    if (positionals.length === 0)
      return withStore(io, json, values.get('db'), async (ctx) =>
        finish(ctx, null, { status: 'ok', ...(await meetingsOf(ctx.deps, scope)) }, meetingsReply),
      );
    const timezone = values.get('timezone') ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    return withStore(io, json, values.get('db'), async (ctx) => {
      const zone = TimeZoneSchema.safeParse(timezone);
      if (!zone.success)
        return reportInvalid(io, json, [{ path: '--timezone', message: zone.error.issues[0]!.message }]);
      return finish(
        ctx,
        null,
        await setMeetings(ctx.deps, { scope, text: positionals.join(' '), timezone: zone.data }),
        meetingsReply,
      );
    });
  }
  if (positionals.length > 0)
    return reportInvalid(io, json, [{ path: '(arguments)', message: `${cmd} takes options only` }], usage);
  if (cmd === 'settings') {
    const changes = SETTING_NAMES.flatMap((name) => {
      const value = values.get(name);
      return value === undefined ? [] : [{ name, value }];
    });
    return withStore(io, json, values.get('db'), async (ctx) => {
      if (changes.length === 0)
        return finish(
          ctx,
          null,
          { status: 'ok', ...(await channelSettings(ctx.deps, scope)) },
          settingsReply,
        );
      const r = await changeSettings(ctx.deps, { scope, changes });
      if (r.status === 'invalid')
        return reportInvalid(
          io,
          json,
          r.problems.map((p) => ({ path: `--${p.path}`, message: p.message })),
          'Example: hcc-mdt settings --self-sign-off on --reminder-hour 9 --timezone Europe/London',
        );
      return finish(ctx, null, r, settingsReply);
    });
  }
  if (cmd === 'agenda') {
    const meeting = values.get('meeting');
    return withStore(io, json, values.get('db'), async (ctx) =>
      finish(ctx, null, await agendaFor(ctx.deps, { scope, ...(meeting ? { meeting } : {}) }), (v) => ({
        json: { agenda: v.agenda },
        text: [
          `MDT agenda for ${v.agenda.meeting}: ${v.agenda.entries.length} case(s)`,
          ...v.agenda.entries.map(
            (e) =>
              `  ${e.caseId}  BCLC ${e.bclcStage ?? '—'}${e.late ? '  late' : ''}${e.returning ? '  back after deferral' : ''}  ${e.needs.length ? `needs ${e.needs.map(describeNeed).join('; ')}` : 'ready for a decision'}`,
          ),
        ],
      })),
    );
  }
  if (cmd === 'follow-ups') {
    const by = values.get('due-by');
    return withStore(io, json, values.get('db'), async (ctx) =>
      finish(ctx, null, await followUpsDue(ctx.deps, { scope, ...(by ? { by } : {}) }), (v) => ({
        json: { dueBy: v.by, followUps: v.followUps.map((f) => ({ ...f, done: false })) },
        text: [
          v.followUps.length
            ? `Follow-ups due by ${v.by}: ${v.followUps.length}`
            : `No follow-up is due by ${v.by}.`,
          ...v.followUps.map(
            (f) => `  ${f.caseId}  ${f.overdue ? `overdue since ${f.due}` : `due ${f.due}`}  ${f.task}`,
          ),
        ],
      })),
    );
  }
  const from = values.get('from');
  const to = values.get('to');
  return withStore(io, json, values.get('db'), async (ctx) =>
    finish(
      ctx,
      null,
      await channelReport(ctx.deps, { scope, ...(from ? { from } : {}), ...(to ? { to } : {}) }),
      (v) => {
        const r = v.report;
        const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)} %`);
        return {
          json: { report: r },
          text: [
            `MDT report ${r.from} to ${r.to}`,
            `  cases discussed: ${r.casesDiscussed}`,
            `  outcomes: ${Object.entries(r.outcomes)
              .map(([k, n]) => `${k} ${n}`)
              .join(', ')}`,
            `  with a recorded decision: ${r.casesWithDecision} (${pct(r.shareWithDecision)}); signed off: ${r.casesWithSignedDecision} (${pct(r.shareWithSignedDecision)})`,
            `  concordance: ${r.treatmentsConcordant} of ${r.treatmentsCompared} treatments (${pct(r.concordance)})`,
            `  median days, first discussion to decision: ${r.medianDaysToDecision ?? '—'}; decision to treatment: ${r.medianDaysDecisionToTreatment ?? '—'}`,
          ],
        };
      },
    ),
  );
}

/** What `case show --json` adds: decisions (with `signedOff`), follow-ups (with `done`) and treatments. */
export function caseDecisionJson(v: CaseDecisionView) {
  return {
    decisions: v.decisions.map((d) => ({ ...d, signedOff: d.signOff !== null })),
    followUps: v.followUps.map((f) => ({ ...f, done: isDone(f) })),
    treatments: v.treatments,
    agenda: v.agenda,
    timeline: v.timeline,
  };
}

/** What `case show` adds in text. */
export function caseDecisionLines(v: CaseDecisionView): string[] {
  const out: string[] = [];
  for (const d of v.decisions) out.push(...decisionLines(d));
  for (const f of v.followUps) out.push(`Follow-up due ${f.due}${isDone(f) ? ' (done)' : ''}: ${f.task}`);
  for (const t of v.treatments)
    out.push(
      `Treatment on ${t.on}: ${treatmentLabel(t.treatment)} — ${t.concordance.replace('-', ' ')}${t.reason ? ` (${t.reason})` : ''}`,
    );
  const tl = v.timeline;
  if (tl.firstDiscussion)
    out.push(
      `Days: first discussion ${tl.firstDiscussion} → decision ${tl.decision ?? '—'} (${tl.daysToDecision ?? '—'}) → treatment ${tl.treatment ?? '—'} (${tl.daysDecisionToTreatment ?? '—'})`,
    );
  return out.length ? ['', 'MDT:', ...out.map((l) => (l.startsWith('  ') ? l : `  ${l}`))] : [];
}
