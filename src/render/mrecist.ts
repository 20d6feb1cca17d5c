import type { MrecistResponse, MrecistResult } from '../clinical/assessment.js';
import { displayedPercent } from '../clinical/mrecist.js';
import { ACTION_SHARE_MRECIST, type MrecistShareValue, shareButton, sharedByBlock } from './actions.js';
import { compact, signedPercent } from './format.js';
import { enforceBlockKitLimits } from './limits.js';
import { context, esc, section } from './mrkdwn.js';
import type { SlackMessage } from './slackMessage.js';
import { DECISION_SUPPORT } from './summaryModel.js';

export const MRECIST_NAMES: Record<MrecistResponse, string> = {
  CR: 'complete response',
  PR: 'partial response',
  SD: 'stable disease',
  PD: 'progressive disease',
};

/** Block id of the actions block (the Share button). */
export const MRECIST_ACTIONS_BLOCK = 'hcc_mrecist_actions';

const mm = (value: number) => `${compact(value, 3)} mm`;

/** The sums as read, in order: "baseline 52 mm → nadir 30 mm → now 37 mm", and a new lesion when reported. */
const sums = (r: MrecistResult) =>
  `Viable sums: baseline ${mm(r.sumsMm.baseline)} → nadir ${mm(r.sumsMm.nadir)} → now ${mm(r.sumsMm.current)}${r.newLesion ? ' · new lesion' : ''}`;

const changes = (r: MrecistResult) =>
  [
    `${signedPercent(displayedPercent(r.changeFromBaselinePct, 'baseline'))} from baseline`,
    r.changeFromNadirPct === null
      ? 'change from nadir not defined (nadir 0)'
      : `${signedPercent(displayedPercent(r.changeFromNadirPct, 'nadir'))} from nadir`,
  ].join(', ');

const title = (r: MrecistResult) => `mRECIST ${r.response} (${MRECIST_NAMES[r.response]})`;

export interface MrecistMessageOptions {
  /** Show the "Share with channel" button (private previews only). */
  shareable?: boolean;
  /** Slack user id of the person who shared it; adds "Shared by <@U…>". */
  sharedBy?: string;
}

/**
 * The mRECIST response as a Slack message: the response, the sums it was computed from, the changes and why. The
 * `text` fallback holds the response, the sums and the changes. A shared post is the preview without its button
 * and with "Shared by".
 */
export function renderMrecistMessage(
  result: MrecistResult,
  options: MrecistMessageOptions = {},
): SlackMessage {
  const value: MrecistShareValue = {
    v: 1,
    input: {
      baselineMm: result.sumsMm.baseline,
      nadirMm: result.sumsMm.nadir,
      currentMm: result.sumsMm.current,
      newLesion: result.newLesion,
    },
  };
  return enforceBlockKitLimits({
    text: `${title(result)}: ${sums(result)}; ${changes(result)}.`,
    blocks: [
      ...sharedByBlock(options.sharedBy),
      section(
        `*${esc(title(result))}*\n${esc(sums(result))}\n${esc(changes(result))}\n${esc(result.reason)}`,
      ),
      ...(options.shareable
        ? [
            {
              type: 'actions' as const,
              block_id: MRECIST_ACTIONS_BLOCK,
              elements: [shareButton(JSON.stringify(value), ACTION_SHARE_MRECIST)],
            },
          ]
        : []),
      context(`_${DECISION_SUPPORT} Rule: ${esc(result.rule.name)}._`),
    ],
  });
}

/** The same as plain text for the CLI. */
export function renderMrecistText(result: MrecistResult): string {
  return [
    title(result),
    `  ${sums(result)}`,
    `  ${changes(result)}`,
    `  ${result.reason}`,
    '',
    `${DECISION_SUPPORT} Rule: ${result.rule.name}.`,
    '',
  ].join('\n');
}
