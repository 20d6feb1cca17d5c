import type { Reader } from './reader.js';
import { readNumber, romanGrade } from './tokenize.js';

/**
 * Ascites and hepatic encephalopathy: a grade or qualifier after the word ("ascites mild", "HE grade 1-2", "no
 * HE") or before it ("moderate-severe ascites", "grade 2 HE"), read into the Child-Pugh classes.
 */

/** Reads qualifiers like "mild", "moderate-severe", "mild to moderate", "controlled on diuretics". */
function qualifiers(r: Reader, i: number): { end: number; mild: boolean; severe: boolean } | undefined {
  let j = i;
  let mild = false;
  let severe = false;
  let any = false;
  for (let guard = 0; guard < 6; guard++) {
    const c = r.concept(j);
    if (c === 'mild' || c === 'controlled') mild = true;
    else if (c === 'severe') severe = true;
    else break;
    any = true;
    j = r.after(j);
    const sep = r.tok(j);
    const c2 = r.concept(j + 1);
    if (
      sep &&
      (sep.text === '-' || sep.text === '/' || sep.lower === 'to' || sep.lower === 'or') &&
      (c2 === 'mild' || c2 === 'severe' || c2 === 'controlled')
    )
      j++;
    else if (c === 'mild' || c === 'severe') {
      // "mild ascites controlled on diuretics" handled by the caller; allow "moderate, controlled"? no.
      if (r.concept(j) === 'controlled') continue;
      break;
    } else break;
  }
  return any ? { end: j, mild, severe } : undefined;
}

function ascitesValue(r: Reader, q: { mild: boolean; severe: boolean }, from: number, to: number): void {
  const value = q.severe ? 'moderate-severe' : 'mild';
  if (q.mild && q.severe)
    r.assume(
      'ascites',
      `"${r.frag(from, to)}" read as moderate-severe ascites (the worse of the grades given).`,
    );
  r.set('ascites', value, from, to);
}

export function ascitesAfter(r: Reader, i: number): number {
  const j0 = r.after(i);
  let j = r.skipSeps(j0, 2);
  const c = r.concept(j);
  const neg = r.absentAfter(j0);
  if (neg > 0) {
    const end = r.claim(i, neg, 'ascites');
    r.set('ascites', 'none', i, end);
    return end;
  }
  const q = qualifiers(r, j);
  if (q) {
    let end = q.end;
    if (r.tok(end)?.text === ')') end++;
    r.claim(i, end, 'ascites');
    ascitesValue(r, q, i, end);
    return end;
  }
  if (c === 'grade') {
    j = r.after(j);
    const t = r.tok(j);
    const g = t?.type === 'num' ? readNumber(t.text, false)?.value : undefined;
    if (g !== undefined && Number.isInteger(g) && g >= 0 && g <= 3) {
      const end = r.claim(i, j + 1, 'ascites');
      r.set('ascites', g === 0 ? 'none' : g === 1 ? 'mild' : 'moderate-severe', i, end);
      return end;
    }
  }
  let end = r.after(i);
  if (c === 'present') end = r.after(j);
  r.claim(i, end, 'ascites');
  r.warn(
    'not-understood',
    'ascites',
    'Ascites was mentioned without a grade; write "no ascites", "mild ascites" (or controlled on diuretics) or "moderate/severe ascites".',
    i,
    end,
  );
  return end;
}

function heGrade(r: Reader, grade: number, grade2: number | undefined, from: number, to: number): void {
  const cls = (g: number) => (g === 0 ? 'none' : g <= 2 ? 'grade-1-2' : 'grade-3-4');
  const a = cls(grade);
  const b = grade2 === undefined ? a : cls(grade2);
  if (a !== b) {
    r.warn(
      'not-understood',
      'encephalopathy',
      `"${r.frag(from, to)}" spans two Child-Pugh classes of encephalopathy and was not used; give one grade.`,
      from,
      to,
    );
    return;
  }
  r.set('encephalopathy', a, from, to);
}

/** A grade 0-4, optionally a range "1-2"; returns the end index. */
function readGrade(r: Reader, j: number): { g: number; g2?: number; end: number } | undefined {
  const grade = (k: number): number | undefined => {
    const t = r.tok(k);
    if (t?.type === 'num') return /^\d$/.test(t.text) ? Number(t.text) : undefined;
    return t?.type === 'word' ? romanGrade(t.lower) : undefined;
  };
  const g = grade(j);
  if (g === undefined || g > 4) return undefined;
  const sep = r.tok(j + 1);
  if (sep && (sep.text === '-' || sep.text === '/' || sep.text === '–' || sep.lower === 'to')) {
    const g2 = grade(j + 2);
    if (g2 !== undefined && g2 <= 4) return { g, g2, end: j + 3 };
  }
  return { g, end: j + 1 };
}

