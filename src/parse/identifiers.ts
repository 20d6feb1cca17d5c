import { lexiconFor } from './lexicon.js';
import { type Token, tokenize } from './tokenize.js';

/**
 * Finds text that looks like a patient identifier: a name after a title or "pt"/"patient", a long digit run
 * (a record or NHS number), a full date (possibly a date of birth) or whatever follows "DOB". Only ranges are
 * returned; callers never copy the text.
 */

export type IdentifierKind = 'name' | 'number' | 'date' | 'dob';

export interface IdentifierRange {
  start: number;
  end: number;
  kind: IdentifierKind;
  /** The word that introduced a name ("Mr", "pt"), safe to show: it is not the identifier. */
  title?: string;
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'mister', 'name']);
const PATIENT = new Set(['pt', 'patient', 'pat', 'pts']);
const NUMBER_LABELS = new Set([
  'mrn',
  'nhs',
  'hn',
  'urn',
  'chi',
  'id',
  'no',
  'number',
  'hospital',
  'record',
  'nr',
  'num',
  'mr',
  'rn',
  'ur',
  'ihi',
]);
const MONTHS = new Set(
  'jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december'.split(
    ' ',
  ),
);
const DOB_WORDS = new Set(['dob', 'born']);
/** After "PT" these mean prothrombin time, never a name. */
const PT_NOT_NAME = new Set(['+', '-', '/', 'prolonged', 'inr', 'prolongation', 'time', 'ratio', 'sec', 's']);
/** Words that never start a name after "pt"/"patient" (ordinary clinical English). */
const NOT_NAMES = new Set([
  'is',
  'has',
  'had',
  'was',
  'with',
  'on',
  'in',
  'for',
  'and',
  'not',
  'no',
  'now',
  'who',
  'seen',
  'known',
  'presents',
  'presented',
  'reviewed',
  'discussed',
  'referred',
  'remains',
  'under',
  'from',
  'at',
  'the',
  'a',
  'an',
  'of',
  'today',
  'being',
  'currently',
  'otherwise',
  'also',
  'still',
  'then',
  'to',
  // clinical words people capitalise after "pt"
  'child',
  'bclc',
  'meld',
  'albi',
  'cirrhosis',
  'cirrhotic',
  'hcv',
  'hbv',
  'hdv',
  'nash',
  'mash',
  'masld',
  'alcohol',
  'alcoholic',
  'post',
  'tace',
  'tare',
  'sirt',
  'rfa',
  'mwa',
  'sbrt',
  'liver',
  'transplant',
  'listed',
  'previously',
  'treated',
  'naive',
  'hep',
  'hepatitis',
  'ct',
  'mri',
  'us',
  'imaging',
  'biopsy',
  'mdt',
  'needs',
  'for',
]);

const isCapitalised = (t: Token): boolean => {
  const first = t.text[0] ?? '';
  return first !== first.toLowerCase() && first === first.toUpperCase();
};
const isVocabulary = (t: Token): boolean => lexiconFor(t.lower).length > 0;
const isDigits = (s: string): boolean => {
  if (s.length === 0) return false;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c < 48 || c > 57) return false;
  }
  return true;
};
const digitCount = (s: string): number => {
  let n = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
};

/** "12.03.1961": three dot-separated digit groups of 1-4 digits, at least six digits in all (no allocation). */
function isDottedDate(s: string): boolean {
  let dots = 0;
  let group = 0;
  let digits = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (c === 46) {
      if (group < 1 || group > 4) return false;
      dots++;
      group = 0;
    } else if (c >= 48 && c <= 57) {
      group++;
      digits++;
    } else return false;
  }
  return dots === 2 && group >= 1 && group <= 4 && digits >= 6;
}

/** Words that can start an identifier: a DOB keyword, "d" (of d.o.b.), "date", a title or "pt"/"patient". */
const TRIGGER_WORDS = new Set(['d', 'date', ...DOB_WORDS, ...TITLES, ...PATIENT]);

