import { editDistance } from '../text/editDistance.js';
import { tokenize } from './tokenize.js';

/**
 * The words the parser reads, in one table: the lexicon the parser matches on, the list `suggest()` draws
 * from, and the description the Slack help and docs/parsing.md show. Matching is case-insensitive and works
 * on tokens, so `T.bil`, `T. bil` and `t.bil` are the same phrase.
 */

export type Concept =
  | 'bilirubin'
  | 'albumin'
  | 'inr'
  | 'creatinine'
  | 'sodium'
  | 'afp'
  | 'pivka'
  | 'pt'
  | 'prolonged'
  | 'u:mg/dL'
  | 'u:umol/L'
  | 'u:g/dL'
  | 'u:g/L'
  | 'u:mmol/L'
  | 'u:ng/mL'
  | 'u:IU/mL'
  | 'u:mAU/mL'
  | 'u:cm'
  | 'u:mm'
  | 'u:s'
  | 'ascites'
  | 'mild'
  | 'severe'
  | 'controlled'
  | 'he'
  | 'ecog'
  | 'comorbid'
  | 'cancerRelated'
  | 'female'
  | 'male'
  | 'ageWord'
  | 'dialysis'
  | 'cholestatic'
  | 'csph'
  | 'macro'
  | 'vp'
  | 'vv'
  | 'bland'
  | 'vascularInvasion'
  | 'micro'
  | 'ehs'
  | 'mets'
  | 'organ'
  | 'lnPos'
  | 'infiltrative'
  | 'multi'
  | 'tumour'
  | 'count'
  | 'largest'
  | 'total'
  | 'each'
  | 'grade'
  | 'neg'
  | 'absent'
  | 'present'
  | 'week'
  | 'times'
  | 'computed'
  | 'filler';

export interface VocabularyEntry {
  /** What the words mean, for people. */
  label: string;
  /** The CaseInput field(s) concerned, if any. */
  field?: string;
  concept: Concept;
  phrases: readonly string[];
  note?: string;
}

