import type { Assessment } from '../clinical/assessment.js';
import type { CaseInput } from '../clinical/caseInput.js';
import {
  type Agenda,
  type AgendaItem,
  addToAgenda,
  buildAgenda,
  type CaseFacts,
  deferralAnswered,
} from './agenda.js';
import {
  agendaPostTime,
  currentOrNextMeeting,
  describeSchedule,
  type Meeting,
  nextMeeting,
  parseMeetingSchedule,
} from './agendaSchedule.js';
import { amendDecision, type DecisionContext, recordDecision } from './decision.js';
import { type DecisionAuditEvent, decisionAuditEntry } from './decisionAudit.js';
import type { DecisionRepository } from './decisionRepository.js';
import type { Decision } from './decisionSchema.js';
import type { IdentifierScreen, Problem } from './decisionScreen.js';
import {
  applySettings,
  type ChannelSettings,
  type SettingChange,
  type SettingName,
} from './decisionSettings.js';
import { latestDecision, signOff } from './decisionSignOff.js';
import type { CaseField } from './fields.js';
import { addFollowUp, type FollowUp, markDone, type SnoozeChoice, snooze } from './followUp.js';
import { isIsoDate, localDate, localTimeOn } from './followUpDates.js';
import {
  type CaseTimeline,
  caseTimeline,
  recordTreatment,
  type TreatmentGiven,
} from './followUpTreatment.js';
import type { CaseRecord, CaseScope } from './record.js';
import { type DecisionReport, decisionReport } from './report.js';
import type { CaseRepository } from './repository.js';
import { ageOf } from './staleness.js';
import { mergedInput } from './values.js';

/**
 * Decisions, follow-ups, treatments and the agenda on the case record: each operation loads what it needs through
 * the ports, asks the pure domain, and commits the result with its audit in one transaction. The Slack doors and
 * the CLI call these and only render.
 */

export interface DecisionDeps {
  cases: CaseRepository;
  decisions: DecisionRepository;
  screen: IdentifierScreen;
  newId: () => string;
  now: () => Date;
}

export type Outcome<T> =
  | ({ status: 'ok' } & T)
  | { status: 'not-found' }
  | { status: 'invalid'; problems: Problem[]; needsReason?: boolean };

const notFound = { status: 'not-found' } as const;
const invalid = (problems: Problem[], needsReason?: boolean) =>
  ({ status: 'invalid', problems, ...(needsReason ? { needsReason } : {}) }) as const;

/** The case as decisions see it: the record, its latest assessment and merged input. */
export interface CaseState {
  record: CaseRecord;
  assessment: Assessment | null;
  input: Partial<CaseInput>;
  snapshotSeq: number | null;
}

export async function caseState(
  deps: DecisionDeps,
  caseId: string,
  scope: CaseScope,
): Promise<CaseState | null> {
  const record = await deps.cases.get(caseId, scope);
  if (!record) return null;
  const snapshots = record.lastSeq > 0 ? await deps.cases.snapshots(record.id, scope) : [];
  const last = snapshots.at(-1) ?? null;
  return {
    record,
    assessment: last?.assessment ?? null,
    input: mergedInput(record.values) as Partial<CaseInput>,
    snapshotSeq: last?.seq ?? null,
  };
}

/** Audit fields: the names of what an event set, never values. */
const decisionFields = (d: Decision) =>
  (
    [
      'outcome',
      'treatment',
      'missing',
      'rationale',
      'patientPreferenceDiscussed',
      'specialties',
      'dissent',
    ] as const
  ).filter((k) => {
    const v = d[k];
    return v !== null && !(Array.isArray(v) && v.length === 0);
  });
const entry = (e: DecisionAuditEvent, fields: readonly string[]) => [decisionAuditEntry(e, fields)];

function context(deps: DecisionDeps, state: CaseState, actor: string): DecisionContext {
  return {
    caseId: state.record.id,
    assessment: state.assessment,
    input: state.input,
    snapshotId: state.snapshotSeq === null ? null : `${state.record.id}#${state.snapshotSeq}`,
    actor,
    now: deps.now(),
    newId: deps.newId,
    screen: deps.screen,
  };
}

