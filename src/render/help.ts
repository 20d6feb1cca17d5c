import type { KnownBlock } from '@slack/types';
import { ACTION_OPEN_FORM } from './actions.js';
import { enforceBlockKitLimits } from './limits.js';
import { context, esc, header, section } from './mrkdwn.js';
import { EXAMPLE_MESSAGE } from './problemsModel.js';
import type { SlackMessage } from './slackMessage.js';
import { DECISION_SUPPORT } from './summaryModel.js';

/** The `/hcc` grammar, one line each: the same words work after an @mention of the app in a thread. */
export const HELP_COMMANDS: readonly { usage: string; does: string }[] = [
  {
    usage: 'stage <text>',
    does: 'the full MDT summary: scores, BCLC stage, treatment options (alias `assess`)',
  },
  { usage: 'albi <text>', does: 'ALBI score, grade and mALBI grade' },
  { usage: 'cp <text>', does: 'Child-Pugh points and class (alias `childpugh`)' },
  { usage: 'meld <text>', does: 'MELD, MELD-Na and MELD 3.0' },
  { usage: 'bclc <text>', does: 'BCLC stage with the treatment options' },
  { usage: 'transplant <text>', does: 'Milan, UCSF, up-to-seven, Metroticket 2.0 and the AFP model' },
  { usage: 'mrecist <text>', does: 'mRECIST response from baseline, nadir and current sums (mm)' },
  {
    usage: 'refs <query>',
    does: 'evidence for a drug, trial, procedure or stage (`refs imbrave`, `refs stage C`)',
  },
  {
    usage: 'meetings [weekly thursday 08:00 | 2026-12-03, 2026-12-17 08:00] [Europe/London]',
    does: "the channel's MDT meeting days; with nothing after it, the ones set now",
  },
  {
    usage: 'agenda [YYYY-MM-DD]',
    does: 'the next meeting’s cases, each with its stage and what it still needs, with a button to post it (posted the day before too)',
  },
  {
    usage: 'settings [self-sign-off on|off | reminder-hour 9 | timezone Europe/London]',
    does: "the channel's settings; with a name and value, changes one and says so in the channel",
  },
  {
    usage: 'form',
    does: 'a form instead of free text: one unit choice, yes / no / not known for each finding',
  },
  { usage: 'help', does: 'this message' },
];

/**
 * Help for `/hcc` (and bare `/hcc`, and unknown subcommands). With `withFormButton`, an "Open form" button
 * (action id `hcc_open_form`).
 */
export function renderHelpMessage(options: { withFormButton?: boolean } = {}): SlackMessage {
  const lines = HELP_COMMANDS.map((c) => `• \`/hcc ${esc(c.usage)}\` — ${c.does}`);
  const blocks: KnownBlock[] = [
    header('HCC MDT assistant'),
    section(`*Commands*\n${lines.join('\n')}`),
    section(
      '*In a thread* slash commands do not work: @mention the app with the same words (`@hcc-mdt stage …`), ' +
        'or use the message shortcut *Assess with HCC MDT* on the message with the values.',
    ),
    section(`*Example*\n\`\`\`/hcc stage ${esc(EXAMPLE_MESSAGE)}\`\`\``),
  ];
  if (options.withFormButton) {
    blocks.push({
      type: 'actions',
      block_id: 'hcc_help_actions',
      elements: [
        {
          type: 'button',
          action_id: ACTION_OPEN_FORM,
          text: { type: 'plain_text', text: 'Open form' },
          style: 'primary',
        },
      ],
    });
  }
  blocks.push(context(`Please don't post names, record numbers or dates of birth. _${DECISION_SUPPORT}_`));
  return enforceBlockKitLimits({
    text: 'HCC MDT assistant: /hcc stage <values>, albi, cp, meld, bclc, transplant, mrecist, refs, meetings, agenda, settings, form, help.',
    blocks,
  });
}
