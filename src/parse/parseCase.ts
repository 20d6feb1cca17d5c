import type { CaseInputJson } from '../clinical/caseInput.js';
import {
  ascitesAfter,
  finishHeSigns,
  gradeFirst,
  heAfter,
  heSign,
  qualifierFirst,
} from './ascitesEncephalopathy.js';
import { agedWord, contextWord, treatmentCount } from './context.js';
import { FIELD_ORDER, type StoreKey } from './fields.js';
import {
  blandThrombus,
  booleanFinding,
  finishMacro,
  invasionNote,
  mets,
  negation,
  organ,
  vesselExtent,
  vpvv,
} from './invasionSpread.js';
import { applyLab, LAB_CONCEPTS, type LabField, lab, pt, readValue } from './labs.js';
import { mrecistInCase } from './mrecistInCase.js';
import type { ParseResult, RecognisedSpan, StatedScoreKey, UnitSystem } from './parseResult.js';
import { bareSexOk, dialysis, ecog, ecogCause, ecogInWords, sexLabel, sexWord } from './patient.js';
import { Reader } from './reader.js';
import { suggest } from './suggest.js';
import { readNumber } from './tokenize.js';
import {
  addStatement,
  checkTotal,
  countFirst,
  finishTumour,
  largest,
  locationWord,
  multiFirst,
  organLesion,
  readSizes,
  total,
  tumourNoun,
} from './tumour.js';
import { COUNT_WORDS } from './vocabulary.js';

/** The longest message read, in UTF-16 units: a long clinic letter fits; a whole record does not. */
export const MAX_TEXT_LENGTH = 8000;

/**
 * Free text → CaseInput. One linear tokenizer pass, one longest-match lexicon pass, then a left-to-right reading
 * where each rule looks a bounded number of tokens ahead. Pure; never throws: a failure inside returns a result
 * with the `internal` error code, which the fuzz test asserts never appears (it calls `readCase`, which throws).
 */
export function parseCase(text: string, options: { units?: UnitSystem | undefined } = {}): ParseResult {
  const t = typeof text === 'string' ? text : '';
  try {
    return readCase(t, options);
  } catch {
    return refused(t, {
      code: 'internal',
      message:
        'Something went wrong reading this message; nothing was read. Please rephrase it, e.g. "bili 1.2 mg/dL, alb 3.5 g/dL, INR 1.1".',
      spans: [],
    });
  }
}

/** parseCase without the guard: throws on a bug. For tests and benchmarks, so a crash is seen, not absorbed. */
export function readCase(text: string, options: { units?: UnitSystem | undefined } = {}): ParseResult {
  if (text.length > MAX_TEXT_LENGTH)
    return refused(text, {
      code: 'too-long',
      message: `The message is ${text.length.toLocaleString('en-GB')} characters long; I read up to ${MAX_TEXT_LENGTH.toLocaleString('en-GB')}. Paste only the part with the labs, imaging and performance status, e.g. "bili 1.2 mg/dL, alb 3.5 g/dL, INR 1.1, 2 lesions 3 and 2 cm".`,
      spans: [],
    });
  return read(new Reader(text, options.units));
}

/** A result that reads nothing: the whole text is reported as not understood, with one error saying why. */
function refused(text: string, error: ParseResult['errors'][number]): ParseResult {
  return {
    input: {},
    recognised: [],
    notUnderstood: text.length > 0 ? [{ kind: 'unknown', start: 0, end: text.length, text: '' }] : [],
    assumptions: [],
    errors: [error],
    warnings: [],
  };
}

/** Left to right: each rule claims the tokens it reads; then the findings are reconciled and the rest reported. */
function read(r: Reader): ParseResult {
  const n = r.toks.length;
  let i = 0;
  // Every step advances i, so the loop ends after at most n steps.
  while (i < n) {
    if (r.ident[i] || r.claimed[i]) {
      i++;
      continue;
    }
    const j = step(r, i);
    i = j > i ? j : i + 1;
  }
  finishMacro(r);
  finishHeSigns(r);
  finishTumour(r);
  checkTotal(r);
  leftovers(r);
  return result(r);
}