export async function decide(
  deps: DecisionDeps,
  req: { caseId: string; scope: CaseScope; actor: string; form: unknown },
): Promise<Outcome<{ decision: Decision; warnings: string[] }>> {
  const state = await caseState(deps, req.caseId, req.scope);
  if (!state) return notFound;
  const r = recordDecision(req.form, context(deps, state, req.actor));
  if (!r.ok) return invalid(r.problems);
  const stored = await deps.decisions.addDecision(
    req.scope,
    r.decision,
    entry(r.audit, decisionFields(r.decision)),
  );
  if (stored === 'not-found') return notFound;
  return { status: 'ok', decision: r.decision, warnings: r.warnings };
}

/** The version `id` names, or the case's decision in force when `id` is omitted. */
function pick(all: readonly Decision[], id: string | undefined): { target: Decision; latest: number } | null {
  const target = id ? all.find((d) => d.id === id) : latestDecision(all);
  if (!target) return null;
  const latest = Math.max(...all.filter((d) => d.decisionId === target.decisionId).map((d) => d.version));
  return { target, latest };
}

export async function amend(
  deps: DecisionDeps,
  req: { caseId: string; scope: CaseScope; actor: string; form: unknown; reason: string; decision?: string },
): Promise<Outcome<{ decision: Decision; warnings: string[] }>> {
  const state = await caseState(deps, req.caseId, req.scope);
  if (!state) return notFound;
  const picked = pick(await deps.decisions.decisions(req.caseId, req.scope), req.decision);
  if (!picked)
    return invalid([{ path: 'decision', message: 'the case has no decision to amend; record one first' }]);
  const r = amendDecision(
    picked.target,
    picked.latest,
    req.form,
    req.reason,
    context(deps, state, req.actor),
  );
  if (!r.ok) return invalid(r.problems);
  const stored = await deps.decisions.addDecision(
    req.scope,
    r.decision,
    entry(r.audit, [...decisionFields(r.decision), 'amendmentReason']),
  );
  if (stored === 'not-found') return notFound;
  if (stored === 'version-taken')
    return invalid([
      {
        path: 'decision',
        message: 'someone amended this decision at the same moment; look at the thread and amend again',
      },
    ]);
  return { status: 'ok', decision: r.decision, warnings: r.warnings };
}

export async function signOffDecision(
  deps: DecisionDeps,
  req: { caseId: string; scope: CaseScope; actor: string; decision?: string },
): Promise<Outcome<{ decision: Decision }>> {
  const all = await deps.decisions.decisions(req.caseId, req.scope);
  if (all.length === 0) {
    const exists = await deps.cases.get(req.caseId, req.scope);
    if (!exists) return notFound;
  }
  const picked = pick(all, req.decision);
  if (!picked) return invalid([{ path: 'decision', message: 'the case has no decision to sign off' }]);
  const settings = await deps.decisions.settings(req.scope);
  const r = signOff(picked.target, picked.latest, req.actor, deps.now(), settings, deps.screen);
  if (!r.ok) return invalid(r.problems);
  const stored = await deps.decisions.signOff(req.scope, r.decision, entry(r.audit, ['signOff']));
  if (stored === 'not-found') return notFound;
  if (stored === 'already-signed')
    return invalid([{ path: 'decision', message: 'was signed off by another member a moment ago' }]);
  return { status: 'ok', decision: r.decision };
}

export async function addCaseFollowUp(
  deps: DecisionDeps,
  req: { caseId: string; scope: CaseScope; actor: string; form: unknown },
): Promise<Outcome<{ followUp: FollowUp; read: string; remindAt: string }>> {
  const record = await deps.cases.get(req.caseId, req.scope);
  if (!record) return notFound;
  const [settings, decisions] = await Promise.all([
    deps.decisions.settings(req.scope),
    deps.decisions.decisions(req.caseId, req.scope),
  ]);
  const r = addFollowUp(req.form, {
    caseId: record.id,
    decisionId: latestDecision(decisions)?.id ?? null,
    actor: req.actor,
    now: deps.now(),
    settings,
    newId: deps.newId,
    screen: deps.screen,
  });
  if (!r.ok) return invalid(r.problems);
  const fields = ['task', 'due', ...(r.followUp.assignee ? ['assignee'] : [])];
  const stored = await deps.decisions.addFollowUp(req.scope, r.followUp, r.reminder, entry(r.audit, fields));
  if (stored === 'not-found') return notFound;
  return { status: 'ok', followUp: r.followUp, read: r.read, remindAt: r.reminder.remindAt };
}

