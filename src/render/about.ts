import type { HomeView, KnownBlock } from '@slack/types';
import { enforceBlockKitLimits } from './limits.js';
import { context, header, section } from './mrkdwn.js';
import { DECISION_SUPPORT } from './summaryModel.js';

/**
 * The App Home About tab: what the app does and does not do, that it is decision support and not a medical device,
 * the privacy rules, the version, the evidence review date and the commands. Nothing about any patient.
 */
export function aboutView(
  info: { version: string; reviewed: string },
  /** Blocks shown below the About text: the person's worklist. */
  more: readonly KnownBlock[] = [],
): HomeView {
  const blocks = [
    header('HCC MDT assistant'),
    section(
      '*What it does.* Reads lab values and tumour details typed in chat and computes ALBI, Child-Pugh, MELD, ' +
        'the BCLC stage with its treatment options and the evidence behind them, transplant and TACE scores, and ' +
        'mRECIST response. It never guesses a missing value: it says what is missing, and shows every assumption ' +
        'beside the result.',
    ),
    section(
      `*What it does not do.* ${DECISION_SUPPORT} It is not a medical device and does not replace the MDT's ` +
        'judgement or the patient record.',
    ),
    section(
      '*Privacy.* Do not type names, record numbers or dates of birth: when a message looks like it holds one, it ' +
        'is left out and you are told privately. The app never logs what you type; it logs event types, timings ' +
        'and outcomes. A case stores the parsed values, decisions and an audit trail, never the typed text, and ' +
        'is visible only in its channel. Replies shown "only to you" are not kept by Slack; shared summaries and ' +
        'mentions stay in the channel like any message.',
    ),
    section(
      '*Commands.* `/hcc stage <case>` (private answer with Evidence, All scores and Share) · ' +
        '`@hcc-mdt <case>` in a thread · the message shortcut *Assess with HCC MDT* · `/hcc form` · ' +
        '`/hcc refs <drug or trial>` · `/hcc mrecist baseline 52 nadir 30 now 37 mm` · ' +
        '`/hcc meetings weekly thursday 08:00` · `/hcc agenda` · `/hcc settings` · `/hcc help`',
    ),
    context(`Version ${info.version} · Evidence reviewed ${info.reviewed}.`),
    ...more,
  ];
  const fitted = enforceBlockKitLimits({ text: 'About', blocks }, { maxBlocks: 100 });
  return { type: 'home', blocks: fitted.blocks };
}
