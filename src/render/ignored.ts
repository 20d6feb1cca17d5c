import { enforceBlockKitLimits } from './limits.js';
import { capLines, codeSpan, context, section } from './mrkdwn.js';
import type { ParseNotes } from './parseNotes.js';
import type { SlackMessage } from './slackMessage.js';
import { ignoredFragments } from './summaryModel.js';
import { wrap } from './wrap.js';

/**
 * The fragments of an assessed message that were not understood and ignored, named for the person who typed
 * them only (an ephemeral notice in Slack, stderr in the CLI). The summary itself only counts them, because it
 * may be shared; a fragment that looked like an identifier is never quoted (the parser keeps no text for it).
 */

const TITLE = 'Not understood and ignored';
const HINT = 'Reword or add the unit if one of these should count; `/hcc help` lists what is understood.';

export const IGNORED_FALLBACK = 'Some words in your HCC MDT message were not understood and ignored.';

export function renderIgnoredNotice(parse: ParseNotes): SlackMessage | null {
  const items = ignoredFragments(parse);
  if (items.length === 0) return null;
  const lines = items.map(
    (u) => `• ${codeSpan(u.text)}${u.suggestion ? ` — did you mean ${codeSpan(u.suggestion, 30)}?` : ''}`,
  );
  return enforceBlockKitLimits({
    text: IGNORED_FALLBACK,
    blocks: [
      section(`*${TITLE}* (the summary counts them)\n${capLines(lines, 1500).join('\n')}`),
      context(`Only you can see this. ${HINT}`),
    ],
  });
}

export function renderIgnoredText(parse: ParseNotes): string | null {
  const items = ignoredFragments(parse);
  if (items.length === 0) return null;
  const lines = items.flatMap((u) =>
    wrap(`"${u.text}"${u.suggestion ? ` - did you mean "${u.suggestion}"?` : ''}`, 80, '  - '),
  );
  return `${TITLE}:\n${lines.join('\n')}\n`;
}