export async function followUpDone(
  deps: DecisionDeps,
  req: { followUpId: string; scope: CaseScope; actor: string },
): Promise<Outcome<{ followUp: FollowUp }>> {
  const found = await deps.decisions.followUp(req.followUpId, req.scope);
  if (!found) return notFound;
  const r = markDone(found.followUp, found.reminders, req.actor, deps.now());
  if (!r.ok) return invalid(r.problems);
  const stored = await deps.decisions.completeFollowUp(
    req.scope,
    r.followUp,
    r.cancelled,
    entry(r.audit, ['doneAt']),
  );
  if (stored === 'not-found') return notFound;
  if (stored === 'already-done')
    return invalid([{ path: 'followUp', message: 'was marked done by someone else a moment ago' }]);
  return { status: 'ok', followUp: r.followUp };
}

export async function followUpSnooze(
  deps: DecisionDeps,
  req: { followUpId: string; scope: CaseScope; actor: string; choice: SnoozeChoice },
): Promise<Outcome<{ followUp: FollowUp; remindAt: string }>> {
  const found = await deps.decisions.followUp(req.followUpId, req.scope);
  if (!found) return notFound;
  const settings = await deps.decisions.settings(req.scope);
  const r = snooze(found.followUp, found.reminders, req.choice, req.actor, deps.now(), settings, deps.newId);
  if (!r.ok) return invalid(r.problems);
  const stored = await deps.decisions.snoozeFollowUp(
    req.scope,
    r.reminder,
    r.cancelled,
    entry(r.audit, ['remindAt']),
  );
  if (stored === 'not-found') return notFound;
  return { status: 'ok', followUp: found.followUp, remindAt: r.reminder.remindAt };
}

export async function recordCaseTreatment(
  deps: DecisionDeps,
  req: { caseId: string; scope: CaseScope; actor: string; form: unknown },
): Promise<Outcome<{ treatment: TreatmentGiven }>> {
  const record = await deps.cases.get(req.caseId, req.scope);
  if (!record) return notFound;
  const [settings, decisions] = await Promise.all([
    deps.decisions.settings(req.scope),
    deps.decisions.decisions(req.caseId, req.scope),
  ]);
  const r = recordTreatment(req.form, {
    caseId: record.id,
    decisions,
    actor: req.actor,
    now: deps.now(),
    timezone: settings.timezone,
    newId: deps.newId,
    screen: deps.screen,
  });
  if (!r.ok) return invalid(r.problems, r.needsReason);
  const fields = ['treatment', 'on', ...(r.treatment.reason ? ['reason'] : [])];
  const stored = await deps.decisions.addTreatment(req.scope, r.treatment, entry(r.audit, fields));
  if (stored === 'not-found') return notFound;
  return { status: 'ok', treatment: r.treatment };
}

/** A meeting on a given date: at the channel's meeting time when it has one, else at the start of the day. */
function meetingOn(date: string, settings: ChannelSettings): Meeting {
  const [h, m] = (settings.meetings?.time ?? '00:00').split(':').map(Number) as [number, number];
  return { date, startsAt: localTimeOn(date, h, m, settings.timezone) };
}

/** Plans the post of `meeting`'s agenda to the channel, the day before (see agendaPostTime). */
export async function planAgendaPost(
  deps: Pick<DecisionDeps, 'decisions'>,
  scope: CaseScope,
  meeting: Meeting,
  settings: ChannelSettings,
): Promise<void> {
  await deps.decisions.planAgendaPost(
    scope,
    meeting.date,
    agendaPostTime(meeting, settings.reminderHour, settings.timezone),
  );
}

