import { type FieldEntry, LABEL, type StoreKey, same } from './fields.js';
import { describeIdentifier, findIdentifierRanges } from './identifiers.js';
import { lexiconHead } from './lexicon.js';
import { normalisePaste } from './normalise.js';
import type {
  ContextItem,
  ContextKind,
  NotUnderstood,
  ParseAssumption,
  ParseIssue,
  RecognisedSpan,
  SpanKind,
  StatedScore,
  UnitSystem,
} from './parseResult.js';
import { type Token, tokenize } from './tokenize.js';
import { checkScalar } from './units.js';
import type { Concept } from './vocabulary.js';

/**
 * The state of one free-text reading and the helpers every rule shares: the tokens, which of them lie in a
 * patient identifier, the longest lexicon match at each, which are claimed by a recognised span, the field
 * store (with contradictions) and the assumptions, errors and warnings. The rules that read each kind of
 * finding live beside it (labs.ts, ascitesEncephalopathy.ts, patient.ts, invasionSpread.ts, tumour.ts) and
 * take the reader as their first argument; parseCase.ts drives them. Nothing outside src/parse sees a Reader.
 */

const LAB_FIELDS: ReadonlySet<string> = new Set([
  'bilirubin',
  'albumin',
  'creatinine',
  'inr',
  'ptProlongationSeconds',
  'sodium',
  'afp',
  'pivka',
]);
const SEPARATORS = new Set([':', '=', '(', '-', '~', '|', '"', "'"]);
export const SEP_WORDS = new Set([
  'of',
  'is',
  'was',
  'at',
  'now',
  'today',
  'approx',
  'about',
  'around',
  'measuring',
  'measures',
]);

interface Match {
  concept: Concept;
  len: number;
}
/** One statement about the lesions ("3 lesions largest 4.2 cm"); tumour.ts reconciles them at the end. */
export interface Statement {
  count?: number;
  sizes: number[];
  largest?: number;
  /** single size after a count without "each": read as the largest. */
  sizeAsLargest?: boolean;
  /** Satellites: added to the other lesions, not a restatement of them. */
  extra?: boolean;
  from: number;
  to: number;
}

export class Reader {
  readonly toks: Token[];
  /** 1 where the token lies in a patient identifier: never read, never copied. */
  readonly ident: Uint8Array;
  readonly match: (Match | undefined)[];
  readonly claimed: Uint8Array;
  /** Recognised spans by their first token: read out in text order without sorting. */
  readonly spanAt: (RecognisedSpan | undefined)[];
  readonly notUnderstood: NotUnderstood[] = [];
  readonly assumptions: ParseAssumption[] = [];
  readonly errors: ParseIssue[] = [];
  readonly warnings: ParseIssue[] = [];
  readonly fields = new Map<StoreKey, FieldEntry>();
  readonly conflicted = new Set<StoreKey>();
  readonly statements: Statement[] = [];
  readonly context: ContextItem[] = [];
  readonly statedScores: StatedScore[] = [];
  mrecist: { baselineMm: number; nadirMm?: number; currentMm?: number } | undefined;
  multi: { start: number; end: number } | undefined;
  /** Signs of encephalopathy that give no grade ("asterixis"): asked about when no grade is stated. */
  readonly heSigns: { from: number; to: number }[] = [];
  sizeFail = { from: -1, to: -1 };
  /** Suggestions are offered for the first few unknown words only: a long paste stays fast. */
  suggestBudget = 8;

