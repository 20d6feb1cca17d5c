import type { Agenda } from './agenda.js';
import { describeMeeting, meetingAfter } from './agendaSchedule.js';
import type { AuditEntry } from './audit.js';
import { APP_ACTOR, decisionAuditEntry } from './decisionAudit.js';
import type { DueAgenda } from './decisionRepository.js';
import { agendaFor, type DecisionDeps, planAgendaPost } from './decisionService.js';
import { localDate } from './followUpDates.js';
import type { CaseScope } from './record.js';

/**
 * Posting a meeting's agenda to its channel the day before: what a claimed row of the agenda due-table becomes,
 * what the post writes to the audit, and the next meeting's post planned after it.
 */

export type AgendaToPost =
  | { kind: 'post'; agenda: Agenda; title: string }
  /** Not posted: nothing is listed (a case added later plans it again), or the meeting has already started. */
  | { kind: 'drop'; reason: 'empty' | 'started' };

/** The agenda of a claimed row, built from what is listed now, or why it is not posted. */
export async function agendaToPost(deps: DecisionDeps, due: DueAgenda): Promise<AgendaToPost> {
  const r = await agendaFor(deps, { scope: due.scope, meeting: due.meeting });
  if (r.status !== 'ok') return { kind: 'drop', reason: 'empty' };
  const now = deps.now();
  const started = r.startsAt
    ? r.startsAt.getTime() <= now.getTime()
    : due.meeting <= localDate(now, r.settings.timezone);
  if (started) return { kind: 'drop', reason: 'started' };
  if (r.agenda.entries.length === 0) return { kind: 'drop', reason: 'empty' };
  return {
    kind: 'post',
    agenda: r.agenda,
    title: describeMeeting(r.agenda.meeting, r.startsAt, r.settings.timezone),
  };
}

/** One audit entry per listed case: the agenda naming it went to the channel, posted by `actor`. */
export function agendaPostedAudit(agenda: Agenda, actor: string, at: Date): AuditEntry[] {
  return agenda.entries.map((e) =>
    decisionAuditEntry(
      { action: 'agenda.posted', caseId: e.caseId, subjectId: agenda.meeting, actor, at: at.toISOString() },
      ['meeting'],
    ),
  );
}

/** The audit of an agenda the app posted on its own the day before. */
export const scheduledPostAudit = (agenda: Agenda, at: Date) => agendaPostedAudit(agenda, APP_ACTOR, at);

/** After a meeting's row is posted or dropped: plans the post of the channel's next meeting after it. */
export async function planFollowingAgenda(
  deps: DecisionDeps,
  scope: CaseScope,
  meeting: string,
): Promise<void> {
  const settings = await deps.decisions.settings(scope);
  if (!settings.meetings) return;
  const next = meetingAfter(settings.meetings, meeting, deps.now(), settings.timezone);
  if (next) await planAgendaPost(deps, scope, next, settings);
}