export interface MeetingsView {
  settings: ChannelSettings;
  /** The schedule in words, or null when the channel has none. */
  described: string | null;
  next: Meeting | null;
}

/** The channel's meeting days as they stand (`/hcc meetings` with nothing after it). */
export async function meetingsOf(deps: DecisionDeps, scope: CaseScope): Promise<MeetingsView> {
  const settings = await deps.decisions.settings(scope);
  const s = settings.meetings;
  return {
    settings,
    described: s ? describeSchedule(s, settings.timezone) : null,
    next: s ? nextMeeting(s, deps.now(), settings.timezone) : null,
  };
}

/** Sets the channel's meeting days and plans the next meeting's agenda post. */
export async function setMeetings(
  deps: DecisionDeps,
  req: { scope: CaseScope; text: string; timezone?: string },
): Promise<Outcome<MeetingsView & { described: string }>> {
  const parsed = parseMeetingSchedule(req.text);
  if (!parsed.ok) return invalid([parsed.problem]);
  const current = await deps.decisions.settings(req.scope);
  const settings: ChannelSettings = {
    ...current,
    ...(req.timezone ? { timezone: req.timezone } : {}),
    meetings: parsed.schedule,
  };
  await deps.decisions.saveSettings(req.scope, settings, deps.now());
  const next = nextMeeting(parsed.schedule, deps.now(), settings.timezone);
  if (next) await planAgendaPost(deps, req.scope, next, settings);
  return {
    status: 'ok',
    settings,
    described: describeSchedule(parsed.schedule, settings.timezone),
    next,
  };
}

export interface SettingsView {
  settings: ChannelSettings;
  /** The meeting days in words, or null when the channel has none. */
  meetings: string | null;
}

const settingsView = (settings: ChannelSettings): SettingsView => ({
  settings,
  meetings: settings.meetings ? describeSchedule(settings.meetings, settings.timezone) : null,
});

/** The channel's settings as they stand (`/hcc settings`, `hcc-mdt settings`). */
export async function channelSettings(deps: DecisionDeps, scope: CaseScope): Promise<SettingsView> {
  return settingsView(await deps.decisions.settings(scope));
}

/**
 * Changes the channel's settings by name (self-sign-off, reminder hour, time zone), saved only when one differs.
 * The next meeting's day-before agenda post moves with the reminder hour and the zone; reminders already planned
 * keep their time.
 */
export async function changeSettings(
  deps: DecisionDeps,
  req: { scope: CaseScope; changes: readonly SettingChange[] },
): Promise<Outcome<SettingsView & { changed: SettingName[] }>> {
  const current = await deps.decisions.settings(req.scope);
  const r = applySettings(current, req.changes);
  if (!r.ok) return invalid(r.problems);
  if (r.changed.length > 0) {
    await deps.decisions.saveSettings(req.scope, r.settings, deps.now());
    const next = r.settings.meetings
      ? nextMeeting(r.settings.meetings, deps.now(), r.settings.timezone)
      : null;
    if (next && r.changed.some((n) => n !== 'self-sign-off'))
      await planAgendaPost(deps, req.scope, next, r.settings);
  }
  return { status: 'ok', ...settingsView(r.settings), changed: r.changed };
}

