import type { ParseResult } from '../parse/parseResult.js';

/**
 * Does a message correct earlier values rather than report a change? "ECOG is 0, not 1", "correction: bili 34",
 * "sorry, albumin was 31" and "typo - INR 1.3" all do. The parser reads the value and leaves the correcting words as
 * not understood; this looks only at those leftover fragments, so a word inside a recognised value never counts.
 * Returns the parse with the correcting fragments removed from `notUnderstood` (they were understood here).
 */

const CORRECTING =
  /^(?:not\s+\S+(?:\s+\S+)?|correct(?:ion|ed)?|actually|sorry|typo|should\s+(?:be|read)|i\s+meant|meant|mistake|amend(?:ed|ment)?|was\s+wrong|wrong)$/i;

export interface CorrectionReading {
  correction: boolean;
  parse: ParseResult;
}

export function readCorrection(parse: ParseResult): CorrectionReading {
  const correcting = parse.notUnderstood.filter(
    (n) => n.kind === 'unknown' && CORRECTING.test(n.text.trim().replace(/[.,:;!-]+$/, '')),
  );
  if (correcting.length === 0) return { correction: false, parse };
  return {
    correction: true,
    parse: { ...parse, notUnderstood: parse.notUnderstood.filter((n) => !correcting.includes(n)) },
  };
}
