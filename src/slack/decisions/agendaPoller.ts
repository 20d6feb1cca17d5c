import type { WebClient } from '@slack/web-api';
import { agendaToPost, planFollowingAgenda, scheduledPostAudit } from '../../cases/agendaPosts.js';
import type { DueAgendas } from '../../cases/decisionRepository.js';
import type { DecisionDeps } from '../../cases/decisionService.js';
import type { AppLogger } from '../log.js';
import { agendaMessage } from './agendaMessage.js';

/**
 * Posts each meeting's agenda to its channel the day before, as the reminder poller posts reminders: the agenda
 * due-table hands each row to one replica (claimed in a transaction, with a lease); the agenda is built from what
 * is listed at that moment, posted, then marked posted with one audit entry per case. An agenda with nothing
 * listed, or whose meeting has started, is not posted. Either way the channel's next meeting is planned.
 */

export const AGENDA_LEASE_MS = 5 * 60_000;

export interface AgendaPollerDeps {
  /** The case layer (its clock is the poll's "now"). */
  svc: DecisionDeps;
  agendas: DueAgendas;
  client: WebClient;
  log: AppLogger;
  claimer?: string;
}

/** One poll: claims the agendas due, posts them, marks them posted. Returns how many were posted. */
export async function pollAgendas(deps: AgendaPollerDeps): Promise<number> {
  const claimer = deps.claimer ?? `replica-${process.pid}`;
  const due = await deps.agendas.claimDueAgendas(deps.svc.now(), claimer, AGENDA_LEASE_MS, 20);
  let posted = 0;
  for (const d of due) {
    const start = performance.now();
    const fields = { event: 'agenda', team: d.scope.teamId, channel: d.scope.channelId };
    try {
      const next = await agendaToPost(deps.svc, d);
      if (next.kind === 'drop') {
        await deps.agendas.dropAgendaPost(d, claimer);
      } else {
        const message = agendaMessage(next.agenda, next.title);
        await deps.client.chat.postMessage({
          channel: d.scope.channelId,
          text: message.text,
          blocks: message.blocks,
        });
        const at = deps.svc.now();
        await deps.agendas.markAgendaPosted(d, claimer, at, scheduledPostAudit(next.agenda, at));
        posted++;
      }
      await planFollowingAgenda(deps.svc, d.scope, d.meeting);
      deps.log.info('handled', {
        ...fields,
        outcome: next.kind === 'post' ? 'agenda-posted' : `agenda-${next.reason}`,
        ms: Math.round(performance.now() - start),
      });
    } catch (err) {
      // Left claimed: after the lease another poll (here or on another replica) tries again.
      deps.log.warn('agenda failed', {
        ...fields,
        outcome: 'error',
        code: err instanceof Error ? err.name : 'unknown',
      });
    }
  }
  return posted;
}