/** Puts a case on the agenda of `meeting` (YYYY-MM-DD), or of the channel's next meeting. */
export async function scheduleCase(
  deps: DecisionDeps,
  req: { caseId: string; scope: CaseScope; actor: string; meeting?: string; source?: AgendaItem['source'] },
): Promise<Outcome<{ item: AgendaItem }>> {
  const record = await deps.cases.get(req.caseId, req.scope);
  if (!record) return notFound;
  const settings = await deps.decisions.settings(req.scope);
  const now = deps.now();
  let meeting: Meeting | null;
  if (req.meeting !== undefined) {
    if (!isIsoDate(req.meeting))
      return invalid([
        { path: 'meeting', message: `'${req.meeting}' is not a date written YYYY-MM-DD, e.g. 2026-12-10` },
      ]);
    if (req.meeting < localDate(now, settings.timezone))
      return invalid([{ path: 'meeting', message: `${req.meeting} has passed` }]);
    meeting = meetingOn(req.meeting, settings);
  } else {
    meeting = settings.meetings ? nextMeeting(settings.meetings, now, settings.timezone) : null;
    if (!meeting)
      return invalid([
        {
          path: 'meeting',
          message: settings.meetings
            ? 'the channel has no meeting left on its list; add dates with `/hcc meetings`'
            : 'the channel has no meeting days yet; set them with `/hcc meetings weekly thursday 08:00`, or give a date',
        },
      ]);
  }
  const existing = await deps.decisions.agendaItems(req.caseId, req.scope);
  const r = addToAgenda(record.id, meeting, existing, {
    actor: req.actor,
    now,
    newId: deps.newId,
    ...(req.source ? { source: req.source } : {}),
  });
  if (!r.ok) return invalid(r.problems);
  const stored = await deps.decisions.addAgendaItem(req.scope, r.item, entry(r.audit, ['meeting']));
  if (stored === 'not-found') return notFound;
  if (stored === 'already-listed')
    return invalid([
      { path: 'meeting', message: `${record.id} is already on the agenda for ${meeting.date}` },
    ]);
  // The list goes to the channel the day before its meeting, in channels that have meeting days.
  if (settings.meetings) await planAgendaPost(deps, req.scope, meeting, settings);
  return { status: 'ok', item: r.item };
}

/** What the agenda and the worklist know about one case. */
export async function caseFacts(deps: DecisionDeps, state: CaseState, scope: CaseScope): Promise<CaseFacts> {
  const now = deps.now();
  const statedAt: Partial<Record<CaseField, string>> = {};
  const stale: CaseField[] = [];
  for (const [field, v] of Object.entries(state.record.values) as [CaseField, { statedAt: string }][]) {
    statedAt[field] = v.statedAt;
    if (ageOf(field, new Date(v.statedAt), now).stale) stale.push(field);
  }
  return {
    caseId: state.record.id,
    bclcStage: state.assessment?.bclc?.stage ?? null,
    input: state.input,
    statedAt,
    stale,
    decisions: await deps.decisions.decisions(state.record.id, scope),
  };
}

/**
 * After new data arrived on a case: when its decision in force is a deferral whose data items have all been stated
 * since, it goes back on the channel's next meeting (unless already listed there).
 */
export async function returnIfDeferralAnswered(
  deps: DecisionDeps,
  req: { caseId: string; scope: CaseScope; actor: string },
): Promise<AgendaItem | null> {
  // Most cases have no deferral in force: the decisions alone say so, before the snapshots are read.
  if (latestDecision(await deps.decisions.decisions(req.caseId, req.scope))?.outcome !== 'defer') return null;
  const state = await caseState(deps, req.caseId, req.scope);
  if (!state) return null;
  const facts = await caseFacts(deps, state, req.scope);
  if (!deferralAnswered(facts).answered) return null;
  const settings = await deps.decisions.settings(req.scope);
  const next = settings.meetings ? nextMeeting(settings.meetings, deps.now(), settings.timezone) : null;
  if (!next) return null;
  const r = await scheduleCase(deps, { ...req, meeting: next.date, source: 'deferral' });
  return r.status === 'ok' ? r.item : null;
}

