import type { MrecistResponse, MrecistResult } from '../clinical/assessment.js';
import { signedPercent } from './format.js';
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

const changes = (r: MrecistResult) =>
  [
    `${signedPercent(r.changeFromBaselinePct)} from baseline`,
    r.changeFromNadirPct === null
      ? 'change from nadir not defined (nadir 0)'
      : `${signedPercent(r.changeFromNadirPct)} from nadir`,
  ].join(', ');

const title = (r: MrecistResult) => `mRECIST ${r.response} (${MRECIST_NAMES[r.response]})`;

/** The mRECIST response as a Slack message; the `text` fallback holds the response and the changes only. */
export function renderMrecistMessage(result: MrecistResult): SlackMessage {
  return enforceBlockKitLimits({
    text: `${title(result)}: ${changes(result)}.`,
    blocks: [
      section(`*${esc(title(result))}*\n${esc(changes(result))}\n${esc(result.reason)}`),
      context(`_${DECISION_SUPPORT} Rule: ${esc(result.rule.name)}._`),
    ],
  });
}

/** The same as plain text for the CLI. */
export function renderMrecistText(result: MrecistResult): string {
  return [
    title(result),
    `  ${changes(result)}`,
    `  ${result.reason}`,
    '',
    `${DECISION_SUPPORT} Rule: ${result.rule.name}.`,
    '',
  ].join('\n');
}
