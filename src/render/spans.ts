import { esc, link } from './mrkdwn.js';
import { truncateText } from './truncate.js';

/**
 * A line of a message as data: plain text, bold, italic or a link. The summary model writes lines once; Block Kit
 * and plain text only format them (`toMrkdwn`, `toPlain`), so the two can never say different things.
 */
export type Span = string | { bold: string } | { italic: string } | { url: string; label: string };
export type Line = readonly Span[];

const textOf = (s: Span): string =>
  typeof s === 'string' ? s : 'bold' in s ? s.bold : 'italic' in s ? s.italic : s.label;

/** Slack mrkdwn, every piece of data escaped; each span shortened to `max` characters. */
export function toMrkdwn(line: Line, max = 600): string {
  return line
    .map((s) => {
      if (typeof s === 'string') return esc(truncateText(s, max));
      if ('bold' in s) return `*${esc(truncateText(s.bold, max))}*`;
      if ('italic' in s) return `_${esc(truncateText(s.italic, max))}_`;
      return link(s.url, s.label);
    })
    .join('');
}

/** Plain text for the terminal: a link is its label followed by the address. */
export function toPlain(line: Line): string {
  return line
    .map((s) => (typeof s === 'string' || !('url' in s) ? textOf(s) : `${s.label} (${s.url})`))
    .join('');
}