export const VOCABULARY: readonly VocabularyEntry[] = [
  {
    label: 'Bilirubin (total)',
    field: 'bilirubin',
    concept: 'bilirubin',
    phrases: [
      'bili',
      'bilirubin',
      'tbili',
      'tbil',
      't.bil',
      't.bili',
      'tb',
      'bil',
      'total bilirubin',
      'total bili',
      'serum bilirubin',
    ],
    note: 'mg/dL or umol/L; a bare number is read by plausibility (see the windows)',
  },
  {
    label: 'Albumin',
    field: 'albumin',
    concept: 'albumin',
    phrases: ['alb', 'albumin', 'serum albumin'],
    note: 'g/dL or g/L; a bare number up to 6 is g/dL, from 10 g/L',
  },
  {
    label: 'INR',
    field: 'inr',
    concept: 'inr',
    phrases: ['inr', 'pt-inr', 'pt inr', 'pt/inr'],
  },
  {
    label: 'Prothrombin time prolongation (seconds over control)',
    field: 'ptProlongationSeconds',
    concept: 'pt',
    phrases: ['pt', 'prothrombin time', 'pt prolongation'],
    note: '`PT +3s` or `PT prolonged 5 s`; `PT 14s` is an absolute time and is not scored',
  },
  { label: 'prolonged (PT)', concept: 'prolonged', phrases: ['prolonged', 'prolonged by'] },
  {
    label: 'Creatinine',
    field: 'creatinine',
    concept: 'creatinine',
    phrases: ['cr', 'creat', 'scr', 'crea', 'creatinine', 'serum creatinine'],
    note: 'mg/dL or umol/L; a bare number is read by plausibility (see the windows)',
  },
  {
    label: 'Sodium',
    field: 'sodium',
    concept: 'sodium',
    phrases: ['na', 'na+', 'sodium', 'serum sodium'],
    note: 'mmol/L (mEq/L is the same)',
  },
  {
    label: 'AFP (alpha-fetoprotein)',
    field: 'afp',
    concept: 'afp',
    phrases: [
      'afp',
      'alpha-fetoprotein',
      'alpha fetoprotein',
      'alphafetoprotein',
      'α-fp',
      'αfp',
      'a-fp',
      'α-fetoprotein',
    ],
    note: 'ng/mL (= ug/L); IU/mL x 1.21; a bare number is ng/mL',
  },
  {
    label: 'PIVKA-II / DCP',
    field: 'pivka',
    concept: 'pivka',
    phrases: ['pivka', 'pivka-ii', 'pivka ii', 'pivka2', 'dcp', 'des-gamma-carboxy prothrombin'],
    note: 'kept and shown, never scored; needs its unit (mAU/mL or ng/mL), never converted',
  },
  { label: 'unit mg/dL', concept: 'u:mg/dL', phrases: ['mg/dl', 'mg', 'mg%'] },
  {
    label: 'unit umol/L',
    concept: 'u:umol/L',
    phrases: ['umol/l', 'µmol/l', 'μmol/l', 'micromol/l', 'umol', 'µmol', 'μmol', 'micromol', 'micromole/l'],
  },
  { label: 'unit g/dL', concept: 'u:g/dL', phrases: ['g/dl', 'gm/dl', 'g%'] },
  { label: 'unit g/L', concept: 'u:g/L', phrases: ['g/l', 'gm/l'] },
  { label: 'unit mmol/L (= mEq/L)', concept: 'u:mmol/L', phrases: ['mmol/l', 'mmol', 'meq/l', 'meq'] },
  {
    label: 'unit ng/mL (= ug/L)',
    concept: 'u:ng/mL',
    phrases: ['ng/ml', 'ng', 'ug/l', 'µg/l', 'μg/l', 'mcg/l'],
  },
  {
    label: 'unit IU/mL (AFP: x 1.21 = ng/mL)',
    concept: 'u:IU/mL',
    phrases: ['iu/ml', 'kiu/l', 'ku/l', 'u/ml'],
  },
  { label: 'unit mAU/mL (PIVKA-II)', concept: 'u:mAU/mL', phrases: ['mau/ml', 'mau'] },
  { label: 'unit cm', concept: 'u:cm', phrases: ['cm', 'cms'] },
  { label: 'unit mm', concept: 'u:mm', phrases: ['mm'] },
  { label: 'unit seconds', concept: 'u:s', phrases: ['s', 'sec', 'secs', 'second', 'seconds'] },
  {
    label: 'Ascites',
    field: 'ascites',
    concept: 'ascites',
    phrases: ['ascites'],
    note: 'none / mild (slight, small, controlled on diuretics) / moderate-severe (moderate, severe, tense, refractory, large, gross)',
  },
  {
    label: 'mild (ascites, HE)',
    concept: 'mild',
    phrases: ['mild', 'slight', 'small', 'minimal', 'trace', 'small volume', 'low volume', 'minor'],
  },
  {
    label: 'moderate or severe (ascites); severe (HE)',
    concept: 'severe',
    phrases: [
      'moderate',
      'severe',
      'tense',
      'refractory',
      'large',
      'large volume',
      'gross',
      'massive',
      'marked',
    ],
  },
  {
    label: 'controlled on diuretics (ascites: mild)',
    concept: 'controlled',
    phrases: [
      'controlled',
      'controlled on diuretics',
      'controlled with diuretics',
      'diuretic-controlled',
      'diuretic controlled',
      'diuretic-responsive',
      'diuretic responsive',
      'on diuretics',
    ],
  },
  {
    label: 'Hepatic encephalopathy',
    field: 'encephalopathy',
    concept: 'he',
    phrases: ['he', 'encephalopathy', 'hepatic encephalopathy', 'pse'],
    note: '`no HE`, `HE 0`, `HE 1-2`, `HE grade 2`, `grade 3 encephalopathy`, `HE3`',
  },
  { label: 'grade', concept: 'grade', phrases: ['grade', 'gr', 'gd', 'west haven grade', 'west haven'] },
  {
    label: 'ECOG performance status',
    field: 'ecog',
    concept: 'ecog',
    phrases: [
      'ecog',
      'ps',
      'who ps',
      'ecog ps',
      'ecog-ps',
      'performance status',
      'who',
      'who performance status',
    ],
    note: '0-4; `ECOG 1 (comorbidity)` or `not cancer related` marks it as not cancer-related',
  },
  {
    label: 'performance status not cancer-related',
    field: 'ecogCancerRelated',
    concept: 'comorbid',
    phrases: [
      'comorbidity',
      'comorbidities',
      'comorbid',
      'due to comorbidity',
      'from comorbidity',
      'not cancer related',
      'not cancer-related',
      'non cancer related',
      'non-cancer related',
      'non-cancer-related',
      'not tumour related',
      'not tumor related',
      'not tumour-related',
      'not tumor-related',
      'unrelated to cancer',
    ],
  },
  {
    label: 'performance status cancer-related',
    field: 'ecogCancerRelated',
    concept: 'cancerRelated',
    phrases: [
      'cancer related',
      'cancer-related',
      'tumour related',
      'tumor related',
      'tumour-related',
      'tumor-related',
      'due to cancer',
    ],
  },
  { label: 'Sex: female', field: 'sex', concept: 'female', phrases: ['f', 'female', 'woman', 'lady'] },
  { label: 'Sex: male', field: 'sex', concept: 'male', phrases: ['m', 'male', 'man', 'gentleman'] },
  {
    label: 'age words (the age is never kept)',
    concept: 'ageWord',
    phrases: ['yo', 'y/o', 'yrs', 'yr', 'years old', 'year old', 'year-old', 'years', 'y.o.', 'y.o'],
  },
  {
    label: 'Dialysis (>= 2 sessions or >= 24 h CVVHD in the week before the creatinine)',
    field: 'dialysis',
    concept: 'dialysis',
    phrases: [
      'dialysis',
      'haemodialysis',
      'hemodialysis',
      'hd',
      'on hd',
      'on dialysis',
      'on haemodialysis',
      'on hemodialysis',
      'cvvhd',
      'cvvh',
      'cvvhdf',
      'crrt',
      'rrt',
      'on cvvhd',
      'on crrt',
      'dialysed',
      'dialyzed',
    ],
    note: '`not on dialysis` / `no dialysis` is false; `dialysis x1` (one session) is false',
  },
  {
    label: 'Cholestatic liver disease (PBC/PSC)',
    field: 'cholestatic',
    concept: 'cholestatic',
    phrases: [
      'pbc',
      'psc',
      'primary biliary cholangitis',
      'primary biliary cirrhosis',
      'primary sclerosing cholangitis',
    ],
  },
  {
    label: 'Clinically significant portal hypertension',
    field: 'portalHypertension',
    concept: 'csph',
    phrases: [
      'csph',
      'portal hypertension',
      'portal htn',
      'clinically significant portal hypertension',
      'portal hypertensive',
    ],
  },
  {
    label: 'Macrovascular invasion',
    field: 'macrovascularInvasion',
    concept: 'macro',
    phrases: [
      'pvtt',
      'portal vein tumour thrombus',
      'portal vein tumor thrombus',
      'portal vein tumour thrombosis',
      'portal vein tumor thrombosis',
      'tumour thrombus',
      'tumor thrombus',
      'macrovascular invasion',
      'macro-vascular invasion',
      'macroscopic vascular invasion',
      'macrovascular',
      'portal vein invasion',
      'hepatic vein invasion',
      'ivc invasion',
      'vascular tumour invasion',
      'vascular tumor invasion',
    ],
    note: '`Vp1`-`Vp4` and `Vv1`-`Vv3` also count; `Vp0`/`Vv0` mean none',
  },
  {
    label: 'portal vein invasion grade (Vp)',
    field: 'macrovascularInvasion',
    concept: 'vp',
    phrases: ['vp'],
  },
  {
    label: 'hepatic vein invasion grade (Vv)',
    field: 'macrovascularInvasion',
    concept: 'vv',
    phrases: ['vv'],
  },
  {
    label: 'portal vein thrombosis without the word tumour (not read as invasion)',
    concept: 'bland',
    phrases: ['pvt', 'portal vein thrombosis', 'portal vein thrombus', 'bland thrombus', 'bland pvt'],
  },
  {
    label: 'vascular invasion without macro/micro (not read; say which)',
    concept: 'vascularInvasion',
    phrases: ['vascular invasion', 'vi'],
  },
  {
    label: 'Microvascular invasion (pathology, not staging)',
    concept: 'micro',
    phrases: [
      'mvi',
      'microvascular invasion',
      'micro-vascular invasion',
      'microvascular',
      'micro vascular invasion',
    ],
  },
  {
    label: 'Extrahepatic spread',
    field: 'extrahepaticSpread',
    concept: 'ehs',
    phrases: [
      'ehs',
      'extrahepatic spread',
      'extrahepatic disease',
      'extrahepatic metastases',
      'extrahepatic mets',
      'extra-hepatic spread',
      'extra-hepatic disease',
      'extrahepatic',
      'extra-hepatic',
      'distant metastases',
      'distant mets',
      'metastatic disease',
      'metastatic',
      'nodal disease',
      'nodal involvement',
      'lymphadenopathy',
      'nodes',
      'lymph nodes',
      'positive nodes',
      'node positive',
      'node-positive',
    ],
  },
  {
    label: 'metastases',
    field: 'extrahepaticSpread',
    concept: 'mets',
    phrases: ['mets', 'metastases', 'metastasis', 'metastatic deposits'],
  },
  {
    label: 'organ (with mets)',
    concept: 'organ',
    phrases: [
      'lung',
      'lungs',
      'pulmonary',
      'bone',
      'bones',
      'bony',
      'adrenal',
      'peritoneal',
      'nodal',
      'brain',
      'lymph node',
      'ln',
      'skeletal',
    ],
  },
  {
    label: 'lymph nodes positive',
    field: 'extrahepaticSpread',
    concept: 'lnPos',
    phrases: ['ln+', 'ln +ve', 'ln positive', 'lns+', 'n1'],
  },
  {
    label: 'Infiltrative / diffuse HCC',
    field: 'infiltrative',
    concept: 'infiltrative',
    phrases: ['infiltrative', 'infiltrating', 'diffuse', 'diffuse infiltrative', 'infiltrative pattern'],
  },
  {
    label: 'several lesions without a count (count still needed)',
    concept: 'multi',
    phrases: [
      'multifocal',
      'multinodular',
      'multiple',
      'bilobar',
      'bilobular',
      'several',
      'numerous',
      'multicentric',
    ],
  },
  {
    label: 'lesion words',
    concept: 'tumour',
    phrases: [
      'lesion',
      'lesions',
      'nodule',
      'nodules',
      'tumour',
      'tumours',
      'tumor',
      'tumors',
      'mass',
      'masses',
      'hcc',
      'hccs',
      'focus',
      'foci',
      'target lesion',
      'target lesions',
    ],
  },
  {
    label: 'count words',
    concept: 'count',
    phrases: [
      'single',
      'solitary',
      'one',
      'two',
      'three',
      'four',
      'five',
      'six',
      'seven',
      'eight',
      'nine',
      'ten',
      'uninodular',
      'unifocal',
      'twin',
    ],
  },
  {
    label: 'largest',
    concept: 'largest',
    phrases: [
      'largest',
      'biggest',
      'max',
      'maximum',
      'dominant',
      'up to',
      'the largest',
      'largest one',
      'largest lesion',
      'largest nodule',
      'index lesion',
    ],
  },
  {
    label: 'total diameter',
    field: 'totalDiameterCm',
    concept: 'total',
    phrases: [
      'total diameter',
      'sum of diameters',
      'ttd',
      'total tumour diameter',
      'total tumor diameter',
      'sum',
    ],
  },
  { label: 'each', concept: 'each', phrases: ['each', 'apiece'] },
  {
    label: 'negation before a finding',
    concept: 'neg',
    phrases: [
      'no',
      'not',
      'without',
      'w/o',
      'nil',
      'negative for',
      'free of',
      'no evidence of',
      'no sign of',
      'no signs of',
      'absence of',
      'not on',
      'no obvious',
      'no definite',
    ],
  },
  {
    label: 'negation after a finding',
    concept: 'absent',
    phrases: ['none', 'absent', 'nil', 'neg', 'negative', 'not present', 'not seen', '-ve'],
  },
  { label: 'present', concept: 'present', phrases: ['yes', 'present', 'positive', 'pos', '+ve', 'y'] },
  {
    label: 'in the last week (dialysis)',
    concept: 'week',
    phrases: [
      'last week',
      'this week',
      'past week',
      'in the last week',
      'in the past week',
      'within the last week',
      'in last week',
      'in the last 7 days',
      'in the past 7 days',
      'within 7 days',
      'in last 7 days',
      'last 7 days',
      'past 7 days',
      'per week',
      'a week',
      '/week',
      '/wk',
      'weekly',
    ],
  },
  { label: 'times', concept: 'times', phrases: ['twice', 'thrice', 'times', 'sessions', 'session', 'x'] },
  {
    label: 'scores and stages the assistant computes itself (noted, not used)',
    concept: 'computed',
    phrases: [
      'child-pugh',
      'child pugh',
      'child-turcotte-pugh',
      'cp',
      'ctp',
      'meld',
      'meld-na',
      'meld na',
      'albi',
      'albi grade',
      'bclc',
      'bclc stage',
      'cp class',
      'child-pugh class',
      'child-pugh score',
      'meld score',
    ],
    note: 'a stated class or score (`Child-Pugh B7`, `MELD 14`, `BCLC B`) is recognised, not used: the assistant computes it from the values',
  },
  {
    label: 'connecting words',
    concept: 'filler',
    phrases: [
      'and',
      'with',
      'of',
      'in',
      'on',
      'the',
      'a',
      'an',
      'at',
      'is',
      'was',
      'has',
      'also',
      'plus',
      'but',
      'to',
      'or',
      'nor',
      'by',
      'for',
      'now',
      'today',
      'approx',
      'about',
      'around',
      'measuring',
      'seen',
      'known',
      'noted',
      'currently',
    ],
  },
];

