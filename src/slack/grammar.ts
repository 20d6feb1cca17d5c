/**
 * ONE grammar for every door (`/hcc …`, `@HCC MDT …` in a thread, the message shortcut):
 *
 *   stage|assess <text>   the full summary
 *   albi | cp|childpugh | meld | bclc | transplant <text>   one view of the same assessment
 *   mrecist <text>        mRECIST response
 *   refs <query>          evidence cards
 *   form                  open the modal
 *   help | (nothing)      help with an "Open form" button
 *
 * Free text that starts with a lab or tumour word ("bili 34 alb 31 …") is read as `stage`. Anything else is
 * `unknown` and gets help with a short note; never an error dump.
 */

export type RequestAction =
  | 'stage'
  | 'albi'
  | 'childpugh'
  | 'meld'
  | 'bclc'
  | 'transplant'
  | 'mrecist'
  | 'refs'
  | 'form'
  | 'help'
  | 'unknown';

export interface ParsedRequest {
  action: RequestAction;
  /** The text after the subcommand (or the whole text for implicit `stage`), trimmed. */
  rest: string;
  /** The first word as typed, kept only for `unknown` (shown back only to the person who typed it). */
  word?: string;
}

const SUBCOMMANDS: Record<string, Exclude<RequestAction, 'unknown'>> = {
  stage: 'stage',
  assess: 'stage',
  albi: 'albi',
  cp: 'childpugh',
  childpugh: 'childpugh',
  'child-pugh': 'childpugh',
  meld: 'meld',
  bclc: 'bclc',
  transplant: 'transplant',
  mrecist: 'mrecist',
  refs: 'refs',
  ref: 'refs',
  references: 'refs',
  form: 'form',
  help: 'help',
};

/** The words people start a case with; a message opening with one of these is a `stage` request. */
const LAB_WORDS = new Set([
  'bili',
  'bilirubin',
  'tbil',
  'alb',
  'albumin',
  'inr',
  'pt',
  'cr',
  'creat',
  'creatinine',
  'na',
  'sodium',
  'afp',
  'pivka',
  'dcp',
  'ascites',
  'enceph',
  'encephalopathy',
  'he',
  'ecog',
  'ps',
  'male',
  'female',
  'lesion',
  'lesions',
  'nodule',
  'nodules',
  'tumour',
  'tumor',
  'pvtt',
  'mvi',
  'dialysis',
]);

/** `<@U123>` or `<@U123|name>` at the start (a mention of the app), repeated if several. */
const LEADING_MENTION = /^(?:\s*<@[A-Z0-9]+(?:\|[^>]*)?>\s*)+/i;

export function stripMention(text: string): string {
  return text.replace(LEADING_MENTION, '').trim();
}

export function parseRequest(text: string): ParsedRequest {
  const body = stripMention(text ?? '');
  if (body === '') return { action: 'help', rest: '' };
  const match = /^(\S+)\s*([\s\S]*)$/.exec(body);
  const first = match?.[1] ?? '';
  const after = (match?.[2] ?? '').trim();
  const key = first.toLowerCase().replace(/[:,.;]+$/, '');
  const sub = SUBCOMMANDS[key];
  if (sub) return { action: sub, rest: after };
  // "bili34", "3 lesions", "alb: 31": a leading number or a lab word (letters before any digit) means a case.
  const lead = /^[a-z-]+/.exec(key)?.[0] ?? '';
  if (/^\d/.test(key) || LAB_WORDS.has(key) || LAB_WORDS.has(lead)) return { action: 'stage', rest: body };
  return { action: 'unknown', rest: after, word: first };
}
