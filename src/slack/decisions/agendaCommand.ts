import type { ActionsBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { describeMeeting } from '../../cases/agendaSchedule.js';
import { agendaFor, type MeetingsView, meetingsOf, setMeetings } from '../../cases/decisionService.js';
import { canonicalTimeZone } from '../../cases/decisionSettings.js';
import type { CaseScope } from '../../cases/record.js';
import { enforceBlockKitLimits } from '../../render/limits.js';
import type { SlackMessage } from '../../render/slackMessage.js';
import { isChannelMember } from '../actions/caseButtons.js';
import type { CaseStoreDeps } from '../caseThread.js';
import { noticeMessage } from '../deliver.js';
import { ACTION_POST_AGENDA, type AgendaButtonValue } from './actions.js';
import { agendaMessage } from './agendaMessage.js';
import { button } from './decisionMessage.js';
import { serviceDeps } from './decisionServices.js';
import { settingsCommand } from './settingsCommand.js';

/**
 * `/hcc meetings [schedule] [zone]`, `/hcc agenda [YYYY-MM-DD]` and `/hcc settings [name value]`: the channel's
 * meeting days, the agenda and its settings, on the same case layer as `hcc-mdt meetings`, `agenda` and
 * `settings`. All answer privately; the agenda carries a button that posts it to the channel, and a changed
 * setting is announced there. Only the channel's members get an answer about its meetings or settings.
 */

const NO_STORE = 'Meetings, the agenda and settings need the case store; this installation runs without one.';
const NOT_MEMBER = "The channel's meetings, agenda and settings are for its members only.";

export const CHANNEL_ACTIONS = ['meetings', 'agenda', 'settings'] as const;

export interface ChannelCommand {
  action: (typeof CHANNEL_ACTIONS)[number];
  rest: string;
  scope: CaseScope;
  user: string;
  client: WebClient;
}

/** The private reply, what to announce in the channel (a changed setting), and the outcome to log. */
export async function channelCommand(
  store: CaseStoreDeps | undefined,
  c: ChannelCommand,
): Promise<{ message: SlackMessage; announce?: SlackMessage; outcome: string }> {
  const svc = store ? serviceDeps(store) : null;
  if (!svc) return { message: noticeMessage(NO_STORE), outcome: 'no-store' };
  if (!(await isChannelMember(c.client, c.scope.channelId, c.user)))
    return { message: noticeMessage(NOT_MEMBER), outcome: 'not-member' };
  if (c.action === 'settings') return settingsCommand(svc, c);
  const problems = (p: readonly { message: string }[]) => p.map((x) => x.message).join('\n');

  if (c.action === 'meetings') {
    if (c.rest === '')
      return { message: meetingsNotice(await meetingsOf(svc, c.scope)), outcome: 'meetings' };
    // A time zone may close the schedule: "weekly thursday 08:00 Europe/London".
    const words = c.rest.split(/\s+/);
    const zone = canonicalTimeZone(words.at(-1) ?? '');
    const text = zone ? words.slice(0, -1).join(' ') : c.rest;
    const r = await setMeetings(svc, { scope: c.scope, text, ...(zone ? { timezone: zone } : {}) });
    if (r.status !== 'ok')
      return {
        message: noticeMessage(r.status === 'invalid' ? problems(r.problems) : NO_STORE),
        outcome: 'meetings-invalid',
      };
    return { message: meetingsNotice(r, true), outcome: 'meetings-set' };
  }

  const date = c.rest.split(/\s+/)[0] ?? '';
  const r = await agendaFor(svc, { scope: c.scope, ...(date ? { meeting: date } : {}) });
  if (r.status !== 'ok')
    return {
      message: noticeMessage(r.status === 'invalid' ? problems(r.problems) : NO_STORE),
      outcome: 'agenda-invalid',
    };
  const message = agendaMessage(r.agenda, describeMeeting(r.agenda.meeting, r.startsAt, r.settings.timezone));
  if (r.agenda.entries.length === 0) return { message, outcome: 'agenda-empty' };
  const post: ActionsBlock = {
    type: 'actions',
    block_id: `agenda_actions_${r.agenda.meeting}`,
    elements: [
      button('Post to channel', ACTION_POST_AGENDA, {
        meeting: r.agenda.meeting,
      } satisfies AgendaButtonValue),
    ],
  };
  return {
    message: enforceBlockKitLimits({ text: message.text, blocks: [...message.blocks, post] }),
    outcome: 'agenda',
  };
}

function meetingsNotice(v: MeetingsView, set = false): SlackMessage {
  if (!v.described)
    return noticeMessage(
      'No meeting days are set for this channel. Set them with `/hcc meetings weekly thursday 08:00 Europe/London` (or a list of dates, then the time).',
    );
  const next = v.next ? ` Next: ${describeMeeting(v.next.date, v.next.startsAt, v.settings.timezone)}.` : '';
  return noticeMessage(
    `${set ? 'Meetings set' : 'This channel meets'} ${v.described}.${next} The agenda is posted here the day before; a time zone after the time changes the channel's zone.`,
  );
}
