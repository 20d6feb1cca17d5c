import type { WebClient } from '@slack/web-api';
import type { DecisionRepository, DueReminders } from '../../cases/decisionRepository.js';
import { reminderSentAudit } from '../../cases/followUp.js';
import { localDate } from '../../cases/followUpDates.js';
import type { AppLogger } from '../log.js';
import { reminderMessage } from './reminderMessage.js';

/**
 * Posts due reminders into their case threads. Every replica polls; the due-table hands each reminder to one of
 * them (claimed in a transaction, with a lease), the reminder is posted, then marked sent with its audit entry. A
 * replica that dies between claim and post leaves the reminder to be claimed again when the lease runs out:
 * nothing is lost across a restart, and a reminder marked sent is never posted again.
 */

/** Long enough for a post and its retries; short enough that a crash delays a reminder by minutes, not hours. */
export const REMINDER_LEASE_MS = 5 * 60_000;

export interface ReminderPollerDeps {
  reminders: DueReminders & Pick<DecisionRepository, 'settings'>;
  client: WebClient;
  log: AppLogger;
  /** This replica's name in the due-table. */
  claimer?: string;
  now?: () => Date;
}

/** One poll: claims what is due, posts it, marks it sent. Returns how many were posted. */
export async function pollReminders(deps: ReminderPollerDeps): Promise<number> {
  const claimer = deps.claimer ?? `replica-${process.pid}`;
  const now = (deps.now ?? (() => new Date()))();
  const due = await deps.reminders.claimDue(now, claimer, REMINDER_LEASE_MS, 20);
  let posted = 0;
  for (const d of due) {
    const start = performance.now();
    const fields = {
      event: 'reminder',
      team: d.scope.teamId,
      channel: d.scope.channelId,
      caseId: d.reminder.caseId,
    };
    try {
      const settings = await deps.reminders.settings(d.scope);
      const message = reminderMessage(d.followUp, localDate(now, settings.timezone));
      await deps.client.chat.postMessage({
        channel: d.scope.channelId,
        ...(d.threadTs ? { thread_ts: d.threadTs } : {}),
        text: message.text,
        blocks: message.blocks,
      });
      // The row's sent_at is the record that it went out; the audit entry is written with it.
      const at = new Date();
      await deps.reminders.markSent(d.reminder.id, claimer, at, d.scope, reminderSentAudit(d.reminder, at));
      posted++;
      deps.log.info('handled', {
        ...fields,
        outcome: 'reminder-posted',
        ms: Math.round(performance.now() - start),
      });
    } catch (err) {
      // Left claimed: after the lease another poll (here or on another replica) tries again.
      deps.log.warn('reminder failed', {
        ...fields,
        outcome: 'error',
        code: err instanceof Error ? err.name : 'unknown',
      });
    }
  }
  return posted;
}