  constructor(
    readonly text: string,
    readonly units: UnitSystem | undefined,
  ) {
    // Typographic and invisible characters are folded first (same length, so every span still points into `text`).
    const plain = normalisePaste(text);
    this.toks = tokenize(plain);
    const n = this.toks.length;
    this.ident = new Uint8Array(n);
    this.claimed = new Uint8Array(n);
    this.spanAt = new Array<RecognisedSpan | undefined>(n).fill(undefined);
    const ranges = findIdentifierRanges(plain, this.toks);
    if (ranges.length > 0) {
      let r = 0;
      for (let i = 0; i < n; i++) {
        const t = this.toks[i]!;
        while (r < ranges.length && ranges[r]!.end <= t.start) r++;
        const range = ranges[r];
        if (range && t.start >= range.start && t.end <= range.end) this.ident[i] = 1;
      }
    }
    for (const range of ranges) {
      this.notUnderstood.push({ kind: 'identifier', start: range.start, end: range.end });
      this.warnings.push({
        code: 'privacy',
        message: `This message seems to contain ${describeIdentifier(range)}. Patient identifiers do not belong in chat; it was not read or stored. Please delete it from the message.`,
        spans: [{ start: range.start, end: range.end }],
      });
    }
    const match = new Array<Match | undefined>(n);
    for (let i = 0; i < n; i++) match[i] = this.lookup(i);
    this.match = match;
  }

  // ---------- token helpers ----------

  // A negative index is no array index: reading toks[-1] would look up the property "-1" on the slow path.
  tok(i: number): Token | undefined {
    return i < 0 || this.ident[i] ? undefined : this.toks[i];
  }

  lower(i: number): string | undefined {
    return this.tok(i)?.lower;
  }

  concept(i: number): Concept | undefined {
    return i < 0 || this.ident[i] ? undefined : this.match[i]?.concept;
  }

  after(i: number): number {
    return i + (this.match[i]?.len ?? 1);
  }

  isUnit(i: number): boolean {
    return this.concept(i)?.startsWith('u:') ?? false;
  }

  private lookup(i: number): Match | undefined {
    const t = this.toks[i]!;
    // No phrase starts with a digit.
    if (this.ident[i] || t.type === 'num') return undefined;
    const head = lexiconHead(t.lower);
    if (head === undefined) return undefined;
    // Longer phrases come first; only those whose second token is the next token can match.
    const u = this.toks[i + 1];
    const longer = u && !this.ident[i + 1] && !u.newlineBefore ? head.byNext.get(u.lower) : undefined;
    if (longer !== undefined) {
      for (const entry of longer) {
        let ok = true;
        for (let k = 1; k < entry.len; k++) {
          const v = this.toks[i + k];
          if (!v || this.ident[i + k] || v.lower !== entry.tokens[k] || v.newlineBefore) {
            ok = false;
            break;
          }
          // Punctuation inside a phrase must be attached on at least one side ("t.bil", "pt-inr", "ln+").
          if (v.type === 'punct' && v.spaceBefore && (this.toks[i + k + 1]?.spaceBefore ?? true)) {
            ok = false;
            break;
          }
        }
        if (ok) return entry;
      }
    }
    return head.single;
  }

  /** The text from start to end, spaces collapsed, with any identifier inside replaced by "…": safe to quote. */
  quote(start: number, end: number): string {
    let out = '';
    let at = start;
    for (const n of this.notUnderstood) {
      if (n.kind !== 'identifier' || n.end <= start || n.start >= end) continue;
      out += `${this.text.slice(at, Math.max(at, n.start))}…`;
      at = Math.max(at, n.end);
    }
    out += this.text.slice(at, Math.max(at, end));
    return out.replace(/\s+/g, ' ');
  }

  frag(from: number, to: number): string {
    const s = this.quote(this.toks[from]!.start, this.toks[to - 1]!.end);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  }

  range(from: number, to: number): { start: number; end: number } {
    return { start: this.toks[from]!.start, end: this.toks[to - 1]!.end };
  }

  claim(from: number, to: number, kind: SpanKind): number {
    if (to <= from) return from;
    for (let k = from; k < to; k++) this.claimed[k] = 1;
    this.spanAt[from] = { start: this.toks[from]!.start, end: this.toks[to - 1]!.end, kind };
    return to;
  }

  /** Claims tokens from..to as context and lists them. */
  note(kind: ContextKind, from: number, to: number): number {
    if (to <= from) return from;
    const end = this.claim(from, to, 'context');
    this.context.push({ kind, ...this.range(from, to), text: this.frag(from, to) });
    return end;
  }

