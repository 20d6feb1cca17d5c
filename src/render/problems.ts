import type { KnownBlock } from '@slack/types';
import { enforceBlockKitLimits } from './limits.js';
import { capLines, codeSpan, context, esc, section } from './mrkdwn.js';
import type { ParseNotes } from './parseNotes.js';
import {
  EXAMPLE_MESSAGE,
  IDENTIFIER_NOTE,
  type ProblemReason,
  problemsFallback,
  problemsModel,
} from './problemsModel.js';
import type { SlackMessage } from './slackMessage.js';
import { truncateText } from './truncate.js';

export type { ProblemReason } from './problemsModel.js';

const list = (title: string, lines: string[], budget = 1500): KnownBlock[] =>
  lines.length ? [section(`*${title}*\n${capLines(lines, budget).join('\n')}`)] : [];

/**
 * Why a message could not be assessed, for the person who sent it only (always ephemeral): each error and
 * warning, what was not understood (unknown words quoted with a suggestion; identifiers never quoted), what was
 * recognised, and an example message. The `text` fallback names no user text.
 */
export function renderProblemsMessage(parse: ParseNotes, reason: ProblemReason): SlackMessage {
  const m = problemsModel(parse, reason);
  const blocks: KnownBlock[] = [section(`*Your message could not be assessed.* ${esc(m.reason)}`)];
  blocks.push(
    ...list(
      'To fix',
      m.errors.map((e) => `• ${esc(truncateText(e, 400))}`),
    ),
  );
  blocks.push(
    ...list(
      'Please check',
      m.warnings.map((w) => `• ${esc(truncateText(w, 400))}`),
    ),
  );
  const unknownLines = m.unknown.map(
    (u) => `• ${codeSpan(u.text)}${u.suggestion ? ` — did you mean ${codeSpan(u.suggestion, 30)}?` : ''}`,
  );
  blocks.push(...list('Not understood', unknownLines));
  if (m.identifier) blocks.push(section(`:lock: ${esc(IDENTIFIER_NOTE)}`));
  blocks.push(
    section(
      m.recognised.length ? `*Recognised:* ${esc(m.recognised.join(', '))}` : '*Recognised:* nothing yet.',
    ),
  );
  blocks.push(section(`*For example:*\n\`\`\`${esc(EXAMPLE_MESSAGE)}\`\`\``));
  blocks.push(
    context(
      'Only you can see this. `/hcc help` (or `help` in a mention of the app) shows what it understands.',
    ),
  );
  return enforceBlockKitLimits({ text: problemsFallback(parse, reason), blocks });
}
