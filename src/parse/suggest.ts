import { editDistance } from '../text/editDistance.js';
import { type Concept, VOCABULARY } from './vocabulary.js';

/**
 * "Did you mean …?" for a word the parser did not know: the closest single vocabulary word by edit distance,
 * never a small connecting word, and never for common English words or known clinical abbreviations.
 */

/** Small connecting and counting words are never offered as corrections ("right" is not a typo for "eight"). */
const NO_SUGGEST_CONCEPTS: ReadonlySet<Concept> = new Set<Concept>([
  'filler',
  'count',
  'week',
  'times',
  'present',
  'absent',
  'neg',
  'each',
  'ageWord',
  'female',
  'male',
  'organ',
  // Words read only as context or as part of a longer phrase: a near miss of one is not a value gone unread.
  'ps0',
  'ps1',
  'ps2',
  'ps3',
  'ps4',
  'aged',
  'sexLabel',
  'mrecistWord',
  'vesselExtent',
  'aetiology',
  'liverDisease',
  'platelets',
  'otherLab',
  'bodyFluid',
  'measure',
  'treatment',
  'treatmentPrefix',
  'lrtr',
]);

/** Words suggestions are drawn from: single vocabulary words of three letters or more. */
const SUGGESTABLE: readonly string[] = (() => {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const entry of VOCABULARY) {
    if (NO_SUGGEST_CONCEPTS.has(entry.concept)) continue;
    for (const phrase of entry.phrases) {
      for (const word of phrase.toLowerCase().split(/[\s]+/)) {
        if (word.length >= 3 && /^[a-zµμα]+$/u.test(word) && !seen.has(word)) {
          seen.add(word);
          out.push(word);
        }
      }
    }
  }
  return out;
})();
const SUGGESTABLE_SET = new Set(SUGGESTABLE);
const RANK = new Map(SUGGESTABLE.map((w, k) => [w, k]));
/** Candidates by length, so a word is compared only with words it could be within distance of. */
const BY_LENGTH: string[][] = (() => {
  const out: string[][] = [];
  for (const w of SUGGESTABLE) {
    const bucket = out[w.length] ?? [];
    bucket.push(w);
    out[w.length] = bucket;
  }
  return out;
})();

/** Common English words that get no suggestion ("may" is not a typo for "man"). */
const NO_SUGGEST = new Set([
  'may',
  'can',
  'had',
  'her',
  'his',
  'him',
  'she',
  'was',
  'are',
  'has',
  'not',
  'but',
  'for',
  'from',
  'that',
  'this',
  'then',
  'than',
  'they',
  'will',
  'well',
  'what',
  'when',
  'who',
  'why',
  'how',
  'new',
  'old',
  'now',
  'see',
  'seen',
  'day',
  'days',
  'date',
  'done',
  'did',
  'does',
  'per',
  'via',
  'pre',
  'post',
  'ago',
  'any',
  'all',
  'one',
  'own',
  'out',
  'off',
  'too',
  'few',
  'set',
  'got',
  'get',
  'let',
  'put',
  'run',
  'met',
  'men',
  'mass',
  'case',
  'care',
  'more',
  'most',
  'less',
  'some',
  'same',
  'also',
  'just',
  'only',
  'very',
  'here',
  'plt',
  'alt',
  'ast',
  'alp',
  'ggt',
  'crp',
  'wbc',
  'egfr',
  'meld',
  'bclc',
  'child',
  'pugh',
  'albi',
  'cirrhosis',
  'hcv',
  'hbv',
  'hdv',
  'nash',
  'mash',
  'nafld',
  'masld',
  'ald',
  'arld',
  'mrn',
  'nhs',
  'tace',
  'tare',
  'sbrt',
  'rfa',
  'mwa',
]);

/**
 * A close vocabulary word for an unknown one (`bilu` → `bili`), or undefined. Words shorter than three letters,
 * vocabulary words themselves and common English words get none. Distance 1 for words of up to five letters,
 * 2 for longer ones; ties go to the word listed first in VOCABULARY.
 */
export function suggest(word: string): string | undefined {
  const w = word.toLowerCase();
  if (w.length < 3 || w.length > 40 || SUGGESTABLE_SET.has(w) || NO_SUGGEST.has(w)) return undefined;
  if (!/^\p{L}+$/u.test(w)) return undefined;
  const max = w.length <= 5 ? 1 : 2;
  let best: string | undefined;
  let bestRank = Number.POSITIVE_INFINITY;
  let bestD = max + 1;
  for (let len = w.length - max; len <= w.length + max; len++) {
    for (const candidate of BY_LENGTH[len] ?? []) {
      const dist = editDistance(w, candidate, max);
      const rank = RANK.get(candidate) ?? 0;
      if (dist < bestD || (dist === bestD && rank < bestRank)) {
        bestD = dist;
        best = candidate;
        bestRank = rank;
      }
    }
  }
  return bestD <= max ? best : undefined;
}
