import type { ContextBlock, DividerBlock, HeaderBlock, MrkdwnElement, SectionBlock } from '@slack/types';
import { isSlackUserId } from '../text/slackIds.js';
import { truncateText } from './truncate.js';

/**
 * Small helpers for Slack mrkdwn. Every piece of text that comes from data (assessment strings, parser messages,
 * reference titles, the user's words) goes through `esc` before it is put into mrkdwn, so that `<!channel>`,
 * `<@U…>` or `<http://…|…>` typed or stored somewhere can never turn into a mention or a link.
 */

const NEEDS_ESCAPE = /[&<>]/;

/** Escapes the three characters Slack asks apps to escape in mrkdwn: `&`, `<`, `>`. */
export function esc(text: string): string {
  // Most strings have none of the three; skip the three passes (this runs for every string of every reply).
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text for an inline code span: escaped, with backticks and line breaks neutralised so the span cannot break. */
export function codeSpan(text: string, max = 60): string {
  const flat = text.replace(/[\r\n\t]+/g, ' ').replace(/`/g, "'");
  const cut = flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  return `\`${esc(cut)}\``;
}

const SAFE_URL = /^https?:\/\/[^\s<>|]+$/;

/** `<url|label>` when the URL is a plain http(s) URL, otherwise the label alone (escaped). */
export function link(url: string | undefined, label: string): string {
  if (url && SAFE_URL.test(url) && url.length <= 2900) return `<${url}|${esc(label)}>`;
  return esc(label);
}

/** A Slack user mention, only for ids that look like Slack user ids. */
export function mention(userId: string): string | null {
  return isSlackUserId(userId) ? `<@${userId}>` : null;
}

export const mrkdwn = (text: string): MrkdwnElement => ({ type: 'mrkdwn', text });

export const section = (text: string, blockId?: string): SectionBlock => ({
  type: 'section',
  text: mrkdwn(text),
  ...(blockId ? { block_id: blockId } : {}),
});

export const header = (text: string): HeaderBlock => ({
  type: 'header',
  text: { type: 'plain_text', text, emoji: true },
});

export const context = (...texts: string[]): ContextBlock => ({
  type: 'context',
  elements: texts.map(mrkdwn),
});

export const divider = (): DividerBlock => ({ type: 'divider' });

/**
 * Packs lines into section texts of at most `max` characters, never splitting a line (a line longer than `max`
 * gets a section of its own and is shortened later by `enforceBlockKitLimits`).
 */
export function packLines(lines: readonly string[], max: number): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of lines) {
    if (current && current.length + 1 + line.length > max) {
      out.push(current);
      current = line;
    } else {
      current = current ? `${current}\n${line}` : line;
    }
  }
  if (current) out.push(current);
  return out;
}

/**
 * Keeps as many whole lines as fit in `budget` characters; when some are left out, the last line says how many.
 * Used for lists of unbounded length (warnings, assumptions) so that one list cannot crowd the others out.
 */
export function capLines(lines: readonly string[], budget: number, perLine = 600): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const [i, raw] of lines.entries()) {
    const line = truncateText(raw, perLine);
    const left = lines.length - i - 1;
    const reserve = left > 0 ? 40 : 0;
    if (used + line.length + 1 + reserve > budget) {
      kept.push(`…and ${lines.length - i} more (shortened)`);
      return kept;
    }
    kept.push(line);
    used += line.length + 1;
  }
  return kept;
}