/** Token sequences for every phrase, longest first within the same first token. */
export interface LexEntry {
  tokens: string[];
  concept: Concept;
  /** tokens.length, kept so a match needs no allocation. */
  len: number;
}

const LEXICON: Map<string, LexEntry[]> = (() => {
  const map = new Map<string, LexEntry[]>();
  for (const entry of VOCABULARY) {
    for (const phrase of entry.phrases) {
      const tokens = tokenize(phrase).map((t) => t.lower);
      const first = tokens[0];
      if (first === undefined) continue;
      const list = map.get(first) ?? [];
      list.push({ tokens, concept: entry.concept, len: tokens.length });
      map.set(first, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return map;
})();

export const MAX_PHRASE_TOKENS = Math.max(
  ...[...LEXICON.values()].flatMap((list) => list.map((e) => e.tokens.length)),
);

const NO_ENTRIES: readonly LexEntry[] = [];

export function lexiconFor(firstLower: string): readonly LexEntry[] {
  return LEXICON.get(firstLower) ?? NO_ENTRIES;
}

export const COUNT_WORDS: Readonly<Record<string, number>> = {
  single: 1,
  solitary: 1,
  one: 1,
  uninodular: 1,
  unifocal: 1,
  two: 2,
  twin: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
};

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
  'see',
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
