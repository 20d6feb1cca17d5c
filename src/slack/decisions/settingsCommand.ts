import {
  changeSettings,
  channelSettings,
  type DecisionDeps,
  type SettingsView,
} from '../../cases/decisionService.js';
import { describeSetting, type SettingName } from '../../cases/decisionSettings.js';
import type { CaseScope } from '../../cases/record.js';
import type { SlackMessage } from '../../render/slackMessage.js';
import { noticeMessage } from '../deliver.js';

/**
 * `/hcc settings [self-sign-off on|off | reminder-hour 9 | timezone Europe/London]`: the channel's settings, shown
 * privately, or one of them changed, on the same case layer as `hcc-mdt settings`. A change is also announced in
 * the channel in one line naming who changed what, because self-sign-off weakens the second-clinician check.
 */

const LABEL: Record<SettingName, string> = {
  'self-sign-off': 'self-sign-off',
  'reminder-hour': 'reminder hour',
  timezone: 'time zone',
};

const EXAMPLES =
  'Change one with `/hcc settings self-sign-off on`, `/hcc settings reminder-hour 9` or `/hcc settings timezone Europe/London`.';

function settingsNotice(v: SettingsView, title = "*This channel's settings*"): SlackMessage {
  const s = v.settings;
  return noticeMessage(
    [
      title,
      `• Time zone: ${describeSetting('timezone', s)}`,
      `• Self-sign-off: ${describeSetting('self-sign-off', s)} — ${s.selfSignOff ? 'the member who records a decision may sign it off' : 'a second member signs off each decision'}`,
      `• Reminder hour: ${describeSetting('reminder-hour', s)} — follow-up reminders on their day, the agenda the day before`,
      `• Meeting days: ${v.meetings ?? 'none (`/hcc meetings weekly thursday 08:00`)'}`,
      EXAMPLES,
    ].join('\n'),
  );
}

/** What a change adds after its value in the channel's line. */
const CONSEQUENCE: Partial<Record<SettingName, (v: SettingsView) => string>> = {
  'self-sign-off': (v) =>
    v.settings.selfSignOff
      ? ' (the member who records a decision may now sign it off)'
      : ' (a second member signs off each decision)',
};

/** The private reply, the line announced in the channel when a setting changed, and the outcome to log. */
export async function settingsCommand(
  svc: DecisionDeps,
  c: { rest: string; scope: CaseScope; user: string },
): Promise<{ message: SlackMessage; announce?: SlackMessage; outcome: string }> {
  if (c.rest === '')
    return { message: settingsNotice(await channelSettings(svc, c.scope)), outcome: 'settings' };
  const [, name = '', value = ''] = /^(\S+)\s*([\s\S]*)$/.exec(c.rest) ?? [];
  const r = await changeSettings(svc, { scope: c.scope, changes: [{ name, value }] });
  if (r.status !== 'ok') {
    const problems = r.status === 'invalid' ? r.problems : [];
    const lines = problems.map(
      (p) => `${p.path === 'setting' ? 'The setting' : `\`${p.path}\``} ${p.message}.`,
    );
    return { message: noticeMessage([...lines, EXAMPLES].join('\n')), outcome: 'settings-invalid' };
  }
  const [changed] = r.changed;
  if (!changed)
    return {
      message: settingsNotice(r, "Nothing changed: it is set so already. *This channel's settings*"),
      outcome: 'settings-unchanged',
    };
  const what = `${LABEL[changed]} to ${describeSetting(changed, r.settings)}${CONSEQUENCE[changed]?.(r) ?? ''}`;
  return {
    message: noticeMessage(`Set this channel's ${what}.`),
    announce: noticeMessage(`<@${c.user}> set this channel's ${what}.`),
    outcome: 'settings-set',
  };
}
