/**
 * ONE grammar for every door (`/hcc …`, `@hcc-mdt …` in a thread, the message shortcut):
 *
 *   stage|assess <text>   the full summary
 *   albi | cp|childpugh | meld | bclc | transplant <text>   one view of the same assessment
 *   mrecist <text>        mRECIST response
 *   refs <query>          evidence cards
 *   meetings [schedule]   the channel's meeting days: show them, or set them (`weekly thursday 08:00`)
 *   agenda [YYYY-MM-DD]   the next (or that) meeting's agenda, privately, with a button to post it
 *   settings [name value] the channel's settings: show them, or change one (`self-sign-off on`, `reminder-hour 9`)
 *   form                  open the modal
 *   help | (nothing)      help with an "Open form" button
 *
 * Free text that starts with a lab or tumour word ("bili 34 alb 31 …"), or that holds case words anywhere
 * ("Case 3: 62M, bili 15 umol/L …", "post-TACE review: …"), is read as `stage`, as the message shortcut reads it.
 * A first word one or two letters from a subcommand ("staging", "mreicst") is `unknown` with a suggestion ("did
 * you mean `stage`?"), because guessing the subcommand could show the wrong view. Anything else is `unknown` and
 * gets help with a short note; never an error dump.
 */
import { parseCase } from '../parse/parseCase.js';
import { editDistance } from '../text/editDistance.js';

export type RequestAction =
  | 'stage'
  | 'albi'
  | 'childpugh'
  | 'meld'
  | 'bclc'
  | 'transplant'
  | 'mrecist'
  | 'refs'
  | 'meetings'
  | 'agenda'
  | 'settings'
  | 'form'
  | 'help'
  | 'unknown';

export interface ParsedRequest {
  action: RequestAction;
  /** The text after the subcommand (or the whole text for implicit `stage`), trimmed. */
  rest: string;
  /** The first word as typed, kept only for `unknown` (shown back only to the person who typed it). */
  word?: string;
  /** For `unknown`: the subcommand the first word is closest to ("stage" for "staging"). */
  suggestion?: string;
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
  meetings: 'meetings',
  meeting: 'meetings',
  agenda: 'agenda',
  settings: 'settings',
  setting: 'settings',
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
  const suggestion = nearSubcommand(key);
  if (suggestion) return { action: 'unknown', rest: after, word: first, suggestion };
  if (holdsCaseWords(body)) return { action: 'stage', rest: body };
  return { action: 'unknown', rest: after, word: first };
}

/** English words one letter from a subcommand that are not typos of it. */
const COMMON_WORDS = new Set([
  'from',
  'firm',
  'getting',
  'letting',
  'sitting',
  'settling',
  'farm',
  'foam',
  'held',
  'hello',
  'hemp',
  'stag',
  'stale',
  'stake',
  'stave',
]);

/** Span kinds that are case values (not connecting words, context or a stated score). */
const NOT_CASE: ReadonlySet<string> = new Set(['filler', 'context', 'stated-score']);

/** Whether the parser reads any case value in the text: the test the message shortcut applies. */
function holdsCaseWords(text: string): boolean {
  return parseCase(text).recognised.some((s) => !NOT_CASE.has(s.kind));
}

/**
 * The subcommand a mistyped first word most likely means, or undefined: words of 4+ letters within one edit
 * (two for words of 6+ letters) of a subcommand. Shorter words are left alone ("Mr", "cr" are not typos).
 */
function nearSubcommand(word: string): string | undefined {
  if (word.length < 4 || !/^[a-z-]+$/.test(word) || COMMON_WORDS.has(word)) return undefined;
  // "staging", "assessment": a subcommand's stem.
  for (const name of Object.keys(SUBCOMMANDS))
    if (
      name.length >= 4 &&
      word.length > name.length &&
      word.startsWith(name.slice(0, Math.max(4, name.length - 1)))
    )
      return name;
  const max = word.length >= 6 ? 2 : 1;
  let best: string | undefined;
  let bestD = max + 1;
  for (const name of Object.keys(SUBCOMMANDS)) {
    if (name.length < 3) continue;
    const d = editDistance(word, name, max);
    if (d < bestD) {
      bestD = d;
      best = name;
    }
  }
  return best;
}
