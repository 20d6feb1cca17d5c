import type { Reader } from './reader.js';
import { readNumber, romanGrade } from './tokenize.js';

/**
 * About the patient rather than the liver or the tumour: ECOG performance status and whether it is
 * cancer-related, sex (including "62F" age-sex, whose age is never kept), and current dialysis as MELD counts it
 * (a past or stopped episode is not current dialysis).
 */

/** Before a dialysis phrase: a past episode, not current dialysis ("previous HD", "off HD", "prior CVVHD"). */
const PAST_DIALYSIS = new Set([
  'previous',
  'previously',
  'prior',
  'past',
  'former',
  'formerly',
  'ex',
  'off',
  'history',
  'hx',
  'stopped',
  'discontinued',
  'ceased',
  'weaned',
  'recovered',
]);
/** After a dialysis phrase: it has stopped or is not needed ("dialysis not required", "HD stopped"). */
const STOPPED_DIALYSIS = new Set(['stopped', 'discontinued', 'ceased', 'withdrawn', 'weaned', 'previously']);
/** After "not"/"no longer" following a dialysis phrase ("dialysis not required"). */
const NOT_NEEDED = new Set(['required', 'needed', 'indicated', 'ongoing', 'currently', 'now']);
/** Words in a cause after an ECOG value that make it cancer-related ("due to tumour pain"). */
const CANCER_CAUSE = new Set([
  'cancer',
  'malignancy',
  'malignant',
  'neoplasm',
  'neoplastic',
  'oncological',
  'metastatic',
  'progression',
]);
/** After "from", words that name where the ECOG came from rather than why it is impaired. */
const SOURCE_WORDS = new Set([
  'letter',
  'clinic',
  'notes',
  'note',
  'referral',
  'gp',
  'records',
  'record',
  'review',
  'assessment',
  'oncology',
  'hepatology',
  'oncologist',
  'hepatologist',
  'team',
  'mdt',
  'ward',
  'last',
  'previous',
  'baseline',
  'admission',
  'discharge',
  'summary',
  'report',
  'visit',
]);
/** Words that name no condition, so a cause made only of them decides nothing ("due to pain"). */
const GENERIC_CAUSE = new Set([
  'pain',
  'disease',
  'illness',
  'condition',
  'conditions',
  'symptoms',
  'symptom',
  'fatigue',
  'weakness',
  'frailty',
  'other',
  'reasons',
  'something',
  'unclear',
  'unknown',
  'liver',
  'cirrhosis',
]);

/** Concepts that may sit inside a cause ("due to previous stroke", "from alcohol-related cirrhosis"). */
const CAUSE_CONCEPTS: ReadonlySet<string> = new Set([
  'tumour',
  'mets',
  'organ',
  'filler',
  'treatmentPrefix',
  'treatment',
  'aetiology',
  'liverDisease',
  'measure',
  'vesselExtent',
]);

/** "comorbidity", "cancer-related" standing alone: whether the ECOG is cancer-related. */
export function ecogCause(r: Reader, i: number, related: boolean): number {
  r.set('ecogCancerRelated', related, i, r.after(i));
  return r.claim(i, r.after(i), 'ecog');
}

/** "female", "male", "F", "M" at i. */
export function sexWord(r: Reader, i: number, sex: 'female' | 'male'): number {
  // A bare letter is a sex only standing alone: "F4"/"F 3" (fibrosis stage), "F/U" (follow-up), "M-",
  // "F.u." are not.
  if (r.toks[i]!.text.length === 1 && !bareSexOk(r, i)) return i;
  r.set('sex', sex, i, r.after(i));
  return r.claim(i, r.after(i), 'sex');
}

/** A one-letter "F"/"M" at i stands alone: not before a number, and not attached to "/", "-" or ".". */
export function bareSexOk(r: Reader, i: number): boolean {
  const next = r.toks[i + 1];
  if (!next) return true;
  if (next.type === 'num') return false;
  if (!next.spaceBefore && (next.text === '/' || next.text === '-' || next.text === '.')) return false;
  return true;
}

