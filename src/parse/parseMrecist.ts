import { MrecistInputSchema } from '../clinical/assessment.js';
import { editDistance } from '../text/editDistance.js';
import { findIdentifierRanges } from './identifiers.js';
import type { NotUnderstood, ParseIssue, RecognisedSpan } from './parseResult.js';
import { suggest } from './suggest.js';
import { readNumber, tokenize } from './tokenize.js';

/**
 * mRECIST phrasing for the `mrecist` subcommand: "baseline 52 nadir 30 now 37 mm, new lesion". Sums of viable
 * target-lesion diameters; mm by default, cm converted (x 10); a unit given once at the end applies to all
 * three. Pure, never throws.
 */
export type MrecistParse =
  | {
      ok: true;
      input: { baselineMm: number; nadirMm: number; currentMm: number; newLesion: boolean };
      recognised: RecognisedSpan[];
      notUnderstood: NotUnderstood[];
    }
  | { ok: false; errors: ParseIssue[]; notUnderstood: NotUnderstood[] };

type Slot = 'baselineMm' | 'nadirMm' | 'currentMm';
const SLOT_WORDS: Record<string, Slot> = {
  baseline: 'baselineMm',
  base: 'baselineMm',
  bl: 'baselineMm',
  pre: 'baselineMm',
  pretreatment: 'baselineMm',
  initial: 'baselineMm',
  nadir: 'nadirMm',
  smallest: 'nadirMm',
  lowest: 'nadirMm',
  min: 'nadirMm',
  now: 'currentMm',
  current: 'currentMm',
  today: 'currentMm',
  latest: 'currentMm',
  fu: 'currentMm',
  followup: 'currentMm',
  follow: 'currentMm',
  present: 'currentMm',
};
const FILLER = new Set([
  'sum',
  'of',
  'viable',
  'target',
  'lesions',
  'lesion',
  'diameters',
  'diameter',
  'and',
  'with',
  'the',
  'was',
  'is',
  'at',
  'on',
  'up',
  'scan',
  'ct',
  'mri',
  'mrecist',
  'enhancing',
  'arterial',
  'tumour',
  'tumor',
]);
const LABEL: Record<Slot, string> = { baselineMm: 'baseline', nadirMm: 'nadir', currentMm: 'current' };

export function parseMrecist(text: string): MrecistParse {
  try {
    return read(typeof text === 'string' ? text : '');
  } catch {
    return {
      ok: false,
      errors: [
        {
          code: 'not-understood',
          message: 'Could not read the message; e.g. "baseline 52 nadir 30 now 37 mm".',
          spans: [],
        },
      ],
      notUnderstood: [],
    };
  }
}

