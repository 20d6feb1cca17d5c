import { agendaFor, type DecisionDeps } from './decisionService.js';
import { latestDecision } from './decisionSignOff.js';
import { localDate } from './followUpDates.js';

/**
 * A person's worklist across the channels they are a member of: cases on an agenda still awaiting a decision,
 * decisions awaiting sign-off, follow-ups due or overdue, and each channel's next meeting. The door decides which
 * channels the person may see (membership) and passes only those: nothing here looks beyond them.
 */

export interface WorklistModel {
  awaitingDecision: { channelId: string; caseId: string; detail: string }[];
  awaitingSignOff: { channelId: string; caseId: string; recordedOn: string; version: number }[];
  followUps: { channelId: string; caseId: string; task: string; due: string; overdue: boolean }[];
  agendas: { channelId: string; meeting: string; cases: { caseId: string; ready: boolean }[] }[];
}

export async function worklistFor(
  deps: DecisionDeps,
  teamId: string,
  channels: readonly string[],
): Promise<WorklistModel> {
  const w: WorklistModel = { awaitingDecision: [], awaitingSignOff: [], followUps: [], agendas: [] };
  for (const channelId of channels) {
    const scope = { teamId, channelId };
    const settings = await deps.decisions.settings(scope);
    const today = localDate(deps.now(), settings.timezone);
    for (const c of await deps.cases.list(scope)) {
      const [decisions, listed] = await Promise.all([
        deps.decisions.decisions(c.id, scope),
        deps.decisions.agendaItems(c.id, scope),
      ]);
      const latest = latestDecision(decisions);
      if (latest && latest.signOff === null)
        w.awaitingSignOff.push({
          channelId,
          caseId: c.id,
          recordedOn: localDate(new Date(latest.recordedAt), settings.timezone),
          version: latest.version,
        });
      // Listed for a meeting, and no decision recorded since it was listed.
      const last = [...listed].sort((a, b) => a.addedAt.localeCompare(b.addedAt)).at(-1);
      if (last && (!latest || latest.recordedAt < last.addedAt))
        w.awaitingDecision.push({
          channelId,
          caseId: c.id,
          detail: `${last.meeting < today ? 'was on the agenda of' : 'on the agenda for'} ${last.meeting}${last.source === 'deferral' ? ', back after a deferral' : ''}`,
        });
    }
    for (const f of await deps.decisions.followUpsDueBy(scope, today))
      w.followUps.push({ channelId, caseId: f.caseId, task: f.task, due: f.due, overdue: f.due < today });
    if (settings.meetings) {
      const r = await agendaFor(deps, { scope });
      if (r.status === 'ok')
        w.agendas.push({
          channelId,
          meeting: r.agenda.meeting,
          cases: r.agenda.entries.map((e) => ({ caseId: e.caseId, ready: e.needs.length === 0 })),
        });
    }
  }
  return w;
}