function step(r: Reader, i: number): number {
  const t = r.toks[i]!;
  if (t.type === 'num') return atNumber(r, i);
  // Location words ("LR-5", "seg 7", "S8", "M1") all start with l, m, n or s. Char codes, not a regex: this
  // runs for every token and is measurably cheaper (npm run bench:core).
  const c0 = t.lower.charCodeAt(0);
  if (c0 === 108 || c0 === 109 || c0 === 110 || c0 === 115) {
    const special = locationWord(r, i);
    if (special > i) return special;
  }
  const c = r.concept(i);
  // Most tokens name no concept: the switch below compares strings one case at a time.
  if (c === undefined) return i;
  switch (c) {
    case 'bilirubin':
    case 'albumin':
    case 'creatinine':
    case 'inr':
    case 'sodium':
    case 'afp':
    case 'pivka':
      return lab(r, i, c);
    case 'pt':
      return pt(r, i);
    case 'ascites':
      return ascitesAfter(r, i);
    case 'he':
      return heAfter(r, i);
    case 'mild':
    case 'severe':
    case 'controlled':
      return qualifierFirst(r, i);
    case 'grade':
      return gradeFirst(r, i);
    case 'ecog':
      return ecog(r, i);
    case 'comorbid':
      return ecogCause(r, i, false);
    case 'cancerRelated':
      return ecogCause(r, i, true);
    case 'female':
    case 'male':
      return sexWord(r, i, c);
    case 'dialysis':
      return dialysis(r, i);
    case 'neg':
      return negation(r, i);
    case 'cholestatic':
    case 'csph':
    case 'macro':
    case 'ehs':
    case 'lnPos':
    case 'infiltrative':
      return booleanFinding(r, i, c);
    case 'vp':
    case 'vv':
      return vpvv(r, i, c);
    case 'mets':
      return mets(r, i);
    case 'organ':
      return organ(r, i);
    case 'micro':
    case 'pvt':
    case 'vascularInvasion':
      return invasionNote(r, i, c);
    case 'bland':
      return blandThrombus(r, i, r.after(i));
    case 'tumour':
      return tumourNoun(r, i);
    case 'count':
      return countFirst(r, i, COUNT_WORDS[r.toks[i]!.lower] ?? 1);
    case 'largest':
      return largest(r, i);
    case 'multi':
      return multiFirst(r, i);
    case 'total':
      return total(r, i);
    case 'computed':
      return mentionedScore(r, i);
    case 'platelets':
    case 'otherLab':
    case 'measure':
    case 'bodyFluid':
    case 'aetiology':
    case 'liverDisease':
    case 'lrtr':
    case 'treatmentPrefix':
    case 'treatment':
      return contextWord(r, i, c);
    case 'ps0':
    case 'ps1':
    case 'ps2':
    case 'ps3':
    case 'ps4':
      return ecogInWords(r, i, Number(c.slice(2)));
    case 'aged':
      return agedWord(r, i);
    case 'sexLabel':
      return sexLabel(r, i);
    case 'mrecistWord':
      return mrecistInCase(r, i);
    case 'vesselExtent':
      return vesselExtent(r, i);
    case 'heading':
      return heading(r, i);
    case 'heSign':
      return heSign(r, i);
    default:
      return i;
  }
}

/**
 * A section heading or case label: "Case 3:", "Labs:", "Imaging -", "MDT discussion". Read past as filler: the case
 * number is a label, never a count or a size.
 */
function heading(r: Reader, i: number): number {
  let end = r.after(i);
  if (r.lower(i) === 'case' && /^\d{1,3}[a-z]?$/i.test(r.tok(end)?.text ?? '')) end++;
  const sep = r.tok(end)?.text;
  if (sep === ':' || sep === '-' || sep === '—' || sep === '#') end++;
  return r.claim(i, end, 'filler');
}

