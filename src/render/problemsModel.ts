import type { ParseNote, ParseNotes } from './parseNotes.js';

/**
 * What the problems message and its plain-text twin say, as raw strings. Identifiers are never quoted: a
 * fragment of kind `identifier` carries no text, and the privacy warning's own message is replaced by fixed words.
 */

export type ProblemReason = 'nothing-recognised' | 'parse-errors';

export { EXAMPLE_CASE_TEXT as EXAMPLE_MESSAGE } from '../clinical/exampleCase.js';

export const IDENTIFIER_NOTE =
  "Something that looks like a patient identifier was left out; please don't post names, record numbers or dates of birth.";

export const REASON_TEXT: Record<ProblemReason, string> = {
  'nothing-recognised': 'No lab value or tumour detail was recognised, so nothing could be scored.',
  'parse-errors': 'Some values need to be fixed before the scores can be computed.',
};

/** The notification-safe fallback: says what went wrong, never what was typed. */
export function problemsFallback(parse: ParseNotes, reason: ProblemReason): string {
  if (reason === 'nothing-recognised')
    return 'Your HCC MDT message could not be assessed: nothing was recognised.';
  const n = parse.errors.length;
  return `Your HCC MDT message could not be assessed: ${n} problem${n === 1 ? '' : 's'} to fix.`;
}

/** The parser's span kinds in clinic words; context, stated scores and filler are not listed. */
const KIND_WORDS: Readonly<Record<string, string | null>> = {
  bilirubin: 'bilirubin',
  albumin: 'albumin',
  inr: 'INR',
  pt: 'prothrombin time',
  creatinine: 'creatinine',
  sodium: 'sodium',
  afp: 'AFP',
  pivka: 'PIVKA-II',
  ascites: 'ascites',
  encephalopathy: 'encephalopathy',
  ecog: 'ECOG',
  sex: 'sex',
  dialysis: 'dialysis',
  cholestatic: 'PBC/PSC',
  tumour: 'tumour size and number',
  invasion: 'vascular invasion',
  spread: 'extrahepatic spread',
  infiltrative: 'infiltrative pattern',
  'portal-hypertension': 'portal hypertension',
  mrecist: 'mRECIST measurements',
  context: null,
  'stated-score': null,
  filler: null,
};

/** The kinds of value recognised, in clinic words, in the order first seen. */
export function recognisedFields(parse: ParseNotes): string[] {
  const out: string[] = [];
  for (const s of parse.recognised) {
    const w = KIND_WORDS[s.kind] ?? null;
    if (w && !out.includes(w)) out.push(w);
  }
  return out;
}

export interface UnknownItem {
  text: string;
  suggestion: string | undefined;
}

export interface ProblemsModel {
  reason: string;
  errors: string[];
  warnings: string[];
  unknown: UnknownItem[];
  identifier: boolean;
  recognised: string[];
}

export function problemsModel(parse: ParseNotes, reason: ProblemReason): ProblemsModel {
  const privacy =
    parse.warnings.some((w) => w.code === 'privacy') || parse.errors.some((e) => e.code === 'privacy');
  const identifier = privacy || parse.notUnderstood.some((n) => n.kind === 'identifier');
  const messages = (issues: readonly ParseNote[]) =>
    issues.filter((i) => i.code !== 'privacy').map((i) => i.message);
  const unknown: UnknownItem[] = [];
  for (const n of parse.notUnderstood) {
    if (n.kind === 'unknown') unknown.push({ text: n.text, suggestion: n.suggestion });
  }
  return {
    reason: REASON_TEXT[reason],
    errors: messages(parse.errors),
    warnings: messages(parse.warnings),
    unknown,
    identifier,
    recognised: recognisedFields(parse),
  };
}
