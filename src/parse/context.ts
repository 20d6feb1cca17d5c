import { labLead } from './labs.js';
import type { ContextKind } from './parseResult.js';
import type { Reader } from './reader.js';
import { readNumber } from './tokenize.js';
import type { Concept } from './vocabulary.js';

/**
 * What a careful reader recognises but does not score: aetiology and liver disease, platelets and other
 * laboratory values, values measured in other fluids (urine sodium is not serum sodium), body measurements and
 * non-tumour findings (a height of 170 cm is not a lesion), and treatment history ("s/p RFA", "post-TACE x2").
 * Each is claimed, so its numbers are never read as case values, and listed as context in the result.
 */

/** Unit-like tokens after a value that is not read: "x10^9/L", "mmol/L", "kg/m2", "mL/day", "cm³". */
const UNITISH = new Set([
  'x',
  '×',
  '*',
  '^',
  '/',
  '%',
  '³',
  '²',
  'l',
  'dl',
  'ml',
  'ul',
  'µl',
  'μl',
  'mcl',
  'k',
  'kg',
  'g',
  'mg',
  'lb',
  'lbs',
  'm',
  'cm',
  'mm',
  'in',
  'ft',
  'day',
  'd',
  'h',
  'hr',
  'hrs',
  'hour',
  'hours',
  'min',
  'iu',
  'u',
  'kpa',
  'mmhg',
  'hg',
  'bpm',
  'cc',
  'fl',
  'pg',
  'pmol',
  'nmol',
  'mol',
  'mmol',
  'umol',
  'µmol',
  'μmol',
  'meq',
  'ng',
  'ug',
  'µg',
  'mcg',
  'mu',
  'miu',
  'mau',
  'cells',
  'per',
  'tall',
  '°',
  '°c',
  '°f',
  'c',
  'f',
]);

/** After a value: its unit-like tokens, numbers inside a unit ("10^9") and a second measure ("12 x 4 cm"). */
function unitTail(r: Reader, j0: number): number {
  let j = j0;
  for (let guard = 0; guard < 10; guard++) {
    const t = r.tok(j);
    if (!t || t.newlineBefore) break;
    if (r.isUnit(j)) {
      j = r.after(j);
      continue;
    }
    if (UNITISH.has(t.lower)) {
      j++;
      continue;
    }
    // A digit inside a unit ("10^9", "m2", "x10") is attached on the left.
    if (t.type === 'num' && !t.spaceBefore) {
      j++;
      continue;
    }
    // "12 x 4 cm", "127/77": a second number after an axis or slash.
    const prev = r.tok(j - 1);
    if (t.type === 'num' && prev && (prev.text === 'x' || prev.text === '×' || prev.text === '/')) {
      j++;
      continue;
    }
    break;
  }
  return j;
}

/** A name followed (after prose like "of", "was") by a value: claims name, value and unit as context. */
function valueAfter(r: Reader, i: number, j0: number, kind: ContextKind): number {
  const j = labLead(r, j0).j;
  let k = j;
  if (r.tok(k)?.text === '<' || r.tok(k)?.text === '>') k++;
  if (r.tok(k)?.type !== 'num') return r.note(kind, i, j0);
  return r.note(kind, i, unitTail(r, k + 1));
}

export function contextWord(r: Reader, i: number, c: Concept): number {
  switch (c) {
    case 'platelets':
      return valueAfter(r, i, r.after(i), 'platelets');
    case 'otherLab':
      return valueAfter(r, i, r.after(i), 'other-lab');
    case 'measure':
      return valueAfter(r, i, r.after(i), 'measurement');
    case 'bodyFluid': {
      // "urine sodium 20", "ascitic fluid albumin 1.1 g/dL", "urinary Na+ < 10": a lab name after it is not serum.
      let j = r.after(i);
      const cj = r.concept(j);
      if (
        cj === 'sodium' ||
        cj === 'creatinine' ||
        cj === 'albumin' ||
        cj === 'bilirubin' ||
        cj === 'otherLab' ||
        cj === 'measure' ||
        r.lower(j) === 'output' ||
        r.lower(j) === 'volume' ||
        r.lower(j) === 'protein'
      )
        j = r.after(j);
      return valueAfter(r, i, j, 'other-fluid');
    }
    case 'aetiology':
    case 'liverDisease': {
      let j = r.after(i);
      for (let guard = 0; guard < 4; guard++) {
        const cj = r.concept(j);
        if (cj === 'aetiology' || cj === 'liverDisease') j = r.after(j);
        else if (
          r.tok(j)?.text === '-' &&
          (r.concept(j + 1) === 'aetiology' || r.concept(j + 1) === 'liverDisease')
        )
          j = r.after(j + 1);
        else break;
      }
      return r.note(c === 'aetiology' || r.concept(i) === 'aetiology' ? 'aetiology' : 'liver-disease', i, j);
    }
    case 'lrtr': {
      let j = r.after(i);
      const l = r.lower(j);
      if (l === 'viable' || l === 'nonviable' || l === 'equivocal' || l === 'non') {
        j++;
        if (l === 'non' && r.tok(j)?.text === '-' && r.lower(j + 1) === 'viable') j += 2;
      }
      return r.note('treatment-response', i, j);
    }
    case 'treatmentPrefix': {
      let j = r.after(i);
      if (r.tok(j)?.text === '-') j++;
      if (r.concept(j) !== 'treatment') return i;
      return r.note('treatment', i, treatmentEnd(r, j));
    }
    case 'treatment':
      return r.note('treatment', i, treatmentEnd(r, i));
    default:
      return i;
  }
}