export async function agendaFor(
  deps: DecisionDeps,
  req: { scope: CaseScope; meeting?: string },
): Promise<Outcome<{ agenda: Agenda; startsAt: Date | null; settings: ChannelSettings }>> {
  const settings = await deps.decisions.settings(req.scope);
  let date = req.meeting;
  let startsAt: Date | null = null;
  if (date !== undefined && !isIsoDate(date))
    return invalid([
      { path: 'meeting', message: `'${date}' is not a date written YYYY-MM-DD, e.g. 2026-12-10` },
    ]);
  if (date === undefined) {
    const m = settings.meetings
      ? currentOrNextMeeting(settings.meetings, deps.now(), settings.timezone)
      : null;
    if (!m)
      return invalid([
        {
          path: 'meeting',
          message:
            'the channel has no meeting days; set them (`/hcc meetings weekly thursday 08:00`) or give a date',
        },
      ]);
    date = m.date;
    startsAt = m.startsAt;
  } else if (settings.meetings) startsAt = meetingOn(date, settings).startsAt;
  const items = await deps.decisions.agenda(req.scope, date);
  const facts = new Map<string, CaseFacts>();
  for (const item of items) {
    const state = await caseState(deps, item.caseId, req.scope);
    if (state) facts.set(item.caseId, await caseFacts(deps, state, req.scope));
  }
  return { status: 'ok', agenda: buildAgenda(date, items, facts, settings.timezone), startsAt, settings };
}

/** Open follow-ups due on or before `by` (default: today in the channel's zone), each marked overdue or not. */
export async function followUpsDue(
  deps: DecisionDeps,
  req: { scope: CaseScope; by?: string },
): Promise<Outcome<{ by: string; followUps: (FollowUp & { overdue: boolean })[] }>> {
  const settings = await deps.decisions.settings(req.scope);
  const today = localDate(deps.now(), settings.timezone);
  const by = req.by ?? today;
  if (!isIsoDate(by))
    return invalid([
      { path: 'due-by', message: `'${by}' is not a date written YYYY-MM-DD, e.g. 2026-12-10` },
    ]);
  const due = await deps.decisions.followUpsDueBy(req.scope, by);
  return { status: 'ok', by, followUps: due.map((f) => ({ ...f, overdue: f.due < today })) };
}

/** Everything `case show` adds about decisions. */
export interface CaseDecisionView {
  decisions: Decision[];
  followUps: FollowUp[];
  treatments: TreatmentGiven[];
  agenda: AgendaItem[];
  timeline: CaseTimeline;
}

export async function caseDecisionView(
  deps: DecisionDeps,
  caseId: string,
  scope: CaseScope,
): Promise<CaseDecisionView> {
  const [decisions, followUps, treatments, agenda, settings] = await Promise.all([
    deps.decisions.decisions(caseId, scope),
    deps.decisions.followUps(caseId, scope),
    deps.decisions.treatments(caseId, scope),
    deps.decisions.agendaItems(caseId, scope),
    deps.decisions.settings(scope),
  ]);
  const today = localDate(deps.now(), settings.timezone);
  return {
    decisions,
    followUps,
    treatments,
    agenda,
    timeline: caseTimeline(
      { meetingDates: agenda.map((a) => a.meeting), decisions, treatments },
      settings.timezone,
      today,
    ),
  };
}

/** The audit report for one channel (scope). `from`/`to` default to the last 365 days. */
export async function channelReport(
  deps: DecisionDeps,
  req: { scope: CaseScope; from?: string; to?: string },
): Promise<Outcome<{ report: DecisionReport }>> {
  const settings = await deps.decisions.settings(req.scope);
  const today = localDate(deps.now(), settings.timezone);
  const to = req.to ?? today;
  const from = req.from ?? localDate(new Date(deps.now().getTime() - 365 * 86_400_000), settings.timezone);
  const problems: Problem[] = [];
  for (const [path, v] of [
    ['from', from],
    ['to', to],
  ] as const)
    if (!isIsoDate(v))
      problems.push({ path, message: `'${v}' is not a date written YYYY-MM-DD, e.g. 2026-01-01` });
  if (problems.length === 0 && from > to) problems.push({ path: 'from', message: `${from} is after ${to}` });
  if (problems.length > 0) return invalid(problems);
  const list = await deps.cases.list(req.scope);
  const cases = [];
  for (const c of list) {
    const v = await caseDecisionView(deps, c.id, req.scope);
    cases.push({
      caseId: c.id,
      meetingDates: v.agenda.map((a) => a.meeting),
      decisions: v.decisions,
      treatments: v.treatments,
    });
  }
  return { status: 'ok', report: decisionReport(cases, { from, to }, settings.timezone, today) };
}