  skipSeps(i: number, max = 3): number {
    let j = i;
    while (j < i + max) {
      const t = this.tok(j);
      if (!t) break;
      if ((t.type === 'punct' && SEPARATORS.has(t.text)) || (t.type === 'word' && SEP_WORDS.has(t.lower)))
        j++;
      else break;
    }
    return j;
  }

  /**
   * A negative after a finding ("ascites none", "PVTT: no", "EHS -ve", "ascites nil"): the index after it, or -1.
   * "no" counts only after ':' or '=', so "PVTT no EHS" does not negate the PVTT.
   */
  absentAfter(j0: number): number {
    if (this.concept(j0) === 'absent') return this.after(j0);
    const k = this.skipSeps(j0, 2);
    const c = this.concept(k);
    const l = this.lower(k);
    if (c === 'absent' || l === 'nil') return this.after(k);
    if (c === 'neg' && l === 'no' && k > j0 && (this.lower(k - 1) === ':' || this.lower(k - 1) === '='))
      return k + 1;
    return -1;
  }

  // ---------- field store and issues ----------

  set(key: StoreKey, value: unknown, from: number, to: number): void {
    const prev = this.fields.get(key);
    if (!prev) {
      this.fields.set(key, { value, start: this.toks[from]!.start, end: this.toks[to - 1]!.end });
      return;
    }
    if (same(key, prev.value, value)) return;
    if (!this.conflicted.has(key)) {
      this.conflicted.add(key);
      this.contradiction(key, prev, this.range(from, to));
    }
  }

  contradiction(key: StoreKey, a: { start: number; end: number }, b: { start: number; end: number }): void {
    const field = key.startsWith('macro:') ? 'macrovascularInvasion' : key;
    const ta = this.quote(a.start, a.end);
    const tb = this.quote(b.start, b.end);
    // Two values of one lab with no stated order: ask which is current, naming both.
    const lab = LAB_FIELDS.has(field);
    this.errors.push({
      code: 'contradiction',
      field,
      message: lab
        ? `"${clip(ta)}" and "${clip(tb)}" give two values of ${LABEL[field] ?? field}; which is current? Give only the current one, or show the order ("from 1.1 to 2.3", "2.3 (was 1.1)").`
        : `"${clip(ta)}" and "${clip(tb)}" give different ${LABEL[field] ?? field}; say which is right.`,
      spans: [
        { start: a.start, end: a.end },
        { start: b.start, end: b.end },
      ],
    });
  }

  assume(field: string, message: string): void {
    this.assumptions.push({ field, message });
  }

  error(code: ParseIssue['code'], field: string, message: string, from: number, to: number): void {
    this.errors.push({ code, field, message, spans: [this.range(from, to)] });
  }

  warn(code: ParseIssue['code'], field: string, message: string, from: number, to: number): void {
    const issue: ParseIssue = { code, message, spans: [this.range(from, to)] };
    if (field) issue.field = field;
    this.warnings.push(issue);
  }

  /** Range-checks a scalar; false when implausible (an error was added). */
  scalar(
    key: 'inr' | 'ptProlongationSeconds' | 'sodium' | 'afp' | 'noduleCm' | 'noduleCount' | 'totalDiameterCm',
    field: string,
    value: number,
    from: number,
    to: number,
    strictMin = false,
  ): boolean {
    const check = checkScalar(key, value, strictMin);
    if (check.status === 'implausible') {
      this.error(
        'implausible',
        field,
        `"${this.frag(from, to)}" is outside the accepted range for ${LABEL[field] ?? field} (${check.range}).`,
        from,
        to,
      );
      return false;
    }
    if (check.status === 'unusual')
      this.warn(
        'unusual',
        field,
        `"${this.frag(from, to)}" is unusual (usual ${check.range}); please check it.`,
        from,
        to,
      );
    return true;
  }
}

export const clip = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}...` : s);