const LAB_BEFORE = new Set(['afp', 'fp', 'fetoprotein', 'alphafetoprotein', 'αfp', 'pivka', 'ii', 'dcp']);

export function findIdentifierRanges(
  text: string,
  tokens: readonly Token[] = tokenize(text),
): IdentifierRange[] {
  const out: IdentifierRange[] = [];
  const n = tokens.length;
  const at = (k: number): Token | undefined => tokens[k];
  let i = 0;
  while (i < n) {
    const t = tokens[i]!;
    // "DOB", "d.o.b.", "date of birth", "born": the keyword and what follows up to a comma or line end.
    // Most tokens are ordinary words that start nothing: one lookup rules them out.
    if (t.type === 'word' && !TRIGGER_WORDS.has(t.lower)) {
      i++;
      continue;
    }
    let dobEnd = -1;
    if (t.type === 'word' && DOB_WORDS.has(t.lower)) dobEnd = i + 1;
    else if (
      t.lower === 'd' &&
      at(i + 1)?.text === '.' &&
      at(i + 2)?.lower === 'o' &&
      at(i + 3)?.text === '.' &&
      at(i + 4)?.lower === 'b'
    )
      dobEnd = at(i + 5)?.text === '.' ? i + 6 : i + 5;
    else if (t.lower === 'date' && at(i + 1)?.lower === 'of' && at(i + 2)?.lower === 'birth') dobEnd = i + 3;
    if (dobEnd > 0) {
      let j = dobEnd;
      while (j < n && j < dobEnd + 8) {
        const u = tokens[j]!;
        if (u.newlineBefore) break;
        const dateLike =
          u.type === 'num' ||
          (u.type === 'punct' && '/-.:'.includes(u.text)) ||
          (u.type === 'word' && (MONTHS.has(u.lower) || u.lower === 'of'));
        if (!dateLike) break;
        j++;
      }
      out.push({ start: t.start, end: tokens[j - 1]!.end, kind: 'dob' });
      i = j;
      continue;
    }
    // Full dates: 12/03/1961, 12-03-61, 12.03.1961, 1961-03-12.
    if (t.type === 'num') {
      if (isDottedDate(t.text)) {
        out.push({ start: t.start, end: t.end, kind: 'date' });
        i++;
        continue;
      }
      const s1 = at(i + 1);
      const n2 = at(i + 2);
      const s2 = at(i + 3);
      const n3 = at(i + 4);
      if (
        s1 &&
        n2 &&
        s2 &&
        n3 &&
        (s1.text === '/' || s1.text === '-') &&
        s2.text === s1.text &&
        n2.type === 'num' &&
        n3.type === 'num' &&
        !s1.spaceBefore &&
        !n2.spaceBefore &&
        !s2.spaceBefore &&
        !n3.spaceBefore &&
        isDigits(t.text) &&
        isDigits(n2.text) &&
        isDigits(n3.text) &&
        (n3.text.length === 4 || n3.text.length === 2 || t.text.length === 4)
      ) {
        out.push({ start: t.start, end: n3.end, kind: 'date' });
        i += 5;
        continue;
      }
      // Long digit runs (record, hospital or NHS numbers); numbers with a decimal part are lab values.
      if (isDigits(t.text)) {
        // NHS style: 3-3-4 digits separated by spaces or dashes.
        let j = i;
        let digits = digitCount(t.text);
        let end = t.end;
        while (j + 1 < n && digits < 20) {
          const next = tokens[j + 1]!;
          if (
            next.type === 'num' &&
            isDigits(next.text) &&
            next.spaceBefore &&
            next.text.length >= 3 &&
            t.text.length >= 3
          ) {
            j++;
          } else if (
            next.text === '-' &&
            !next.spaceBefore &&
            at(j + 2)?.type === 'num' &&
            isDigits(at(j + 2)!.text) &&
            !at(j + 2)!.spaceBefore
          ) {
            j += 2;
          } else break;
          digits += digitCount(tokens[j]!.text);
          end = tokens[j]!.end;
        }
        const grouped = j > i && digits >= 9;
        if (digitCount(t.text) >= 6 || grouped) {
          // A long number right after AFP/PIVKA is a lab value (AFP can reach millions), not a record number.
          const prev = previousMeaningful(tokens, i);
          const labBefore = prev !== undefined && isLabBefore(prev);

          if (!labBefore) {
            // Include the label ("MRN: ", "NHS no.", "hospital number") so it is not left as an unknown word.
            let from = i;
            for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
              const u = tokens[k]!;
              if (u.type === 'punct' ? ':#.'.includes(u.text) : NUMBER_LABELS.has(u.lower)) from = k;
              else break;
            }
            while (from < i && tokens[from]!.type === 'punct') from++;
            out.push({ start: tokens[from]!.start, end: grouped ? end : t.end, kind: 'number' });
            i = (grouped ? j : i) + 1;
            continue;
          }
        }
      }
    }
    // Names after a title or after "pt"/"patient".
    if (t.type === 'word' && (TITLES.has(t.lower) || PATIENT.has(t.lower))) {
      let j = i + 1;
      while (j < n && (tokens[j]!.text === '.' || tokens[j]!.text === ':') && j < i + 3) j++;
      const first = at(j);
      const isTitle = TITLES.has(t.lower);
      const isPt = PATIENT.has(t.lower);
      let nameOk = false;
      if (first && first.type === 'word' && !first.newlineBefore) {
        if (isPt && (t.lower === 'pt' || t.lower === 'pts') && PT_NOT_NAME.has(first.lower)) nameOk = false;
        else if (isTitle)
          nameOk = !NOT_NAMES.has(first.lower) && (isCapitalised(first) || !isVocabulary(first));
        else
          nameOk =
            isCapitalised(first) &&
            !isVocabulary(first) &&
            !NOT_NAMES.has(first.lower) &&
            first.text.length > 1;
      }
      if (nameOk && first) {
        let k = j;
        // Up to three name words ("Mr Test Q Person"), initials with dots included.
        while (k + 1 < n && k < j + 5) {
          const next = tokens[k + 1]!;
          if (next.newlineBefore) break;
          if (next.text === '.' && !next.spaceBefore && tokens[k]!.text.length === 1) {
            k++;
            continue;
          }
          if (
            next.type === 'word' &&
            isCapitalised(next) &&
            !isVocabulary(next) &&
            !NOT_NAMES.has(next.lower)
          ) {
            k++;
            continue;
          }
          if (
            next.text === '-' &&
            !next.spaceBefore &&
            at(k + 2)?.type === 'word' &&
            !at(k + 2)!.spaceBefore
          ) {
            k += 2;
            continue;
          }
          break;
        }
        out.push({ start: t.start, end: tokens[k]!.end, kind: 'name', title: t.text });
        i = k + 1;
        continue;
      }
    }
    i++;
  }
  return out;
}

function previousMeaningful(tokens: readonly Token[], i: number): Token | undefined {
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    const t = tokens[k]!;
    if (t.text === ':' || t.text === '=' || t.text === '>' || t.text === '<' || t.text === '~') continue;
    return t;
  }
  return undefined;
}

function isLabBefore(t: Token): boolean {
  return LAB_BEFORE.has(t.lower);
}

/** The ranges of text that look like patient identifiers (names after titles, record numbers, dates of birth). */
export function findIdentifiers(text: string): { start: number; end: number }[] {
  return findIdentifierRanges(text).map(({ start, end }) => ({ start, end }));
}

/** What kind of identifier was seen, without quoting it. */
export function describeIdentifier(r: IdentifierRange): string {
  switch (r.kind) {
    case 'name':
      return `a name after '${r.title ?? 'a title'}'`;
    case 'number':
      return 'a long number like a record number';
    case 'date':
      return 'a full date, possibly a date of birth';
    case 'dob':
      return 'a date of birth';
  }
}