export function ecog(r: Reader, i: number): number {
  let j = r.skipSeps(r.after(i), 2);
  if (r.lower(j) === 'ps') j = r.skipSeps(j + 1, 2);
  const t = r.tok(j);
  const roman =
    t?.type === 'word' && r.toks[j]!.text === r.toks[j]!.text.toUpperCase() ? romanGrade(t.lower) : undefined;
  if (t?.type !== 'num' && roman === undefined) return i;
  const num = roman !== undefined ? { value: roman } : readNumber(t!.text, false);
  if (!num) return i;
  let end = j + 1;
  const sep = r.tok(end);
  const t2 = r.tok(end + 1);
  if (
    sep &&
    t2 &&
    (sep.text === '-' || sep.text === '/') &&
    t2.type === 'num' &&
    /^\d$/.test(t2.text) &&
    !t2.spaceBefore
  ) {
    end += 2;
    r.claim(i, end, 'ecog');
    r.error('not-understood', 'ecog', `"${r.frag(i, end)}" is a range; give one ECOG value (0-4).`, i, end);
    return end;
  }
  // Attribution: "(comorbidity)", "not cancer related", "due to COPD", "(arthritis)", "from hip fracture".
  let related: boolean | undefined;
  let inferred = false;
  const attr = ecogAttribution(r, end);
  if (attr) {
    related = attr.related;
    inferred = attr.inferred;
    end = attr.end;
  }
  r.claim(i, end, 'ecog');
  if (!Number.isInteger(num.value) || num.value < 0 || num.value > 4) {
    r.error('implausible', 'ecog', `"${r.frag(i, end)}": ECOG is a whole number from 0 to 4.`, i, end);
    return end;
  }
  r.set('ecog', num.value, i, end);
  if (related !== undefined) {
    r.set('ecogCancerRelated', related, i, end);
    if (inferred)
      r.assume(
        'ecogCancerRelated',
        related
          ? `ECOG ${num.value} read as cancer-related (due to the tumour).`
          : `ECOG ${num.value} read as not cancer-related (due to another condition).`,
      );
  }
  return end;
}

/**
 * What follows an ECOG value and says why it is impaired: a vocabulary phrase ("(comorbidity)", "not cancer
 * related"), or a cause after "due to"/"from"/"secondary to"/"because of", or a cause in brackets
 * ("PS 1 (arthritis)"). A cause naming the tumour is cancer-related; any other named condition is not; a cause
 * of only generic words ("due to pain") decides nothing. The cause is never quoted back.
 */
function ecogAttribution(
  r: Reader,
  j0: number,
): { related: boolean; inferred: boolean; end: number } | undefined {
  let k = j0;
  const open = r.tok(k)?.text;
  const bracket = open === '(';
  if (bracket || open === ',' || open === '-' || open === ';') k++;
  const c = r.concept(k);
  if (c === 'comorbid' || c === 'cancerRelated') {
    k = r.after(k);
    if (r.tok(k)?.text === ')') k++;
    return { related: c === 'cancerRelated', inferred: false, end: k };
  }
  let cause = false;
  const l = r.lower(k);
  if ((l === 'due' || l === 'secondary' || l === 'related') && r.lower(k + 1) === 'to') {
    k += 2;
    cause = true;
  } else if (l === 'because' && r.lower(k + 1) === 'of') {
    k += 2;
    cause = true;
  } else if (l === 'from' || l === 'owing') {
    k += l === 'owing' && r.lower(k + 1) === 'to' ? 2 : 1;
    cause = true;
  }
  if (!cause && !bracket) return undefined;
  const fromWord = l === 'from';
  // The cause: up to five words, stopping at punctuation, a number or another finding.
  const from = k;
  let cancer = false;
  let specific = false;
  let last = -1;
  for (; k < from + 5; k++) {
    const t = r.tok(k);
    if (t?.type !== 'word' || (k > from && t.newlineBefore)) break;
    const ck = r.concept(k);
    if (ck !== undefined && !CAUSE_CONCEPTS.has(ck)) break;
    if (ck === 'filler') continue;
    last = k;
    // "ECOG 1 from the clinic letter" names a source, not a cause.
    if (fromWord && SOURCE_WORDS.has(t.lower)) return undefined;
    if (ck === 'tumour' || ck === 'mets' || CANCER_CAUSE.has(t.lower)) cancer = true;
    else if (!GENERIC_CAUSE.has(t.lower)) specific = true;
  }
  if (last < 0) return undefined;
  let end = last + 1;
  if (bracket) {
    if (r.tok(end)?.text !== ')') return undefined;
    end++;
  }
  if (cancer) return { related: true, inferred: true, end };
  if (specific) return { related: false, inferred: true, end };
  return undefined;
}

