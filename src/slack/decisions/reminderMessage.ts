import type { Button } from '@slack/types';
import type { FollowUp } from '../../cases/followUp.js';
import { enforceBlockKitLimits } from '../../render/limits.js';
import { context, esc, section } from '../../render/mrkdwn.js';
import type { SlackMessage } from '../../render/slackMessage.js';
import {
  ACTION_REMINDER_DONE,
  ACTION_REMINDER_SNOOZE_DAY,
  ACTION_REMINDER_SNOOZE_WEEK,
  type ReminderButtonValue,
} from './actions.js';
import { who } from './decisionMessage.js';

/** The reminder posted in the case thread on a follow-up's day, with *Done* and *Snooze*. */

const btn = (text: string, actionId: string, value: ReminderButtonValue, style?: 'primary'): Button => ({
  type: 'button',
  text: { type: 'plain_text', text, emoji: true },
  action_id: actionId,
  value: JSON.stringify(value),
  ...(style ? { style } : {}),
});

export function reminderMessage(f: FollowUp, today: string): SlackMessage {
  const overdue = f.due < today;
  const when = overdue ? `was due ${f.due}` : `is due today (${f.due})`;
  const value = { caseId: f.caseId, followUp: f.id };
  return enforceBlockKitLimits({
    // The fallback shows in notifications: the case and the date, not the task text.
    text: `Follow-up for ${f.caseId} ${when}`,
    blocks: [
      section(
        `:alarm_clock: *Follow-up ${when}*\n${esc(f.task)}${f.assignee ? `\nFor ${who(f.assignee)}` : ''}`,
      ),
      context(`Case ${f.caseId} · added by ${who(f.createdBy)} on ${f.createdAt.slice(0, 10)}`),
      {
        type: 'actions',
        block_id: `reminder_${f.id}`.slice(0, 255),
        elements: [
          btn('Done', ACTION_REMINDER_DONE, value, 'primary'),
          btn('Snooze to next working day', ACTION_REMINDER_SNOOZE_DAY, value),
          btn('Snooze a week', ACTION_REMINDER_SNOOZE_WEEK, value),
        ],
      },
    ],
  });
}

/** What replaces the reminder once someone presses Done or Snooze (the buttons go, the record stays). */
export function reminderSettled(
  f: FollowUp,
  outcome: { done: true } | { done: false; until: string },
  by: string,
): SlackMessage {
  const line = outcome.done
    ? `:white_check_mark: Done — marked by ${who(by)}`
    : `:zzz: Snoozed by ${who(by)} until ${outcome.until}`;
  return enforceBlockKitLimits({
    text: `Follow-up for ${f.caseId}: ${outcome.done ? 'done' : 'snoozed'}`,
    blocks: [section(`*Follow-up due ${f.due}*\n${esc(f.task)}`), context(line)],
  });
}
