import { enforceBlockKitLimits } from './limits.js';
import { context, section } from './mrkdwn.js';
import type { ParseNotes } from './parseNotes.js';
import type { SlackMessage } from './slackMessage.js';

export const PRIVACY_TEXT =
  'Your HCC MDT message looked as if it held a patient identifier. It was left out and not repeated.';

const hasPrivacyWarning = (parse: ParseNotes) => parse.warnings.some((w) => w.code === 'privacy');

/** The same notice for the terminal (the CLI prints it on stderr, apart from the summary). */
export function renderPrivacyText(parse: ParseNotes): string | null {
  if (!hasPrivacyWarning(parse)) return null;
  return (
    `${PRIVACY_TEXT}\nPlease don't type names, record numbers or dates of birth: the scores need only the lab ` +
    'values and tumour details.\n'
  );
}

/**
 * The ephemeral notice for a message that seemed to carry a patient identifier (a parser warning with code
 * `privacy`), or null when there was none. It never quotes the identifier, nor anything else the user typed.
 */
export function renderPrivacyNotice(parse: ParseNotes): SlackMessage | null {
  if (!hasPrivacyWarning(parse)) return null;
  return enforceBlockKitLimits({
    text: PRIVACY_TEXT,
    blocks: [
      section(
        ':lock: *Something in your message looked like a patient identifier* (a name, record number or date of ' +
          'birth). It was left out: it was not used, stored or repeated.',
      ),
      section(
        "Please don't post names, record numbers or dates of birth in Slack. The scores need only the lab " +
          'values and tumour details; the patient record is the place for identifiers.',
      ),
      context('Only you can see this.'),
    ],
  });
}
