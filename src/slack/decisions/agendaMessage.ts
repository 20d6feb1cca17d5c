import type { ActionsBlock, KnownBlock } from '@slack/types';
import { type Agenda, type AgendaEntry, describeNeed } from '../../cases/agenda.js';
import { enforceBlockKitLimits } from '../../render/limits.js';
import { context, esc, header, packLines, section } from '../../render/mrkdwn.js';
import type { SlackMessage } from '../../render/slackMessage.js';
import { ACTION_ADD_FOLLOW_UP, ACTION_ADD_TO_MEETING, ACTION_RECORD_DECISION } from './actions.js';
import { button, who } from './decisionMessage.js';

/** The agenda of one meeting: each case with its stage and what it still needs for a decision. */

export function agendaLine(e: AgendaEntry): string {
  const flags = [e.late ? 'late addition' : null, e.returning ? 'back after a deferral' : null].filter(
    Boolean,
  );
  const needs =
    e.needs.length === 0
      ? ':white_check_mark: ready for a decision'
      : `needs ${e.needs.map((n) => esc(describeNeed(n))).join('; ')}`;
  return `• *${e.caseId}* · ${e.bclcStage ? `BCLC ${e.bclcStage}` : 'not staged'}${flags.length ? ` _(${flags.join(', ')})_` : ''} — ${needs}`;
}

/** The agenda message; `postedBy` names who posted it to the channel (the app's own post the day before has none). */
export function agendaMessage(agenda: Agenda, when: string, postedBy?: string): SlackMessage {
  const n = agenda.entries.length;
  const ready = agenda.entries.filter((e) => e.needs.length === 0).length;
  const blocks: KnownBlock[] = [header(`MDT agenda · ${when}`)];
  if (n === 0) {
    blocks.push(section('No cases are listed yet. Use *Add to next meeting* on a case card.'));
  } else {
    for (const text of packLines(agenda.entries.map(agendaLine), 2900)) blocks.push(section(text));
    blocks.push(
      context(
        `${n} case${n === 1 ? '' : 's'} · ${ready} ready · cases added less than 24 hours before the meeting are marked late.`,
      ),
    );
  }
  if (postedBy) blocks.push(context(`Posted by ${who(postedBy)}`));
  return enforceBlockKitLimits({
    text: `MDT agenda for ${agenda.meeting}: ${n} case${n === 1 ? '' : 's'}`,
    blocks,
  });
}

/** The case card's decision buttons (the case card itself belongs to the case record). */
export function caseDecisionActions(caseId: string): ActionsBlock {
  const v = { caseId };
  return {
    type: 'actions',
    block_id: `case_decision_actions_${caseId}`.slice(0, 255),
    elements: [
      button('Record decision', ACTION_RECORD_DECISION, v, 'primary'),
      button('Add to next meeting', ACTION_ADD_TO_MEETING, v),
      button('Add follow-up', ACTION_ADD_FOLLOW_UP, v),
    ],
  };
}