export function dialysis(r: Reader, i: number): number {
  let j = r.after(i);
  let count: number | undefined;
  const readCount = (k: number): number => {
    // x2, x 2, ×2, 2x, twice, 3 times, 2 sessions
    const t = r.tok(k);
    if (!t) return k;
    if ((t.lower === 'x' || t.text === '×') && r.tok(k + 1)?.type === 'num') {
      count = readNumber(r.toks[k + 1]!.text, false)?.value;
      return k + 2;
    }
    if (t.lower === 'twice') {
      count = 2;
      return k + 1;
    }
    if (t.lower === 'thrice') {
      count = 3;
      return k + 1;
    }
    if (t.type === 'num' && r.concept(k + 1) === 'times') {
      count = readNumber(t.text, false)?.value;
      return r.after(k + 1);
    }
    return k;
  };
  j = readCount(j);
  if (r.concept(j) === 'week') j = r.after(j);
  // "previous HD", "off HD", "ex-dialysis", "no longer on dialysis", "dialysis not required", "HD stopped":
  // a past or stopped episode is not current dialysis.
  const past = pastBefore(r, i);
  const stopped = stoppedAfter(r, j);
  const absent = past < 0 && stopped < 0 ? r.absentAfter(j) : -1;
  if (past >= 0 || stopped >= 0 || absent > 0) {
    const from = past >= 0 ? past : i;
    const end = r.claim(from, Math.max(j, stopped, absent), 'dialysis');
    r.set('dialysis', false, from, end);
    if (absent < 0)
      r.assume(
        'dialysis',
        `"${r.frag(from, end)}" read as not on dialysis now: a past episode was not counted as current dialysis (MELD counts >= 2 sessions or >= 24 h CVVHD in the week before the creatinine).`,
      );
    return end;
  }
  const end = r.claim(i, j, 'dialysis');
  if (count !== undefined && count < 2) {
    r.set('dialysis', false, i, end);
    r.assume(
      'dialysis',
      `"${r.frag(i, end)}": fewer than 2 sessions in the week does not count as dialysis for MELD (>= 2 sessions or >= 24 h CVVHD).`,
    );
  } else {
    r.set('dialysis', true, i, end);
    if (count === undefined)
      r.assume(
        'dialysis',
        `"${r.frag(i, end)}" read as dialysis (>= 2 sessions or >= 24 h CVVHD in the week before the creatinine).`,
      );
  }
  return end;
}

/** The first token of a past-episode marker just before a dialysis phrase at i ("previous", "ex-", "no longer"), or -1. */
function pastBefore(r: Reader, i: number): number {
  const free = (k: number): boolean => k >= 0 && !r.claimed[k] && r.tok(k) !== undefined;
  let k = i - 1;
  // "ex-dialysis", "ex-HD"
  if (free(k) && r.toks[k]!.text === '-' && !r.toks[k]!.spaceBefore && !r.toks[i]!.spaceBefore) {
    return free(k - 1) && r.toks[k - 1]!.lower === 'ex' ? k - 1 : -1;
  }
  if (free(k) && (r.toks[k]!.lower === 'on' || r.toks[k]!.lower === 'of')) k--;
  if (!free(k)) return -1;
  const l = r.toks[k]!.lower;
  if (PAST_DIALYSIS.has(l)) return k;
  // "no longer (on) dialysis"
  if (l === 'longer' && free(k - 1) && r.toks[k - 1]!.lower === 'no') return k - 1;
  // "h/o HD", "history of dialysis"
  if (l === 'o' && free(k - 2) && r.toks[k - 1]!.text === '/' && r.toks[k - 2]!.lower === 'h') return k - 2;
  return -1;
}

/** The end of "not required", "no longer needed", "stopped" after a dialysis phrase ending at j, or -1. */
function stoppedAfter(r: Reader, j: number): number {
  let k = j;
  if (r.tok(k)?.text === '(' || r.tok(k)?.text === '-') k++;
  const l = r.lower(k);
  if (l === undefined) return -1;
  let end = -1;
  if (STOPPED_DIALYSIS.has(l)) end = k + 1;
  else if (l === 'not' && NOT_NEEDED.has(r.lower(k + 1) ?? '')) end = k + 2;
  else if (l === 'no' && r.lower(k + 1) === 'longer') {
    end = k + 2;
    if (NOT_NEEDED.has(r.lower(end) ?? '')) end++;
  }
  if (end > 0 && r.tok(end)?.text === ')' && k > j) end++;
  return end;
}

/** "fully active", "capable of only limited self-care": ECOG described in words, read with an assumption. */
export function ecogInWords(r: Reader, i: number, grade: number): number {
  const end = r.claim(i, r.after(i), 'ecog');
  r.set('ecog', grade, i, end);
  r.assume('ecog', `"${r.frag(i, end)}" read as ECOG ${grade} (the ECOG description).`);
  return end;
}

/** "Sex: F", "gender: male": the label and its value. */
export function sexLabel(r: Reader, i: number): number {
  const j = r.skipSeps(r.after(i), 2);
  const c = r.concept(j);
  if (c !== 'female' && c !== 'male') return r.claim(i, r.after(i), 'filler');
  const end = r.claim(i, r.after(j), 'sex');
  r.set('sex', c, j, r.after(j));
  return end;
}