/** A number first: an age-sex ("62F"), a count, a size or list of sizes, or a value before its lab name. */
function atNumber(r: Reader, i: number): number {
  const t = r.toks[i]!;
  const num = readNumber(t.text, false);
  if (!num) return i;
  const v = num.value;
  const n1 = r.tok(i + 1);
  // Age-sex "62F", "58 M", "62 yo F": the age is never kept.
  if (n1 && Number.isInteger(v) && v >= 1 && v <= 120) {
    const c1 = r.concept(i + 1);
    const letter = r.toks[i + 1]!.text.length === 1;
    if (
      (c1 === 'female' || c1 === 'male') &&
      !(letter && !bareSexOk(r, i + 1)) &&
      !(r.toks[i + 1]!.spaceBefore && letter && r.isUnit(i + 2))
    ) {
      const end = r.claim(i, r.after(i + 1), 'sex');
      r.set('sex', c1, i + 1, r.after(i + 1));
      return end;
    }
    if (c1 === 'ageWord') {
      let end = r.after(i + 1);
      const c2 = r.concept(end);
      if ((c2 === 'female' || c2 === 'male') && (r.toks[end]!.text.length > 1 || bareSexOk(r, end))) {
        r.set('sex', c2, end, r.after(end));
        end = r.after(end);
        return r.claim(i, end, 'sex');
      }
      return r.claim(i, end, 'filler');
    }
  }
  // "2 lung nodules": lesions in another organ are spread.
  if (Number.isInteger(v) && r.concept(i + 1) === 'organ') {
    const spread = organLesion(r, i, i + 1);
    if (spread > i) return spread;
  }
  // "2 cycles of TACE", "3x TACE": treatment history, not a count.
  const treated = treatmentCount(r, i);
  if (treated > i) return treated;
  // Count then lesion word: "3 lesions largest 4.2 cm".
  if (Number.isInteger(v) && !t.text.includes('.') && !t.text.includes(',') && r.concept(i + 1) === 'tumour')
    return countFirst(r, i, v);
  // A size or list of sizes: "2.1 x 1.8 cm", "4.5, 2 and 1.5 cm lesions", "18 mm".
  const sizes = readSizes(r, i);
  if (sizes) {
    let end = sizes.end;
    const each = r.concept(end) === 'each';
    if (each) end = r.after(end);
    if (r.concept(end) === 'tumour') end = r.after(end);
    // "170 cm tall": a body measurement, not a lesion.
    if (r.concept(end) === 'measure') return r.note('measurement', i, r.after(end));
    r.claim(i, end, 'tumour');
    return addStatement(r, { sizes: sizes.sizes, from: i, to: end });
  }
  // A value before its name: "34 umol/L bilirubin".
  const val = readValue(r, i, false);
  if (val) {
    const k = r.skipSeps(val.end, 1);
    const c = r.concept(k);
    if (c && LAB_CONCEPTS.has(c) && !readValue(r, r.after(k), c === 'afp' || c === 'pivka')) {
      const end = r.claim(i, r.after(k), c as LabField);
      applyLab(r, c as LabField, val, i, end);
      return end;
    }
  }
  return i;
}

/** Which score a score word names: "Child-Pugh"/"CP" → childPugh, "MELD-Na" → meldNa, "ALBI" → albi, … */
function scoreKey(r: Reader, i: number): StatedScoreKey {
  const words: string[] = [];
  for (let k = i; k < r.after(i); k++) words.push(r.toks[k]!.lower);
  const w = words.join(' ');
  if (w.startsWith('meld')) {
    if (words.includes('na') || w.startsWith('meldna')) return 'meldNa';
    if (w.startsWith('meld3') || w.includes('3.0') || words.includes('3')) return 'meld3';
    return 'meld';
  }
  if (w.startsWith('albi')) return 'albi';
  if (w.startsWith('bclc')) return 'bclc';
  return 'childPugh';
}

/**
 * "Child-Pugh B7", "CP-A5", "MELD 14", "MELD-Na 17", "BCLC B", "ALBI grade 2": a score the text states. It is never
 * used in place of the computed one; the pipeline compares the two (statedScores.ts).
 */
function mentionedScore(r: Reader, i: number): number {
  const score = scoreKey(r, i);
  let j = r.skipSeps(r.after(i), 2);
  // "MELD-Na" written as "MELD - Na" or "MELD Na" when the lexicon phrase did not cover it.
  let key = score;
  if (score === 'meld' && r.lower(j) === 'na') {
    key = 'meldNa';
    j = r.skipSeps(j + 1, 2);
  }
  const l = r.lower(j);
  if (l === 'class' || l === 'score' || l === 'stage' || l === 'grade' || l === 'of')
    j = r.skipSeps(j + 1, 1);
  const t = r.tok(j);
  let end = r.after(i);
  let cls: string | undefined;
  let points: number | undefined;
  const num = (k: number) => {
    const u = r.tok(k);
    return u?.type === 'num' ? readNumber(u.text, false)?.value : undefined;
  };
  const letters = key === 'childPugh' ? /^[a-c]$/ : key === 'bclc' ? /^[a-d]$/ : undefined;
  if (t?.type === 'word' && letters?.test(t.lower)) {
    cls = t.text.toUpperCase();
    end = j + 1;
    // "B8", "B 8", "B (8)"
    let k = end;
    if (r.tok(k)?.text === '(') k++;
    const p = key === 'childPugh' ? num(k) : undefined;
    if (p !== undefined && Number.isInteger(p) && p >= 5 && p <= 15) {
      points = p;
      end = k + 1;
      if (r.tok(end)?.text === ')' && k > j + 1) end++;
    }
  } else if (t?.type === 'num') {
    // ALBI scores are negative: the "-" before the number was skipped as a separator.
    const negative = key === 'albi' && r.tok(j - 1)?.text === '-' && !r.toks[j]!.spaceBefore;
    const v = negative ? -num(j)! : num(j)!;
    if (key === 'bclc') {
      if (v === 0) cls = '0';
    } else if (
      key === 'albi' &&
      Number.isInteger(v) &&
      v >= 1 &&
      v <= 3 &&
      (l === 'grade' || !r.toks[j]!.text.includes('.'))
    )
      cls = String(v);
    else points = v;
    if (cls !== undefined || points !== undefined) end = j + 1;
  } else if (
    t?.text === '-' &&
    r.tok(j + 1)?.type === 'num' &&
    !r.toks[j + 1]!.spaceBefore &&
    key === 'albi'
  ) {
    points = -num(j + 1)!;
    end = j + 2;
  }
  if (cls === undefined && points === undefined) {
    // A bare "CP" or "child" could be anything; a bare "MELD"/"BCLC" is only a mention.
    if (r.toks[i]!.lower === 'cp' || r.toks[i]!.lower === 'child') return i;
    return r.claim(i, end, 'filler');
  }
  r.claim(i, end, 'stated-score');
  r.statedScores.push({
    score: key,
    ...(cls !== undefined ? { class: cls } : {}),
    ...(points !== undefined ? { points } : {}),
    ...r.range(i, end),
    text: r.frag(i, end),
  });
  return end;
}

