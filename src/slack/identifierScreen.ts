import { findIdentifiers } from '../parse/identifiers.js';
import { enforceBlockKitLimits } from '../render/limits.js';
import { PRIVACY_TEXT, renderPrivacyNotice } from '../render/privacy.js';
import type { SlackMessage } from '../render/slackMessage.js';
import type { Answer } from './answer.js';

/**
 * The identifier screen every door applies to its answer before anything goes out, whatever produced the answer:
 * what the person typed is searched for names after titles, record numbers and dates of birth (the parser's own
 * finder), and any of their words or digit runs found in an outgoing message is replaced. When the typed text
 * held an identifier, the person is told privately that it was left out, once. A renderer that never echoes
 * typed text (they are written so) passes through unchanged; this is the guarantee when one does.
 */

/** The words of an identifier that say what it is, not whose it is: kept, so "DOB" or "Mr" alone is not hidden. */
const LABEL =
  /^(mr|mrs|ms|miss|mx|dr|prof|sir|dame|pt|patient|dob|d\.o\.b|born|nhs|mrn|hospital|number|no|id|chi|urn|hosp)\.?:?$/i;

export const REMOVED = '[identifier removed]';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One pattern matching every word and digit run of the identifiers in `typed`, as typed or mrkdwn-escaped. */
function identifierPattern(typed: string): RegExp | null {
  const parts = new Set<string>();
  for (const { start, end } of findIdentifiers(typed)) {
    const slice = typed.slice(start, end);
    // A number or date however it was spaced or punctuated: its digits with any separators between them.
    for (const run of slice.match(/\d[\d\s./-]*\d/g) ?? []) {
      const digits = run.replace(/\D/g, '');
      if (digits.length >= 4) parts.add(digits.split('').join('[\\s./-]*'));
    }
    for (const token of slice.split(/[\s,;:()[\]{}"'`]+/)) {
      const word = token.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (word.length >= 2 && /^[\p{L}'.-]+$/u.test(word) && !LABEL.test(word))
        parts.add(`(?<![\\p{L}\\d])${escapeRegExp(word)}(?![\\p{L}\\d])`);
    }
  }
  if (parts.size === 0) return null;
  return new RegExp([...parts].sort((a, b) => b.length - a.length).join('|'), 'giu');
}

/** Every string in a message (texts, block texts, button values), with `pattern` replaced. */
function scrub(message: SlackMessage, pattern: RegExp): { message: SlackMessage; changed: boolean } {
  let changed = false;
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const out = v.replace(pattern, REMOVED);
      if (out !== v) changed = true;
      return out;
    }
    if (Array.isArray(v)) return v.map(visit);
    if (v && typeof v === 'object') {
      const o: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) o[k] = visit(x);
      return o;
    }
    return v;
  };
  const out = visit(message) as SlackMessage;
  return { message: changed ? out : message, changed };
}

const privacyNotice = (): SlackMessage =>
  renderPrivacyNotice({
    recognised: [],
    notUnderstood: [],
    assumptions: [],
    errors: [],
    warnings: [{ code: 'privacy', message: 'identifier left out' }],
  })!;

const isPrivacyNotice = (m: SlackMessage) => m.text === PRIVACY_TEXT;

/** One message as it may go out, for text that travelled with the request (a button's value): identifiers replaced. */
export function screenMessage(message: SlackMessage, carried: string): SlackMessage {
  const pattern = identifierPattern(carried);
  return pattern ? scrub(message, pattern).message : message;
}

/** The answer as it may go out for what was typed: identifiers replaced, and the privacy notice present once. */
export function screenAnswer(reply: Answer, typed: string): Answer {
  const pattern = identifierPattern(typed);
  if (!pattern) return reply;
  const clean = (m: SlackMessage) => scrub(m, pattern).message;
  if (reply.kind === 'private') {
    const message = clean(reply.message);
    if (isPrivacyNotice(message)) return { ...reply, message };
    const notice = privacyNotice();
    return {
      ...reply,
      message: enforceBlockKitLimits({
        text: notice.text,
        blocks: [...notice.blocks, ...message.blocks],
      }),
    };
  }
  const notices = reply.notices.map(clean);
  return {
    ...reply,
    message: clean(reply.message),
    notices: notices.some(isPrivacyNotice) ? notices : [privacyNotice(), ...notices],
    ...(reply.announce ? { announce: clean(reply.announce) } : {}),
  };
}

/** What a person typed into a modal: every text value of its state, one per line. */
export function typedInView(values: unknown): string {
  const out: string[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) for (const x of v) visit(x);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === 'value' && typeof x === 'string') out.push(x);
        else visit(x);
      }
  };
  visit(values);
  return out.join('\n');
}