export function heAfter(r: Reader, i: number): number {
  // Only all-caps "HE" stands alone; "he"/"He" is read as encephalopathy only with a grade or "none" after it.
  const lowercaseHe = r.toks[i]!.lower === 'he' && r.toks[i]!.text !== 'HE';
  let j0 = r.after(i);
  // "encephalopathic, grade 2"
  if (r.tok(j0)?.text === ',' && r.concept(j0 + 1) === 'grade') j0++;
  let j = r.skipSeps(j0, 2);
  const neg = r.absentAfter(j0);
  if (neg > 0) {
    const end = r.claim(i, neg, 'encephalopathy');
    r.set('encephalopathy', 'none', i, end);
    return end;
  }
  if (r.concept(j) === 'grade') j = r.skipSeps(r.after(j), 1);
  const c = r.concept(j);
  const gr = readGrade(r, j);
  if (gr) {
    const end = r.claim(i, gr.end, 'encephalopathy');
    heGrade(r, gr.g, gr.g2, i, end);
    return end;
  }
  const q = qualifiers(r, j);
  if (q && !lowercaseHe) {
    const end = r.claim(i, q.end, 'encephalopathy');
    heQual(r, q, i, end);
    return end;
  }
  if (lowercaseHe) return i;
  let end = r.after(i);
  if (c === 'present') end = r.after(j);
  r.claim(i, end, 'encephalopathy');
  r.warn(
    'not-understood',
    'encephalopathy',
    'Encephalopathy was mentioned without a grade; write "no HE", "HE 1-2" or "HE grade 3".',
    i,
    end,
  );
  return end;
}

function heQual(r: Reader, q: { mild: boolean; severe: boolean }, from: number, to: number): void {
  if (q.mild && q.severe) {
    r.warn(
      'not-understood',
      'encephalopathy',
      `"${r.frag(from, to)}" was not used; give one HE grade.`,
      from,
      to,
    );
    return;
  }
  r.set('encephalopathy', q.severe ? 'grade-3-4' : 'grade-1-2', from, to);
  r.assume(
    'encephalopathy',
    `"${r.frag(from, to)}" read as encephalopathy ${q.severe ? 'grade 3-4' : 'grade 1-2'}.`,
  );
}

const EXAM_WORDS = new Set(['palpable', 'clinical', 'clinically', 'detectable', 'visible', 'radiological']);

export function qualifierFirst(r: Reader, i: number): number {
  const q0 = qualifiers(r, i);
  if (!q0) return i;
  // "minimal palpable ascites", "mild clinical ascites": an examination word between the grade and the finding.
  const q =
    EXAM_WORDS.has(r.lower(q0.end) ?? '') && r.concept(q0.end + 1) === 'ascites'
      ? { ...q0, end: q0.end + 1 }
      : q0;
  const c = r.concept(q.end);
  if (c === 'ascites') {
    let end = r.after(q.end);
    // "mild ascites controlled on diuretics"
    if (r.concept(end) === 'controlled') end = r.after(end);
    r.claim(i, end, 'ascites');
    ascitesValue(r, q, i, end);
    return end;
  }
  if (c === 'he') {
    const end = r.claim(i, r.after(q.end), 'encephalopathy');
    heQual(r, q, i, end);
    return end;
  }
  return i;
}

export function gradeFirst(r: Reader, i: number): number {
  const gr = readGrade(r, r.after(i));
  if (!gr) return i;
  const c = r.concept(gr.end);
  if (c === 'he') {
    const end = r.claim(i, r.after(gr.end), 'encephalopathy');
    heGrade(r, gr.g, gr.g2, i, end);
    return end;
  }
  if (c === 'ascites' && gr.g2 === undefined && gr.g <= 3) {
    const end = r.claim(i, r.after(gr.end), 'ascites');
    r.set('ascites', gr.g === 0 ? 'none' : gr.g === 1 ? 'mild' : 'moderate-severe', i, end);
    return end;
  }
  return i;
}

/**
 * "Asterixis", "flapping tremor": a sign of hepatic encephalopathy that gives no West Haven grade, so it is not
 * scored. "no asterixis" says nothing either way (covert encephalopathy has none). Recognised, and asked about
 * when the text states no grade (`finishHeSigns`).
 */
export function heSign(r: Reader, i: number): number {
  let end = r.after(i);
  const neg = r.absentAfter(end);
  if (neg > 0) return r.claim(i, neg, 'encephalopathy');
  if ((r.lower(end) === 'is' || r.lower(end) === 'was') && r.concept(end + 1) === 'present') end += 2;
  else if (r.concept(end) === 'present') end = r.after(end);
  if (r.lower(i - 1) !== 'no') r.heSigns.push({ from: i, to: end });
  return r.claim(i, end, 'encephalopathy');
}

/** A sign of encephalopathy with no grade stated anywhere: a warning asks for the grade (never "not stated"). */
export function finishHeSigns(r: Reader): void {
  const first = r.heSigns[0];
  if (!first || r.fields.has('encephalopathy') || r.conflicted.has('encephalopathy')) return;
  r.warn(
    'not-understood',
    'encephalopathy',
    `"${r.frag(first.from, first.to)}" points to hepatic encephalopathy but gives no grade: write "HE grade 1-2" or "HE grade 3-4" (West Haven) to score it.`,
    first.from,
    first.to,
  );
}