/** What was not read: filler and punctuation are claimed quietly, anything else is reported as not understood. */
function leftovers(r: Reader): void {
  const n = r.toks.length;
  let i = 0;
  while (i < n) {
    if (r.claimed[i] || r.ident[i]) {
      i++;
      continue;
    }
    const t = r.toks[i]!;
    const c = r.match[i]?.concept;
    if (
      t.type === 'punct' ||
      c === 'filler' ||
      t.lower === 'patient' ||
      t.lower === 'pt' ||
      t.lower === 'pts'
    ) {
      let j = i + 1;
      while (j < n && !r.claimed[j] && !r.ident[j] && r.toks[j]!.type === 'punct') j++;
      r.claim(i, j, 'filler');
      i = j;
      continue;
    }
    // A run of unknown words and numbers separated only by spaces (a stray unit phrase stays whole).
    let j = i + 1;
    const phraseEnd = i + (r.match[i]?.len ?? 1);
    while (j < phraseEnd && !r.claimed[j] && !r.ident[j]) j++;
    while (
      j < n &&
      j - i < 12 &&
      !r.claimed[j] &&
      !r.ident[j] &&
      r.toks[j]!.type !== 'punct' &&
      !r.toks[j]!.newlineBefore &&
      r.match[j]?.concept !== 'filler'
    )
      j++;
    const start = t.start;
    const end = r.toks[j - 1]!.end;
    let suggestion: string | undefined;
    // Suggestions for the first words of the first fragments only: a long paste of unknown text stays linear.
    for (let k = i; k < j && k < i + 3 && !suggestion && r.suggestBudget > 0; k++) {
      if (r.toks[k]!.type !== 'word') continue;
      r.suggestBudget--;
      suggestion = suggest(r.toks[k]!.text);
    }
    for (let k = i; k < j; k++) r.claimed[k] = 1;
    r.notUnderstood.push({
      kind: 'unknown',
      start,
      end,
      text: r.text.slice(start, end),
      ...(suggestion ? { suggestion } : {}),
    });
    i = j;
  }
}

/** Recognised spans in text order (stored by first token, so no sort is needed). */
function recognised(r: Reader): RecognisedSpan[] {
  const out: RecognisedSpan[] = [];
  const spans = r.spanAt;
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    if (span !== undefined) out.push(span);
  }
  return out;
}

/** "Ascites was mentioned without a grade" is moot when another mention gave the grade ("mild ascites … manage ascites"). */
const UNGRADED = /mentioned without a grade/;

function result(r: Reader): ParseResult {
  for (let k = r.warnings.length - 1; k >= 0; k--) {
    const w = r.warnings[k]!;
    if (w.field && UNGRADED.test(w.message) && r.fields.has(w.field as StoreKey)) r.warnings.splice(k, 1);
  }
  const input: Record<string, unknown> = {};
  for (const f of FIELD_ORDER) {
    const e = r.fields.get(f);
    if (e && !r.conflicted.has(f)) input[f] = e.value;
  }
  if (r.conflicted.has('nodulesCm') || r.conflicted.has('noduleCount')) {
    delete input.nodulesCm;
    delete input.noduleCount;
    delete input.largestNoduleCm;
  }
  return {
    input: input as CaseInputJson,
    recognised: recognised(r),
    notUnderstood: sortByStart(r.notUnderstood),
    assumptions: r.assumptions,
    errors: r.errors,
    warnings: r.warnings,
    context: r.context,
    statedScores: r.statedScores,
    ...(r.mrecist ? { mrecist: r.mrecist } : {}),
  };
}

/** Spans are mostly produced in order; sort only when they are not. */
function sortByStart<T extends { start: number }>(list: T[]): T[] {
  for (let k = 1; k < list.length; k++) {
    if (list[k - 1]!.start > list[k]!.start) return list.sort((a, b) => a.start - b.start);
  }
  return list;
}