function read(text: string): MrecistParse {
  const toks = tokenize(text);
  const n = toks.length;
  const ids = findIdentifierRanges(text, toks);
  const ident = toks.map((t) => ids.some((r) => t.start >= r.start && t.end <= r.end));
  const claimed = new Array<boolean>(n).fill(false);
  const recognised: RecognisedSpan[] = [];
  const notUnderstood: NotUnderstood[] = ids.map((r) => ({
    kind: 'identifier' as const,
    start: r.start,
    end: r.end,
  }));
  const errors: ParseIssue[] = [];
  const values: Partial<Record<Slot, { raw: number; unit?: 'mm' | 'cm'; start: number; end: number }>> = {};
  let newLesion: { value: boolean; start: number; end: number } | undefined;
  let trailingUnit: 'mm' | 'cm' | undefined;
  const w = (k: number): string | undefined => (ident[k] ? undefined : toks[k]?.lower);
  const claim = (from: number, to: number, kind: RecognisedSpan['kind']) => {
    for (let k = from; k < to; k++) claimed[k] = true;
    recognised.push({ start: toks[from]!.start, end: toks[to - 1]!.end, kind });
  };
  const unitAt = (k: number): 'mm' | 'cm' | undefined =>
    w(k) === 'mm' ? 'mm' : w(k) === 'cm' ? 'cm' : undefined;

  let i = 0;
  while (i < n) {
    const l = w(i);
    if (l === undefined || claimed[i]) {
      i++;
      continue;
    }
    // "no new lesions", "new lesion(s)", "new lesion: no", "new intrahepatic lesion"
    let negFrom = -1;
    let j = i;
    if (l === 'no' || l === 'without' || l === 'nil') {
      negFrom = i;
      j = i + 1;
    }
    if (w(j) === 'new') {
      let k = j + 1;
      if (w(k) === 'intrahepatic' || w(k) === 'extrahepatic' || w(k) === 'typical') k++;
      if (
        w(k) === 'lesion' ||
        w(k) === 'lesions' ||
        w(k) === 'nodule' ||
        w(k) === 'nodules' ||
        w(k) === 'disease'
      ) {
        k++;
        let value = negFrom < 0;
        if (negFrom < 0) {
          let m = k;
          if (toks[m]?.text === ':' || toks[m]?.text === '=') m++;
          const v = w(m);
          if (v === 'no' || v === 'none' || v === 'absent' || v === 'nil') {
            value = false;
            k = m + 1;
          } else if (v === 'yes' || v === 'present') k = m + 1;
        }
        const from = negFrom < 0 ? j : negFrom;
        if (newLesion && newLesion.value !== value)
          errors.push({
            code: 'contradiction',
            field: 'newLesion',
            message: `"${text.slice(newLesion.start, newLesion.end)}" and "${text.slice(toks[from]!.start, toks[k - 1]!.end)}" disagree about a new lesion.`,
            spans: [
              { start: newLesion.start, end: newLesion.end },
              { start: toks[from]!.start, end: toks[k - 1]!.end },
            ],
          });
        newLesion = { value, start: toks[from]!.start, end: toks[k - 1]!.end };
        claim(from, k, 'mrecist');
        i = k;
        continue;
      }
    }
    const slot = SLOT_WORDS[l];
    if (slot) {
      let k = i + 1;
      if (l === 'follow' && (toks[k]?.text === '-' || w(k) === 'up')) k += toks[k]?.text === '-' ? 2 : 1;
      while (
        k < n &&
        k < i + 6 &&
        (toks[k]?.text === ':' || toks[k]?.text === '=' || (w(k) !== undefined && FILLER.has(w(k)!)))
      )
        k++;
      const t = ident[k] ? undefined : toks[k];
      const num = t?.type === 'num' ? readNumber(t.text, false) : undefined;
      if (num) {
        let end = k + 1;
        const unit = unitAt(end);
        if (unit) end++;
        const start = toks[i]!.start;
        const prev = values[slot];
        if (prev && prev.raw !== num.value)
          errors.push({
            code: 'contradiction',
            field: slot,
            message: `Two different ${LABEL[slot]} values: "${text.slice(prev.start, prev.end)}" and "${text.slice(start, toks[end - 1]!.end)}".`,
            spans: [
              { start: prev.start, end: prev.end },
              { start, end: toks[end - 1]!.end },
            ],
          });
        values[slot] = { raw: num.value, ...(unit ? { unit } : {}), start, end: toks[end - 1]!.end };
        if (unit) trailingUnit = unit;
        claim(i, end, 'mrecist');
        i = end;
        continue;
      }
    }
    const t = toks[i]!;
    if (t.type === 'punct' || FILLER.has(l) || l === 'mm' || l === 'cm') {
      if (l === 'mm' || l === 'cm') trailingUnit = l;
      claim(i, i + 1, 'filler');
      i++;
      continue;
    }
    i++;
  }
  // Whatever is left is not understood, in runs.
  i = 0;
  while (i < n) {
    if (claimed[i] || ident[i]) {
      i++;
      continue;
    }
    let j = i + 1;
    while (
      j < n &&
      j - i < 12 &&
      !claimed[j] &&
      !ident[j] &&
      toks[j]!.type !== 'punct' &&
      !toks[j]!.newlineBefore
    )
      j++;
    let suggestion: string | undefined;
    for (let k = i; k < j && !suggestion; k++)
      if (toks[k]!.type === 'word') suggestion = suggestMrecist(toks[k]!.text);
    notUnderstood.push({
      kind: 'unknown',
      start: toks[i]!.start,
      end: toks[j - 1]!.end,
      text: text.slice(toks[i]!.start, toks[j - 1]!.end),
      ...(suggestion ? { suggestion } : {}),
    });
    i = j;
  }
  notUnderstood.sort((a, b) => a.start - b.start);
  recognised.sort((a, b) => a.start - b.start);

  const mm = (slot: Slot): number | undefined => {
    const v = values[slot];
    if (!v) return undefined;
    const unit = v.unit ?? trailingUnit ?? 'mm';
    return unit === 'cm' ? Math.round(v.raw * 10 * 1000) / 1000 : v.raw;
  };
  for (const slot of ['baselineMm', 'nadirMm', 'currentMm'] as const) {
    if (!values[slot])
      errors.push({
        code: 'not-understood',
        field: slot,
        message: `The ${LABEL[slot]} sum is missing; write e.g. "baseline 52 nadir 30 now 37 mm, new lesion".`,
        spans: [],
      });
  }
  if (errors.length > 0) return { ok: false, errors, notUnderstood };
  const input = {
    baselineMm: mm('baselineMm')!,
    nadirMm: mm('nadirMm')!,
    currentMm: mm('currentMm')!,
    newLesion: newLesion?.value ?? false,
  };
  const checked = MrecistInputSchema.safeParse(input);
  if (!checked.success) {
    return {
      ok: false,
      errors: checked.error.issues.map((issue) => {
        const slot = issue.path[0] as Slot | undefined;
        const v = slot ? values[slot] : undefined;
        return {
          code:
            issue.path[0] === 'nadirMm' && issue.message.includes('nadir')
              ? ('contradiction' as const)
              : ('implausible' as const),
          field: String(issue.path.join('.')),
          message: `${slot ? LABEL[slot] : 'value'} ${issue.message}`,
          spans: v ? [{ start: v.start, end: v.end }] : [],
        };
      }),
      notUnderstood,
    };
  }
  return { ok: true, input, recognised, notUnderstood };
}

function suggestMrecist(word: string): string | undefined {
  const w = word.toLowerCase();
  if (w.length < 3) return undefined;
  for (const cand of ['baseline', 'nadir', 'current', 'today', 'new', 'lesion']) {
    if (w === cand) return undefined;
  }
  const near = ['baseline', 'nadir', 'current', 'today', 'lesion', 'lesions'].find(
    (c) => editDistance(w, c, 1) <= 1,
  );
  return near ?? suggest(word);
}