/** After a treatment word: more treatments ("TACE + RFA", "atezo/bev") and a count ("x2", "×3", "(2 sessions)"). */
function treatmentEnd(r: Reader, i: number): number {
  let j = r.after(i);
  for (let guard = 0; guard < 6; guard++) {
    const t = r.tok(j);
    if (!t) break;
    const sep =
      t.text === '+' ||
      t.text === '/' ||
      t.text === '-' ||
      t.text === ',' ||
      t.lower === 'and' ||
      t.lower === 'then';
    if (sep && r.concept(j + 1) === 'treatment') {
      j = r.after(j + 1);
      continue;
    }
    // "x2", "× 2", "2x"
    if ((t.lower === 'x' || t.text === '×') && r.tok(j + 1)?.type === 'num') {
      j += 2;
      continue;
    }
    if (t.type === 'num' && (r.lower(j + 1) === 'x' || r.concept(j + 1) === 'times') && !t.spaceBefore) {
      j = r.after(j + 1);
      continue;
    }
    // "in 2022", "2019": when it was done.
    const year = t.lower === 'in' ? r.tok(j + 1) : t;
    if (year?.type === 'num' && /^(19|20)\d\d$/.test(year.text)) {
      j += t.lower === 'in' ? 2 : 1;
      continue;
    }
    // "RFA to a 1.5 cm segment 8 lesion": the lesion treated, not one present now.
    if ((t.lower === 'to' || t.lower === 'of') && treatedLesionEnd(r, j + 1) > j + 1) {
      j = treatedLesionEnd(r, j + 1);
      continue;
    }
    if (
      t.text === '(' &&
      r.tok(j + 1)?.type === 'num' &&
      r.concept(j + 2) === 'times' &&
      r.tok(r.after(j + 2))?.text === ')'
    ) {
      j = r.after(j + 2) + 1;
      continue;
    }
    break;
  }
  return j;
}

/** After "RFA to": "a 1.5 cm segment 8 lesion", "the segment 6 lesion": the index after the lesion word, or j. */
function treatedLesionEnd(r: Reader, j: number): number {
  let k = j;
  for (let guard = 0; guard < 9; guard++) {
    const t = r.tok(k);
    if (!t) return j;
    const c = r.concept(k);
    if (c === 'tumour') return r.after(k);
    const l = t.lower;
    if (
      t.type === 'num' ||
      c === 'u:cm' ||
      c === 'u:mm' ||
      l === 'a' ||
      l === 'an' ||
      l === 'the' ||
      l === 'seg' ||
      l === 'segment' ||
      l === 'x' ||
      /^s$/.test(l) ||
      l === 'lr' ||
      t.text === '-'
    )
      k = r.after(k);
    else return j;
  }
  return j;
}

/** A number before "cycles/sessions/x" and a treatment ("2 cycles of TACE", "3x TACE"): context, never a count. */
export function treatmentCount(r: Reader, i: number): number {
  let j = i + 1;
  if (r.concept(j) !== 'times' && r.lower(j) !== 'x') return i;
  j = r.after(j);
  if (r.lower(j) === 'of') j++;
  if (r.concept(j) === 'treatmentPrefix' && r.concept(r.after(j)) === 'treatment') j = r.after(j);
  if (r.concept(j) !== 'treatment') return i;
  return r.note('treatment', i, treatmentEnd(r, j));
}

/** "aged 67", "age: 67": the age is claimed and never kept. */
export function agedWord(r: Reader, i: number): number {
  const j = r.skipSeps(r.after(i), 1);
  const t = r.tok(j);
  if (t?.type !== 'num') return i;
  const n = readNumber(t.text, false);
  if (!n || !Number.isInteger(n.value) || n.value > 120) return i;
  let end = j + 1;
  if (r.concept(end) === 'ageWord' || r.lower(end) === 'years') end = r.after(end);
  return r.claim(i, end, 'filler');
}
