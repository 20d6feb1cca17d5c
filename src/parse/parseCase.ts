import type { CaseInputJson } from '../clinical/caseInput.js';
import { describeIdentifier, findIdentifierRanges } from './identifiers.js';
import type {
  NotUnderstood,
  ParseAssumption,
  ParseIssue,
  ParseResult,
  RecognisedSpan,
  SpanKind,
  UnitSystem,
} from './parseResult.js';
import { readNumber, type Token, tokenize } from './tokenize.js';
import {
  CREATININE_UMOL_LOW_FLAG,
  checkDual,
  checkScalar,
  type DualField,
  type DualUnit,
  readBare,
  SI_FACTOR,
  tidy,
} from './units.js';
import { COUNT_WORDS, type Concept, lexiconFor, suggest } from './vocabulary.js';

/**
 * Free text → CaseInput (issue 3). One linear tokenizer pass, one longest-match lexicon pass, then a left-to-right
 * reading where each rule looks a bounded number of tokens ahead. Pure; never throws (a failure inside returns a
 * result that says nothing was read).
 */
export function parseCase(text: string, options: { units?: UnitSystem | undefined } = {}): ParseResult {
  try {
    return new Reader(typeof text === 'string' ? text : '', options.units).run();
  } catch {
    return {
      input: {},
      recognised: [],
      notUnderstood: text.length > 0 ? [{ kind: 'unknown', start: 0, end: text.length, text: '' }] : [],
      assumptions: [],
      errors: [
        {
          code: 'not-understood',
          message:
            'The message could not be read; please rephrase it, e.g. "bili 1.2 mg/dL, alb 3.5 g/dL, INR 1.1".',
          spans: [],
        },
      ],
      warnings: [],
    };
  }
}

type LabField = 'bilirubin' | 'albumin' | 'creatinine' | 'inr' | 'sodium' | 'afp' | 'pivka';
const LAB_CONCEPTS: ReadonlySet<Concept> = new Set([
  'bilirubin',
  'albumin',
  'creatinine',
  'inr',
  'sodium',
  'afp',
  'pivka',
]);
const LABEL: Record<string, string> = {
  bilirubin: 'bilirubin',
  albumin: 'albumin',
  creatinine: 'creatinine',
  inr: 'INR',
  ptProlongationSeconds: 'PT prolongation',
  sodium: 'sodium',
  afp: 'AFP',
  pivka: 'PIVKA-II',
  ascites: 'ascites',
  encephalopathy: 'encephalopathy',
  ecog: 'ECOG',
  ecogCancerRelated: 'whether ECOG is cancer-related',
  sex: 'sex',
  dialysis: 'dialysis',
  cholestatic: 'cholestatic disease',
  portalHypertension: 'portal hypertension',
  macrovascularInvasion: 'macrovascular invasion',
  extrahepaticSpread: 'extrahepatic spread',
  infiltrative: 'infiltrative pattern',
  noduleCount: 'number of lesions',
  largestNoduleCm: 'largest lesion',
  totalDiameterCm: 'total diameter',
};
const FIELD_ORDER = [
  'bilirubin',
  'albumin',
  'creatinine',
  'inr',
  'ptProlongationSeconds',
  'sodium',
  'afp',
  'pivka',
  'ascites',
  'encephalopathy',
  'ecog',
  'ecogCancerRelated',
  'sex',
  'dialysis',
  'cholestatic',
  'nodulesCm',
  'noduleCount',
  'largestNoduleCm',
  'totalDiameterCm',
  'macrovascularInvasion',
  'extrahepaticSpread',
  'infiltrative',
  'portalHypertension',
] as const;
type FieldName = (typeof FIELD_ORDER)[number];
/**
 * Macrovascular invasion is stored per vessel first: "no PVTT" says nothing about the hepatic veins, so it does
 * not contradict "Vv2". `macro:any` is a finding that names no vessel ("macrovascular invasion").
 */
type Vessel = 'macro:portal' | 'macro:hepatic' | 'macro:ivc' | 'macro:any';
const VESSELS: readonly Vessel[] = ['macro:portal', 'macro:hepatic', 'macro:ivc', 'macro:any'];
type StoreKey = FieldName | Vessel;

const SEPARATORS = new Set([':', '=', '(', '-', '~']);
const SEP_WORDS = new Set([
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
const LIST_SEPS = new Set([',', '&', '+', ';']);
const AXIS = new Set(['x', '×', '*', 'by']);

interface Match {
  concept: Concept;
  len: number;
}
interface Statement {
  count?: number;
  sizes: number[];
  largest?: number;
  /** single size after a count without "each": read as the largest. */
  sizeAsLargest?: boolean;
  from: number;
  to: number;
}
interface LabValue {
  value: number;
  cmp?: '<' | '>';
  unit?: Concept;
  end: number;
  thousands: boolean;
  /** The number was written like "1.200": three digits after a single dot. */
  dotGroup?: boolean;
}
interface FieldEntry {
  value: unknown;
  start: number;
  end: number;
}

class Reader {
  private readonly toks: Token[];
  /** 1 where the token lies in a patient identifier: never read, never copied. */
  private readonly ident: Uint8Array;
  private readonly match: (Match | undefined)[];
  private readonly claimed: Uint8Array;
  /** Recognised spans by their first token: read out in text order without sorting. */
  private readonly spanAt: (RecognisedSpan | undefined)[];
  private readonly notUnderstood: NotUnderstood[] = [];
  private readonly assumptions: ParseAssumption[] = [];
  private readonly errors: ParseIssue[] = [];
  private readonly warnings: ParseIssue[] = [];
  private readonly fields = new Map<StoreKey, FieldEntry>();
  private readonly conflicted = new Set<StoreKey>();
  private readonly statements: Statement[] = [];
  private multi: { start: number; end: number } | undefined;
  private sizeFail = { from: -1, to: -1 };
  private suggestBudget = 60;

  constructor(
    private readonly text: string,
    private readonly units: UnitSystem | undefined,
  ) {
    this.toks = tokenize(text);
    const n = this.toks.length;
    this.ident = new Uint8Array(n);
    this.claimed = new Uint8Array(n);
    this.spanAt = new Array<RecognisedSpan | undefined>(n).fill(undefined);
    const ranges = findIdentifierRanges(text, this.toks);
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

  private tok(i: number): Token | undefined {
    return this.ident[i] ? undefined : this.toks[i];
  }
  private lower(i: number): string | undefined {
    return this.tok(i)?.lower;
  }
  private concept(i: number): Concept | undefined {
    return this.ident[i] ? undefined : this.match[i]?.concept;
  }
  private after(i: number): number {
    return i + (this.match[i]?.len ?? 1);
  }
  private isUnit(i: number): boolean {
    return this.concept(i)?.startsWith('u:') ?? false;
  }

  private lookup(i: number): Match | undefined {
    const t = this.toks[i]!;
    // No phrase starts with a digit.
    if (this.ident[i] || t.type === 'num') return undefined;
    for (const entry of lexiconFor(t.lower)) {
      let ok = true;
      for (let k = 1; k < entry.tokens.length; k++) {
        const u = this.toks[i + k];
        if (!u || this.ident[i + k] || u.lower !== entry.tokens[k] || u.newlineBefore) {
          ok = false;
          break;
        }
        // Punctuation inside a phrase must be attached on at least one side ("t.bil", "pt-inr", "ln+").
        if (u.type === 'punct' && u.spaceBefore && (this.toks[i + k + 1]?.spaceBefore ?? true)) {
          ok = false;
          break;
        }
      }
      if (ok) return entry;
    }
    return undefined;
  }

  private frag(from: number, to: number): string {
    const s = this.text.slice(this.toks[from]!.start, this.toks[to - 1]!.end).replace(/\s+/g, ' ');
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  }
  private range(from: number, to: number): { start: number; end: number } {
    return { start: this.toks[from]!.start, end: this.toks[to - 1]!.end };
  }

  private claim(from: number, to: number, kind: SpanKind): number {
    if (to <= from) return from;
    for (let k = from; k < to; k++) this.claimed[k] = 1;
    this.spanAt[from] = { start: this.toks[from]!.start, end: this.toks[to - 1]!.end, kind };
    return to;
  }

  private skipSeps(i: number, max = 3): number {
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
  private absentAfter(j0: number): number {
    if (this.concept(j0) === 'absent') return this.after(j0);
    const k = this.skipSeps(j0, 2);
    const c = this.concept(k);
    const l = this.lower(k);
    if (c === 'absent' || l === 'nil') return this.after(k);
    if (c === 'neg' && l === 'no' && k > j0 && (this.lower(k - 1) === ':' || this.lower(k - 1) === '='))
      return k + 1;
    return -1;
  }

  // ---------- field store ----------

  private set(key: StoreKey, value: unknown, from: number, to: number): void {
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

  private contradiction(
    key: StoreKey,
    a: { start: number; end: number },
    b: { start: number; end: number },
  ): void {
    const field = key.startsWith('macro:') ? 'macrovascularInvasion' : key;
    const ta = this.text.slice(a.start, a.end).replace(/\s+/g, ' ');
    const tb = this.text.slice(b.start, b.end).replace(/\s+/g, ' ');
    this.errors.push({
      code: 'contradiction',
      field,
      message: `"${clip(ta)}" and "${clip(tb)}" give different ${LABEL[field] ?? field}; say which is right.`,
      spans: [
        { start: a.start, end: a.end },
        { start: b.start, end: b.end },
      ],
    });
  }

  /** The vessel a macrovascular phrase at i names. */
  private vessel(i: number): Vessel {
    const c = this.match[i]?.concept;
    if (c === 'vp') return 'macro:portal';
    if (c === 'vv') return 'macro:hepatic';
    for (let k = i, end = this.after(i); k < end; k++) {
      const l = this.toks[k]!.lower;
      if (l === 'pvtt' || l === 'portal') return 'macro:portal';
      if (l === 'hepatic') return 'macro:hepatic';
      if (l === 'ivc') return 'macro:ivc';
    }
    return 'macro:any';
  }

  /**
   * One macrovascular answer from the per-vessel findings: a positive finding in any vessel wins over a negative
   * one for another vessel ("no PVTT; Vv2" is true). A contradiction is the same vessel both ways, or "no
   * macrovascular invasion" beside a positive finding anywhere.
   */
  private finishMacro(): void {
    let pos: FieldEntry | undefined;
    let neg: FieldEntry | undefined;
    for (const v of VESSELS) {
      if (this.conflicted.has(v)) {
        this.conflicted.add('macrovascularInvasion');
        return;
      }
      const e = this.fields.get(v);
      if (!e) continue;
      if (e.value === true) pos = pos ?? e;
      else neg = neg ?? e;
    }
    if (pos) {
      const general = this.fields.get('macro:any');
      if (general && general.value === false) {
        this.conflicted.add('macrovascularInvasion');
        const [a, b] = general.start < pos.start ? [general, pos] : [pos, general];
        this.contradiction('macrovascularInvasion', a, b);
        return;
      }
      this.fields.set('macrovascularInvasion', pos);
    } else if (neg) this.fields.set('macrovascularInvasion', neg);
  }

  private assume(field: string, message: string): void {
    this.assumptions.push({ field, message });
  }
  private error(code: ParseIssue['code'], field: string, message: string, from: number, to: number): void {
    this.errors.push({ code, field, message, spans: [this.range(from, to)] });
  }
  private warn(code: ParseIssue['code'], field: string, message: string, from: number, to: number): void {
    const issue: ParseIssue = { code, message, spans: [this.range(from, to)] };
    if (field) issue.field = field;
    this.warnings.push(issue);
  }

  // ---------- main loop ----------

  run(): ParseResult {
    const n = this.toks.length;
    let i = 0;
    let guard = 0;
    while (i < n) {
      guard++;
      if (guard > n * 4 + 10) break;
      if (this.ident[i] || this.claimed[i]) {
        i++;
        continue;
      }
      const j = this.step(i);
      i = j > i ? j : i + 1;
    }
    this.finishMacro();
    this.finishTumour();
    this.leftovers();
    return this.result();
  }

  private step(i: number): number {
    const t = this.toks[i]!;
    if (t.type === 'num') return this.atNumber(i);
    // Location words ("LR-5", "seg 7", "S8", "M1") all start with l, m, n or s.
    const c0 = t.lower.charCodeAt(0);
    if (c0 === 108 || c0 === 109 || c0 === 110 || c0 === 115) {
      const special = this.location(i);
      if (special > i) return special;
    }
    const c = this.concept(i);
    switch (c) {
      case 'bilirubin':
      case 'albumin':
      case 'creatinine':
      case 'inr':
      case 'sodium':
      case 'afp':
      case 'pivka':
        return this.lab(i, c);
      case 'pt':
        return this.pt(i);
      case 'ascites':
        return this.ascitesAfter(i);
      case 'he':
        return this.heAfter(i);
      case 'mild':
      case 'severe':
      case 'controlled':
        return this.qualifierFirst(i);
      case 'grade':
        return this.gradeFirst(i);
      case 'ecog':
        return this.ecog(i);
      case 'comorbid':
        this.set('ecogCancerRelated', false, i, this.after(i));
        return this.claim(i, this.after(i), 'ecog');
      case 'cancerRelated':
        this.set('ecogCancerRelated', true, i, this.after(i));
        return this.claim(i, this.after(i), 'ecog');
      case 'female':
      case 'male': {
        // A bare letter is a sex only standing alone: "F4"/"F 3" (fibrosis stage), "F/U" (follow-up), "M-",
        // "F.u." are not.
        if (this.toks[i]!.text.length === 1 && !this.bareSexOk(i)) return i;
        this.set('sex', c, i, this.after(i));
        return this.claim(i, this.after(i), 'sex');
      }
      case 'dialysis':
        return this.dialysis(i);
      case 'neg':
        return this.negation(i);
      case 'cholestatic':
      case 'csph':
      case 'macro':
      case 'ehs':
      case 'lnPos':
      case 'infiltrative':
        return this.booleanFinding(i, c);
      case 'vp':
      case 'vv':
        return this.vpvv(i, c);
      case 'mets':
        return this.mets(i);
      case 'organ':
        return this.organ(i);
      case 'micro':
        this.warn(
          'microvascular-invasion',
          'macrovascularInvasion',
          'Microvascular invasion is a pathology finding, not a staging one: it was not read as macrovascular invasion. Write PVTT, Vp1-Vp4 or macrovascular invasion if there is tumour in a vessel on imaging.',
          i,
          this.after(i),
        );
        return this.claim(i, this.after(i), 'invasion');
      case 'bland':
        this.warn(
          'not-understood',
          'macrovascularInvasion',
          `"${this.frag(i, this.after(i))}" was not read as tumour invasion: bland thrombus does not stage. Write PVTT or "tumour thrombus" if it is tumour.`,
          i,
          this.after(i),
        );
        return this.claim(i, this.after(i), 'invasion');
      case 'vascularInvasion':
        this.warn(
          'not-understood',
          'macrovascularInvasion',
          'Vascular invasion was not read: say macrovascular (PVTT, Vp1-Vp4) or microvascular (pathology).',
          i,
          this.after(i),
        );
        return this.claim(i, this.after(i), 'invasion');
      case 'tumour':
        return this.tumourNoun(i);
      case 'count':
        return this.countFirst(i, COUNT_WORDS[this.toks[i]!.lower] ?? 1);
      case 'largest':
        return this.largest(i);
      case 'multi':
        return this.multiFirst(i);
      case 'total':
        return this.total(i);
      case 'computed':
        return this.computed(i);
      default:
        return i;
    }
  }

  /** A one-letter "F"/"M" at i stands alone: not before a number, and not attached to "/", "-" or ".". */
  private bareSexOk(i: number): boolean {
    const next = this.toks[i + 1];
    if (!next) return true;
    if (next.type === 'num') return false;
    if (!next.spaceBefore && (next.text === '/' || next.text === '-' || next.text === '.')) return false;
    return true;
  }

  // ---------- labs ----------

  /** Reads `[sep] [<|>] number [unit]` from j; returns undefined when no number follows. */
  private readValue(j0: number, thousandsOk: boolean): LabValue | undefined {
    let j = this.skipSeps(j0);
    let cmp: '<' | '>' | undefined;
    const c = this.tok(j);
    if (c && (c.text === '<' || c.text === '>' || c.text === '≤' || c.text === '≥')) {
      cmp = c.text === '<' || c.text === '≤' ? '<' : '>';
      j++;
      if (this.tok(j)?.text === '=') j++;
    }
    const t = this.tok(j);
    if (t?.type !== 'num') return undefined;
    const num = readNumber(t.text, thousandsOk);
    if (!num) return undefined;
    let value = num.value;
    let thousands = num.thousands;
    // "AFP 1.200": a dot before exactly three digits may be a European thousands separator.
    const dotGroup = thousandsOk && !thousands && isDotGroup(t.text);
    j++;
    // "AFP 12 000": a space between thousands.
    const next = this.tok(j);
    if (
      thousandsOk &&
      next &&
      next.type === 'num' &&
      /^\d{3}$/.test(next.text) &&
      /^\d{1,3}$/.test(t.text) &&
      !next.newlineBefore
    ) {
      value = value * 1000 + Number(next.text);
      thousands = true;
      j++;
    }
    let unit: Concept | undefined;
    if (this.isUnit(j)) {
      unit = this.concept(j);
      j = this.after(j);
    }
    const out: LabValue = { value, end: j, thousands };
    if (dotGroup) out.dotGroup = true;
    if (cmp) out.cmp = cmp;
    if (unit) out.unit = unit;
    return out;
  }

  private lab(i: number, field: LabField): number {
    const start = this.after(i);
    const v = this.readValue(start, field === 'afp' || field === 'pivka');
    if (!v) return i; // left for the leftovers pass (a name without a value is not understood)
    let end = v.end;
    // "bili 1.2 mg/dL (20 umol/L)": the same value in the other unit, checked for agreement.
    const alt = v.unit && this.tok(end)?.text === '(' ? this.readValue(end + 1, false) : undefined;
    if (alt?.unit && this.tok(alt.end)?.text === ')') {
      this.claim(i, alt.end + 1, field);
      this.applyLab(field, v, i, v.end);
      this.applyLab(field, alt, end, alt.end + 1);
      return alt.end + 1;
    }
    end = this.claim(i, end, field);
    this.applyLab(field, v, i, end);
    return end;
  }

  private applyLab(field: LabField, v: LabValue, from: number, to: number): void {
    if (v.dotGroup && field === 'afp') {
      const whole = Math.round(v.value * 1000);
      this.error(
        'ambiguous-number',
        field,
        `"${this.frag(from, to)}" could be ${whole} or ${v.value} (a dot before three digits is a thousands separator in some countries); write ${whole} or ${v.value}.`,
        from,
        to,
      );
      return;
    }
    if (v.cmp === '>') {
      this.error(
        'not-understood',
        field,
        `"${this.frag(from, to)}" is a lower limit, not a value; give the measured ${LABEL[field]}.`,
        from,
        to,
      );
      return;
    }
    if (v.cmp === '<')
      this.assume(
        field,
        `"${this.frag(from, to)}" read as ${LABEL[field]} ${v.value} (the limit given; the true value is lower).`,
      );
    if (v.thousands)
      this.assume(
        field,
        `"${this.frag(from, to)}" read as ${v.value} (comma or space as a thousands separator).`,
      );
    const unit = v.unit?.slice(2);
    switch (field) {
      case 'bilirubin':
      case 'albumin':
      case 'creatinine':
        this.applyDual(field, v.value, unit, from, to);
        return;
      case 'inr': {
        if (unit !== undefined) {
          this.error(
            'unknown-unit',
            'inr',
            `INR has no unit; "${this.frag(from, to)}" cannot be read. Write e.g. "INR 1.3".`,
            from,
            to,
          );
          return;
        }
        if (this.scalar('inr', 'inr', v.value, from, to)) this.set('inr', v.value, from, to);
        return;
      }
      case 'sodium': {
        if (unit !== undefined && unit !== 'mmol/L') {
          this.error(
            'unknown-unit',
            'sodium',
            `Sodium is read in mmol/L (= mEq/L), not ${unit} ("${this.frag(from, to)}").`,
            from,
            to,
          );
          return;
        }
        if (this.scalar('sodium', 'sodium', v.value, from, to)) this.set('sodium', v.value, from, to);
        return;
      }
      case 'afp': {
        let value = v.value;
        if (unit === 'IU/mL') {
          value = tidy(v.value * 1.21);
          this.assume(
            'afp',
            `AFP ${v.value} IU/mL converted to ${value} ng/mL (1 IU/mL = 1.21 ng/mL, WHO 72/225).`,
          );
        } else if (unit === undefined) {
          this.assume('afp', `AFP ${v.value} read as ng/mL (no unit given).`);
        } else if (unit !== 'ng/mL') {
          this.error(
            'unknown-unit',
            'afp',
            `AFP is read in ng/mL (= ug/L) or IU/mL, not ${unit} ("${this.frag(from, to)}").`,
            from,
            to,
          );
          return;
        }
        if (value <= 0) {
          this.error(
            'implausible',
            'afp',
            `AFP must be greater than 0 ng/mL ("${this.frag(from, to)}").`,
            from,
            to,
          );
          return;
        }
        if (this.scalar('afp', 'afp', value, from, to)) this.set('afp', value, from, to);
        return;
      }
      case 'pivka': {
        if (unit === 'mAU/mL' || unit === 'ng/mL') {
          if (v.value <= 0) {
            this.error(
              'implausible',
              'pivka',
              `PIVKA-II must be greater than 0 ("${this.frag(from, to)}").`,
              from,
              to,
            );
            return;
          }
          this.set('pivka', { value: v.value, unit }, from, to);
        } else if (unit === undefined) {
          this.warn(
            'ambiguous-unit',
            'pivka',
            `PIVKA-II "${this.frag(from, to)}" has no unit and was not kept: assays report mAU/mL or ng/mL and these do not convert. Write e.g. "PIVKA-II 350 mAU/mL".`,
            from,
            to,
          );
        } else {
          this.error(
            'unknown-unit',
            'pivka',
            `PIVKA-II is kept in mAU/mL or ng/mL, not ${unit} ("${this.frag(from, to)}").`,
            from,
            to,
          );
        }
        return;
      }
    }
  }

  private applyDual(
    field: DualField,
    value: number,
    unit: string | undefined,
    from: number,
    to: number,
  ): void {
    const allowed = field === 'albumin' ? ALBUMIN_UNITS : MG_UMOL_UNITS;
    let u: DualUnit;
    if (unit !== undefined) {
      if (!allowed.includes(unit)) {
        this.error(
          'unknown-unit',
          field,
          `${cap(LABEL[field]!)} is read in ${allowed.join(' or ')}, not ${unit} ("${this.frag(from, to)}").`,
          from,
          to,
        );
        return;
      }
      u = unit as DualUnit;
    } else {
      const reading = readBare(field, value, this.units);
      if (reading.kind === 'ambiguous') {
        const [a, b] = allowed;
        this.error(
          'ambiguous-unit',
          field,
          `"${this.frag(from, to)}" could be ${a} or ${b} (a bare ${LABEL[field]} from ${reading.window.min} to ${reading.window.max} is plausible in both). Please add the unit, e.g. "${shortName(field)} ${value} ${b}" or "${shortName(field)} ${value} ${a}".`,
          from,
          to,
        );
        return;
      }
      if (reading.kind === 'implausible') {
        const r1 = checkDual(field, allowed[0] as DualUnit, value);
        const r2 = checkDual(field, allowed[1] as DualUnit, value);
        const ranges = [r1, r2].map((r) => (r.status === 'ok' ? '' : r.range)).join(' or ');
        this.error(
          'implausible',
          field,
          `"${this.frag(from, to)}" is outside the accepted range in either unit (${ranges}).`,
          from,
          to,
        );
        return;
      }
      u = reading.unit;
      if (field === 'creatinine' && u === 'umol/L' && value < CREATININE_UMOL_LOW_FLAG)
        this.warn(
          'unusual',
          field,
          `"${this.frag(from, to)}" read as ${value} umol/L (team SI units) is unusually low (about ${tidy(value / SI_FACTOR.creatinine)} mg/dL); if it is mg/dL, write the unit.`,
          from,
          to,
        );
      this.assume(
        field,
        reading.why === 'team-units'
          ? `${cap(LABEL[field]!)} ${value} read as ${u} (no unit given; plausible both ways, so the team's ${this.units === 'si' ? 'SI' : 'US'} units were used).`
          : `${cap(LABEL[field]!)} ${value} read as ${u} (no unit given; only plausible in ${u}).`,
      );
    }
    const check = checkDual(field, u, value);
    if (check.status === 'implausible') {
      this.error(
        'implausible',
        field,
        `"${this.frag(from, to)}" is outside the accepted range for ${LABEL[field]} (${check.range}).`,
        from,
        to,
      );
      return;
    }
    if (check.status === 'unusual')
      this.warn(
        'unusual',
        field,
        `"${this.frag(from, to)}" is unusual (usual ${check.range}); please check it.`,
        from,
        to,
      );
    this.set(field, { value, unit: u }, from, to);
  }

  /** Range-checks a scalar; false when implausible (an error was added). */
  private scalar(
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

  // ---------- PT ----------

  private pt(i: number): number {
    let j = this.after(i);
    const seconds = (k: number): number => (this.concept(k) === 'u:s' ? this.after(k) : k);
    // PT +3s
    if (this.tok(j)?.text === '+' && this.tok(j + 1)?.type === 'num') {
      const num = readNumber(this.toks[j + 1]!.text, false);
      if (num) {
        let end = seconds(j + 2);
        if (this.concept(end) === 'prolonged') end = this.after(end);
        return this.ptProlongation(i, end, num.value);
      }
    }
    // PT prolonged (by) 5 s
    if (this.concept(j) === 'prolonged') {
      j = this.after(j);
      const k = this.skipSeps(j);
      if (this.tok(k)?.text === '+') j = k + 1;
      else j = k;
      const t = this.tok(j);
      const num = t?.type === 'num' ? readNumber(t.text, false) : undefined;
      if (num) return this.ptProlongation(i, seconds(j + 1), num.value);
      this.warn(
        'not-understood',
        'ptProlongationSeconds',
        'PT is prolonged but by how much was not given; write e.g. "PT prolonged 5 s" or give the INR.',
        i,
        j,
      );
      return this.claim(i, j, 'pt');
    }
    // PT 14 s [prolonged]
    const k = this.skipSeps(j);
    const t = this.tok(k);
    const num = t?.type === 'num' ? readNumber(t.text, false) : undefined;
    if (num) {
      const end = seconds(k + 1);
      if (this.concept(end) === 'prolonged') return this.ptProlongation(i, this.after(end), num.value);
      this.warn(
        'not-understood',
        'ptProlongationSeconds',
        `"${this.frag(i, end)}" looks like an absolute prothrombin time; Child-Pugh needs the prolongation over control (e.g. "PT +3s") or the INR, so it was not used.`,
        i,
        end,
      );
      return this.claim(i, end, 'pt');
    }
    return i;
  }

  private ptProlongation(from: number, to: number, value: number): number {
    const end = this.claim(from, to, 'pt');
    if (this.scalar('ptProlongationSeconds', 'ptProlongationSeconds', value, from, to))
      this.set('ptProlongationSeconds', value, from, to);
    return end;
  }

  // ---------- ascites and encephalopathy ----------

  /** Reads qualifiers like "mild", "moderate-severe", "mild to moderate", "controlled on diuretics". */
  private qualifiers(i: number): { end: number; mild: boolean; severe: boolean } | undefined {
    let j = i;
    let mild = false;
    let severe = false;
    let any = false;
    for (let guard = 0; guard < 6; guard++) {
      const c = this.concept(j);
      if (c === 'mild' || c === 'controlled') mild = true;
      else if (c === 'severe') severe = true;
      else break;
      any = true;
      j = this.after(j);
      const sep = this.tok(j);
      const c2 = this.concept(j + 1);
      if (
        sep &&
        (sep.text === '-' || sep.text === '/' || sep.lower === 'to' || sep.lower === 'or') &&
        (c2 === 'mild' || c2 === 'severe' || c2 === 'controlled')
      )
        j++;
      else if (c === 'mild' || c === 'severe') {
        // "mild ascites controlled on diuretics" handled by the caller; allow "moderate, controlled"? no.
        if (this.concept(j) === 'controlled') continue;
        break;
      } else break;
    }
    return any ? { end: j, mild, severe } : undefined;
  }

  private ascitesValue(q: { mild: boolean; severe: boolean }, from: number, to: number): void {
    const value = q.severe ? 'moderate-severe' : 'mild';
    if (q.mild && q.severe)
      this.assume(
        'ascites',
        `"${this.frag(from, to)}" read as moderate-severe ascites (the worse of the grades given).`,
      );
    this.set('ascites', value, from, to);
  }

  private ascitesAfter(i: number): number {
    const j0 = this.after(i);
    let j = this.skipSeps(j0, 2);
    const c = this.concept(j);
    const neg = this.absentAfter(j0);
    if (neg > 0) {
      const end = this.claim(i, neg, 'ascites');
      this.set('ascites', 'none', i, end);
      return end;
    }
    const q = this.qualifiers(j);
    if (q) {
      let end = q.end;
      if (this.tok(end)?.text === ')') end++;
      this.claim(i, end, 'ascites');
      this.ascitesValue(q, i, end);
      return end;
    }
    if (c === 'grade') {
      j = this.after(j);
      const t = this.tok(j);
      const g = t?.type === 'num' ? readNumber(t.text, false)?.value : undefined;
      if (g !== undefined && Number.isInteger(g) && g >= 0 && g <= 3) {
        const end = this.claim(i, j + 1, 'ascites');
        this.set('ascites', g === 0 ? 'none' : g === 1 ? 'mild' : 'moderate-severe', i, end);
        return end;
      }
    }
    let end = this.after(i);
    if (c === 'present') end = this.after(j);
    this.claim(i, end, 'ascites');
    this.warn(
      'not-understood',
      'ascites',
      'Ascites was mentioned without a grade; write "no ascites", "mild ascites" (or controlled on diuretics) or "moderate/severe ascites".',
      i,
      end,
    );
    return end;
  }

  private heGrade(grade: number, grade2: number | undefined, from: number, to: number): void {
    const cls = (g: number) => (g === 0 ? 'none' : g <= 2 ? 'grade-1-2' : 'grade-3-4');
    const a = cls(grade);
    const b = grade2 === undefined ? a : cls(grade2);
    if (a !== b) {
      this.warn(
        'not-understood',
        'encephalopathy',
        `"${this.frag(from, to)}" spans two Child-Pugh classes of encephalopathy and was not used; give one grade.`,
        from,
        to,
      );
      return;
    }
    this.set('encephalopathy', a, from, to);
  }

  /** A grade 0-4, optionally a range "1-2"; returns the end index. */
  private readGrade(j: number): { g: number; g2?: number; end: number } | undefined {
    const t = this.tok(j);
    if (t?.type !== 'num' || !/^\d$/.test(t.text)) return undefined;
    const g = Number(t.text);
    if (g > 4) return undefined;
    const sep = this.tok(j + 1);
    const t2 = this.tok(j + 2);
    if (
      sep &&
      t2 &&
      (sep.text === '-' || sep.text === '/' || sep.text === '–' || sep.lower === 'to') &&
      /^\d$/.test(t2.text)
    ) {
      const g2 = Number(t2.text);
      if (g2 <= 4) return { g, g2, end: j + 3 };
    }
    return { g, end: j + 1 };
  }

  private heAfter(i: number): number {
    // Only all-caps "HE" stands alone; "he"/"He" is read as encephalopathy only with a grade or "none" after it.
    const lowercaseHe = this.toks[i]!.lower === 'he' && this.toks[i]!.text !== 'HE';
    const j0 = this.after(i);
    let j = this.skipSeps(j0, 2);
    const neg = this.absentAfter(j0);
    if (neg > 0) {
      const end = this.claim(i, neg, 'encephalopathy');
      this.set('encephalopathy', 'none', i, end);
      return end;
    }
    if (this.concept(j) === 'grade') j = this.skipSeps(this.after(j), 1);
    const c = this.concept(j);
    const gr = this.readGrade(j);
    if (gr) {
      const end = this.claim(i, gr.end, 'encephalopathy');
      this.heGrade(gr.g, gr.g2, i, end);
      return end;
    }
    const q = this.qualifiers(j);
    if (q && !lowercaseHe) {
      const end = this.claim(i, q.end, 'encephalopathy');
      this.heQual(q, i, end);
      return end;
    }
    if (lowercaseHe) return i;
    let end = this.after(i);
    if (c === 'present') end = this.after(j);
    this.claim(i, end, 'encephalopathy');
    this.warn(
      'not-understood',
      'encephalopathy',
      'Encephalopathy was mentioned without a grade; write "no HE", "HE 1-2" or "HE grade 3".',
      i,
      end,
    );
    return end;
  }

  private heQual(q: { mild: boolean; severe: boolean }, from: number, to: number): void {
    if (q.mild && q.severe) {
      this.warn(
        'not-understood',
        'encephalopathy',
        `"${this.frag(from, to)}" was not used; give one HE grade.`,
        from,
        to,
      );
      return;
    }
    this.set('encephalopathy', q.severe ? 'grade-3-4' : 'grade-1-2', from, to);
    this.assume(
      'encephalopathy',
      `"${this.frag(from, to)}" read as encephalopathy ${q.severe ? 'grade 3-4' : 'grade 1-2'}.`,
    );
  }

  private qualifierFirst(i: number): number {
    const q = this.qualifiers(i);
    if (!q) return i;
    const c = this.concept(q.end);
    if (c === 'ascites') {
      let end = this.after(q.end);
      // "mild ascites controlled on diuretics"
      if (this.concept(end) === 'controlled') end = this.after(end);
      this.claim(i, end, 'ascites');
      this.ascitesValue(q, i, end);
      return end;
    }
    if (c === 'he') {
      const end = this.claim(i, this.after(q.end), 'encephalopathy');
      this.heQual(q, i, end);
      return end;
    }
    return i;
  }

  private gradeFirst(i: number): number {
    const gr = this.readGrade(this.after(i));
    if (!gr) return i;
    const c = this.concept(gr.end);
    if (c === 'he') {
      const end = this.claim(i, this.after(gr.end), 'encephalopathy');
      this.heGrade(gr.g, gr.g2, i, end);
      return end;
    }
    if (c === 'ascites' && gr.g2 === undefined && gr.g <= 3) {
      const end = this.claim(i, this.after(gr.end), 'ascites');
      this.set('ascites', gr.g === 0 ? 'none' : gr.g === 1 ? 'mild' : 'moderate-severe', i, end);
      return end;
    }
    return i;
  }

  // ---------- ECOG ----------

  private ecog(i: number): number {
    let j = this.skipSeps(this.after(i), 2);
    if (this.lower(j) === 'ps') j = this.skipSeps(j + 1, 2);
    const t = this.tok(j);
    if (t?.type !== 'num') return i;
    const num = readNumber(t.text, false);
    if (!num) return i;
    let end = j + 1;
    const sep = this.tok(end);
    const t2 = this.tok(end + 1);
    if (
      sep &&
      t2 &&
      (sep.text === '-' || sep.text === '/') &&
      t2.type === 'num' &&
      /^\d$/.test(t2.text) &&
      !t2.spaceBefore
    ) {
      end += 2;
      this.claim(i, end, 'ecog');
      this.error(
        'not-understood',
        'ecog',
        `"${this.frag(i, end)}" is a range; give one ECOG value (0-4).`,
        i,
        end,
      );
      return end;
    }
    // Attribution: "(comorbidity)", "not cancer related", "due to COPD", "(arthritis)", "from hip fracture".
    let related: boolean | undefined;
    let inferred = false;
    const attr = this.ecogAttribution(end);
    if (attr) {
      related = attr.related;
      inferred = attr.inferred;
      end = attr.end;
    }
    this.claim(i, end, 'ecog');
    if (!Number.isInteger(num.value) || num.value < 0 || num.value > 4) {
      this.error(
        'implausible',
        'ecog',
        `"${this.frag(i, end)}": ECOG is a whole number from 0 to 4.`,
        i,
        end,
      );
      return end;
    }
    this.set('ecog', num.value, i, end);
    if (related !== undefined) {
      this.set('ecogCancerRelated', related, i, end);
      if (inferred)
        this.assume(
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
  private ecogAttribution(j0: number): { related: boolean; inferred: boolean; end: number } | undefined {
    let k = j0;
    const open = this.tok(k)?.text;
    const bracket = open === '(';
    if (bracket || open === ',' || open === '-' || open === ';') k++;
    const c = this.concept(k);
    if (c === 'comorbid' || c === 'cancerRelated') {
      k = this.after(k);
      if (this.tok(k)?.text === ')') k++;
      return { related: c === 'cancerRelated', inferred: false, end: k };
    }
    let cause = false;
    const l = this.lower(k);
    if ((l === 'due' || l === 'secondary' || l === 'related') && this.lower(k + 1) === 'to') {
      k += 2;
      cause = true;
    } else if (l === 'because' && this.lower(k + 1) === 'of') {
      k += 2;
      cause = true;
    } else if (l === 'from' || l === 'owing') {
      k += l === 'owing' && this.lower(k + 1) === 'to' ? 2 : 1;
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
      const t = this.tok(k);
      if (t?.type !== 'word' || (k > from && t.newlineBefore)) break;
      const ck = this.concept(k);
      if (ck !== undefined && ck !== 'tumour' && ck !== 'mets' && ck !== 'organ' && ck !== 'filler') break;
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
      if (this.tok(end)?.text !== ')') return undefined;
      end++;
    }
    if (cancer) return { related: true, inferred: true, end };
    if (specific) return { related: false, inferred: true, end };
    return undefined;
  }

  // ---------- dialysis ----------

  private dialysis(i: number): number {
    let j = this.after(i);
    let count: number | undefined;
    const readCount = (k: number): number => {
      // x2, x 2, ×2, 2x, twice, 3 times, 2 sessions
      const t = this.tok(k);
      if (!t) return k;
      if ((t.lower === 'x' || t.text === '×') && this.tok(k + 1)?.type === 'num') {
        count = readNumber(this.toks[k + 1]!.text, false)?.value;
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
      if (t.type === 'num' && this.concept(k + 1) === 'times') {
        count = readNumber(t.text, false)?.value;
        return this.after(k + 1);
      }
      return k;
    };
    j = readCount(j);
    if (this.concept(j) === 'week') j = this.after(j);
    // "previous HD", "off HD", "ex-dialysis", "no longer on dialysis", "dialysis not required", "HD stopped":
    // a past or stopped episode is not current dialysis.
    const past = this.pastBefore(i);
    const stopped = this.stoppedAfter(j);
    const absent = past < 0 && stopped < 0 ? this.absentAfter(j) : -1;
    if (past >= 0 || stopped >= 0 || absent > 0) {
      const from = past >= 0 ? past : i;
      const end = this.claim(from, Math.max(j, stopped, absent), 'dialysis');
      this.set('dialysis', false, from, end);
      if (absent < 0)
        this.assume(
          'dialysis',
          `"${this.frag(from, end)}" read as not on dialysis now: a past episode was not counted as current dialysis (MELD counts >= 2 sessions or >= 24 h CVVHD in the week before the creatinine).`,
        );
      return end;
    }
    const end = this.claim(i, j, 'dialysis');
    if (count !== undefined && count < 2) {
      this.set('dialysis', false, i, end);
      this.assume(
        'dialysis',
        `"${this.frag(i, end)}": fewer than 2 sessions in the week does not count as dialysis for MELD (>= 2 sessions or >= 24 h CVVHD).`,
      );
    } else {
      this.set('dialysis', true, i, end);
      if (count === undefined)
        this.assume(
          'dialysis',
          `"${this.frag(i, end)}" read as dialysis (>= 2 sessions or >= 24 h CVVHD in the week before the creatinine).`,
        );
    }
    return end;
  }

  /** The first token of a past-episode marker just before a dialysis phrase at i ("previous", "ex-", "no longer"), or -1. */
  private pastBefore(i: number): number {
    const free = (k: number): boolean => k >= 0 && !this.claimed[k] && this.tok(k) !== undefined;
    let k = i - 1;
    // "ex-dialysis", "ex-HD"
    if (free(k) && this.toks[k]!.text === '-' && !this.toks[k]!.spaceBefore && !this.toks[i]!.spaceBefore) {
      return free(k - 1) && this.toks[k - 1]!.lower === 'ex' ? k - 1 : -1;
    }
    if (free(k) && (this.toks[k]!.lower === 'on' || this.toks[k]!.lower === 'of')) k--;
    if (!free(k)) return -1;
    const l = this.toks[k]!.lower;
    if (PAST_DIALYSIS.has(l)) return k;
    // "no longer (on) dialysis"
    if (l === 'longer' && free(k - 1) && this.toks[k - 1]!.lower === 'no') return k - 1;
    // "h/o HD", "history of dialysis"
    if (l === 'o' && free(k - 2) && this.toks[k - 1]!.text === '/' && this.toks[k - 2]!.lower === 'h')
      return k - 2;
    return -1;
  }

  /** The end of "not required", "no longer needed", "stopped" after a dialysis phrase ending at j, or -1. */
  private stoppedAfter(j: number): number {
    let k = j;
    if (this.tok(k)?.text === '(' || this.tok(k)?.text === '-') k++;
    const l = this.lower(k);
    if (l === undefined) return -1;
    let end = -1;
    if (STOPPED_DIALYSIS.has(l)) end = k + 1;
    else if (l === 'not' && NOT_NEEDED.has(this.lower(k + 1) ?? '')) end = k + 2;
    else if (l === 'no' && this.lower(k + 1) === 'longer') {
      end = k + 2;
      if (NOT_NEEDED.has(this.lower(end) ?? '')) end++;
    }
    if (end > 0 && this.tok(end)?.text === ')' && k > j) end++;
    return end;
  }

  // ---------- negation and yes/no findings ----------

  private negatable(c: Concept | undefined): boolean {
    return (
      c === 'ascites' ||
      c === 'he' ||
      c === 'macro' ||
      c === 'ehs' ||
      c === 'mets' ||
      c === 'csph' ||
      c === 'cholestatic' ||
      c === 'dialysis' ||
      c === 'infiltrative' ||
      c === 'micro' ||
      c === 'bland' ||
      c === 'organ' ||
      c === 'vascularInvasion'
    );
  }

  private negation(i: number): number {
    let j = this.after(i);
    if (this.lower(j) === 'any' || this.lower(j) === 'evidence') j++;
    if (this.lower(j) === 'of') j++;
    if (!this.negatable(this.concept(j))) return i;
    let end = j;
    for (let guard = 0; guard < 8; guard++) {
      const c = this.concept(end);
      if (!this.negatable(c)) break;
      const from = end;
      end = this.after(end);
      if (c === 'organ') {
        // "no lung mets": an organ-specific negative says nothing about spread elsewhere.
        if (this.concept(end) === 'mets') end = this.after(end);
        else {
          end = from;
          break;
        }
      } else this.negate(c!, i, end, from);
      const sep = this.tok(end);
      if (
        sep &&
        (sep.text === '/' || sep.lower === 'or' || sep.lower === 'nor') &&
        this.negatable(this.concept(end + 1))
      )
        end++;
      else break;
    }
    if (end === j) return i;
    return this.claim(i, end, kindFor(this.concept(j)!));
  }

  /** A lymph-node phrase ("nodes", "lymph nodes", "nodal disease"): negating it says nothing about other spread. */
  private nodal(i: number): boolean {
    for (let k = i; k < this.after(i); k++) {
      const l = this.toks[k]!.lower;
      if (l.startsWith('node') || l === 'nodal' || l === 'lymph' || l === 'lymphadenopathy') return true;
    }
    return false;
  }

  private negate(c: Concept, from: number, to: number, _at: number): void {
    switch (c) {
      case 'ascites':
        this.set('ascites', 'none', from, to);
        return;
      case 'he':
        this.set('encephalopathy', 'none', from, to);
        return;
      case 'macro':
        this.set(this.vessel(_at), false, from, to);
        return;
      case 'ehs':
      case 'mets':
        // "no nodes" says nothing about spread elsewhere.
        if (!this.nodal(_at)) this.set('extrahepaticSpread', false, from, to);
        return;
      case 'csph':
        this.set('portalHypertension', false, from, to);
        return;
      case 'cholestatic':
        this.set('cholestatic', false, from, to);
        return;
      case 'dialysis':
        this.set('dialysis', false, from, to);
        return;
      case 'infiltrative':
        this.set('infiltrative', false, from, to);
        return;
      default:
        return;
    }
  }

  private booleanFinding(i: number, c: Concept): number {
    const field: FieldName =
      c === 'cholestatic'
        ? 'cholestatic'
        : c === 'csph'
          ? 'portalHypertension'
          : c === 'macro'
            ? 'macrovascularInvasion'
            : c === 'infiltrative'
              ? 'infiltrative'
              : 'extrahepaticSpread';
    let end = this.after(i);
    let value = true;
    const k0 = end;
    const k = this.skipSeps(k0, 2);
    const next = this.concept(k);
    const neg = this.absentAfter(k0);
    if (neg > 0) {
      value = false;
      end = neg;
    } else if (next === 'present') end = this.after(k);
    else if (this.tok(end)?.text === '+' && !this.toks[end]!.spaceBefore) end++;
    else if (this.tok(end)?.text === '-' && !this.toks[end]!.spaceBefore && !this.tok(end + 1)) {
      value = false;
      end++;
    }
    // "mets lung", "EHS (lung, bone)" organs after are part of the finding.
    if (c === 'ehs') end = this.organsAfter(end);
    this.claim(i, end, kindFor(c));
    if (c === 'macro') this.set(this.vessel(i), value, i, end);
    else if (value || !(c === 'ehs' && this.nodal(i))) this.set(field, value, i, end);
    return end;
  }

  private organsAfter(j0: number): number {
    let j = j0;
    let end = j0;
    for (let guard = 0; guard < 8; guard++) {
      let k = j;
      if (this.lower(k) === 'to' || this.tok(k)?.text === '(' || this.tok(k)?.text === ':') k++;
      if (this.concept(k) !== 'organ') break;
      k = this.after(k);
      if (this.tok(k)?.text === ')') k++;
      end = k;
      const sep = this.tok(k);
      if (
        sep &&
        (sep.text === ',' || sep.text === '/' || sep.text === '&' || sep.lower === 'and') &&
        this.concept(k + 1) === 'organ'
      )
        j = k + 1;
      else break;
    }
    return end;
  }

  private mets(i: number): number {
    const end0 = this.after(i);
    const neg = this.absentAfter(end0);
    if (neg > 0) {
      const end = this.claim(i, neg, 'spread');
      this.set('extrahepaticSpread', false, i, end);
      return end;
    }
    const end = this.organsAfter(end0);
    this.claim(i, end, 'spread');
    this.set('extrahepaticSpread', true, i, end);
    return end;
  }

  private organ(i: number): number {
    // "lung mets", "lung and bone mets", "bone metastases"
    let j = this.after(i);
    for (let guard = 0; guard < 6; guard++) {
      const sep = this.tok(j);
      if (
        sep &&
        (sep.text === ',' || sep.text === '/' || sep.text === '&' || sep.lower === 'and') &&
        this.concept(j + 1) === 'organ'
      )
        j = this.after(j + 1);
      else break;
    }
    if (this.concept(j) === 'mets') {
      const end = this.claim(i, this.after(j), 'spread');
      this.set('extrahepaticSpread', true, i, end);
      return end;
    }
    // "LN -", "nodes negative"
    const k = this.skipSeps(j, 1);
    if (this.concept(k) === 'absent') {
      // "LN neg", "lung negative": clear in that place only, so nothing is set.
      return this.claim(i, this.after(k), 'spread');
    }
    return i;
  }

  private vpvv(i: number, c: 'vp' | 'vv'): number {
    const t = this.tok(i + 1);
    if (t?.type !== 'num' || !/^\d$/.test(t.text)) return i;
    const g = Number(t.text);
    const max = c === 'vp' ? 4 : 3;
    if (g > max) return i;
    let end = i + 2;
    const sep = this.tok(end);
    const t2 = this.tok(end + 1);
    if (sep && t2 && (sep.text === '-' || sep.text === '/') && /^\d$/.test(t2.text) && Number(t2.text) <= max)
      end += 2;
    this.claim(i, end, 'invasion');
    this.set(this.vessel(i), g > 0, i, end);
    return end;
  }

  // ---------- scores the user states ----------

  /** "Child-Pugh B7", "MELD 14", "BCLC B", "ALBI -2.1": recognised so they are not reported as unknown, never used. */
  private computed(i: number): number {
    let j = this.skipSeps(this.after(i), 2);
    const l = this.lower(j);
    if (l === 'class' || l === 'score' || l === 'stage' || l === 'grade') j = this.skipSeps(j + 1, 1);
    let end = this.after(i);
    const t = this.tok(j);
    if (t?.type === 'word' && /^[a-d]$/.test(t.lower)) {
      end = j + 1;
      if (this.tok(end)?.type === 'num' && !this.toks[end]!.spaceBefore) end++;
    } else if (t?.type === 'num') end = j + 1;
    else if (t?.text === '-' && this.tok(j + 1)?.type === 'num' && !this.toks[j + 1]!.spaceBefore)
      end = j + 2;
    if (end === this.after(i) && this.toks[i]!.lower === 'cp') return i; // a bare "CP" could be anything
    this.claim(i, end, 'filler');
    this.warn(
      'not-understood',
      '',
      `"${this.frag(i, end)}" was noted but not used: the assistant computes scores and stages from the values given.`,
      i,
      end,
    );
    return end;
  }

  // ---------- location words that carry numbers (not read, not counts) ----------

  private location(i: number): number {
    const t = this.toks[i]!;
    const l = t.lower;
    const n1 = this.tok(i + 1);
    // LR-5, LIRADS 5, LI-RADS 5, LI RADS 5: a category, never a count. Then segment 7, seg 4/8, S7.
    if (l === 'lr' || l === 'lirads' || l === 'li') {
      let j = i + 1;
      if (l === 'li') {
        if (this.tok(j)?.text === '-' && !this.toks[j]!.spaceBefore) j++;
        if (this.lower(j) !== 'rads') j = -1;
        else j++;
      }
      if (j > 0) {
        const sep = this.tok(j)?.text;
        if (sep === '-' || sep === ':') j++;
        if (this.tok(j)?.type === 'num' || this.lower(j) === 'm' || this.lower(j) === 'tiv')
          return this.claim(i, this.numList(j), 'tumour');
      }
    }
    // TNM: "M1", "N1" are spread, "M0", "N0" none.
    if (
      (l === 'm' || l === 'n') &&
      n1 &&
      n1.type === 'num' &&
      !n1.spaceBefore &&
      (n1.text === '0' || n1.text === '1')
    ) {
      const end = this.claim(i, i + 2, 'spread');
      // N0 says only that nodes are clear, not that there is no spread elsewhere.
      if (!(l === 'n' && n1.text === '0')) this.set('extrahepaticSpread', n1.text === '1', i, end);
      return end;
    }
    if ((l === 'seg' || l === 'segment' || l === 'segments' || l === 'segs') && n1) {
      let j = i + 1;
      if (n1.text === '.' || n1.text === ':') j++;
      if (this.tok(j)?.type === 'num') return this.claim(i, this.numList(j), 'tumour');
    }
    if ((l === 's' || l === 'sg') && t.text !== 's' && n1 && n1.type === 'num' && !n1.spaceBefore)
      return this.claim(i, this.numList(i + 1), 'tumour');
    if (
      l === 's' &&
      n1 &&
      n1.type === 'num' &&
      !n1.spaceBefore &&
      /^[1-8]$/.test(n1.text) &&
      !this.tok(i - 1)?.type?.startsWith('num')
    )
      return this.claim(i, this.numList(i + 1), 'tumour');
    return i;
  }

  private numList(j: number): number {
    let end = j;
    if (this.tok(end)?.type === 'num' || this.lower(end) === 'm' || this.lower(end) === 'tiv') end++;
    for (let guard = 0; guard < 8; guard++) {
      const sep = this.tok(end);
      const nx = this.tok(end + 1);
      if (
        sep &&
        nx &&
        (sep.text === '/' || sep.text === '-' || sep.text === ',') &&
        !sep.spaceBefore &&
        nx.type === 'num' &&
        /^[1-8]$/.test(nx.text)
      )
        end += 2;
      else break;
    }
    return end;
  }

  // ---------- numbers ----------

  private atNumber(i: number): number {
    const t = this.toks[i]!;
    const num = readNumber(t.text, false);
    if (!num) return i;
    const v = num.value;
    const n1 = this.tok(i + 1);
    // Age-sex "62F", "58 M", "62 yo F": the age is never kept.
    if (n1 && Number.isInteger(v) && v >= 1 && v <= 120) {
      const c1 = this.concept(i + 1);
      const letter = this.toks[i + 1]!.text.length === 1;
      if (
        (c1 === 'female' || c1 === 'male') &&
        !(letter && !this.bareSexOk(i + 1)) &&
        !(this.toks[i + 1]!.spaceBefore && letter && this.isUnit(i + 2))
      ) {
        const end = this.claim(i, this.after(i + 1), 'sex');
        this.set('sex', c1, i + 1, this.after(i + 1));
        return end;
      }
      if (c1 === 'ageWord') {
        let end = this.after(i + 1);
        const c2 = this.concept(end);
        if ((c2 === 'female' || c2 === 'male') && (this.toks[end]!.text.length > 1 || this.bareSexOk(end))) {
          this.set('sex', c2, end, this.after(end));
          end = this.after(end);
          return this.claim(i, end, 'sex');
        }
        return this.claim(i, end, 'filler');
      }
    }
    // Count then lesion word: "3 lesions largest 4.2 cm".
    if (
      Number.isInteger(v) &&
      !t.text.includes('.') &&
      !t.text.includes(',') &&
      this.concept(i + 1) === 'tumour'
    )
      return this.countFirst(i, v);
    // A size or list of sizes: "2.1 x 1.8 cm", "4.5, 2 and 1.5 cm lesions", "18 mm".
    const sizes = this.readSizes(i);
    if (sizes) {
      let end = sizes.end;
      const each = this.concept(end) === 'each';
      if (each) end = this.after(end);
      if (this.concept(end) === 'tumour') end = this.after(end);
      this.claim(i, end, 'tumour');
      this.addStatement({ sizes: sizes.sizes, from: i, to: end });
      return end;
    }
    // A value before its name: "34 umol/L bilirubin".
    const val = this.readValue(i, false);
    if (val) {
      const k = this.skipSeps(val.end, 1);
      const c = this.concept(k);
      if (c && LAB_CONCEPTS.has(c) && !this.readValue(this.after(k), c === 'afp' || c === 'pivka')) {
        const end = this.claim(i, this.after(k), c as LabField);
        this.applyLab(c as LabField, val, i, end);
        return end;
      }
    }
    return i;
  }

  private sizeUnitAt(k: number): 'cm' | 'mm' | undefined {
    const c = this.concept(k);
    return c === 'u:cm' ? 'cm' : c === 'u:mm' ? 'mm' : undefined;
  }

  /** Reads sizes in cm or mm; each item may have axes ("2.1 x 1.8"), the unit may come once at the end. */
  private readSizes(i: number): { sizes: number[]; end: number } | undefined {
    // A list already scanned without finding a unit fails the same way from any later item: keeps this linear.
    if (i > this.sizeFail.from && i < this.sizeFail.to) return undefined;
    const committed: number[] = [];
    let pending: number[][] = [];
    let committedEnd = -1;
    let j = i;
    for (let guard = 0; guard < 60; guard++) {
      const t = this.tok(j);
      if (t?.type !== 'num') break;
      const first = readNumber(t.text, false);
      if (!first) break;
      const dims = [first.value];
      j++;
      let unit: 'cm' | 'mm' | undefined;
      const u = this.sizeUnitAt(j);
      if (u) {
        unit = u;
        j = this.after(j);
      }
      for (let axes = 0; axes < 3; axes++) {
        const x = this.tok(j);
        const nx = this.tok(j + 1);
        if (!x || !nx || nx.type !== 'num' || !AXIS.has(x.lower)) break;
        const d = readNumber(nx.text, false);
        if (!d) break;
        // After "2.5 cm", "x3" is a count, not an axis: a later axis needs its own unit ("2.1 cm x 1.8 cm").
        const u2 = this.sizeUnitAt(j + 2);
        if (unit && !u2) break;
        dims.push(d.value);
        j += 2;
        if (u2) {
          unit = u2;
          j = this.after(j);
        }
      }
      if (unit) {
        for (const p of pending) committed.push(toCm(Math.max(...p), unit));
        committed.push(toCm(dims.length === 1 ? dims[0]! : Math.max(...dims), unit));
        pending = [];
        committedEnd = j;
      } else pending.push(dims);
      const sep = this.tok(j);
      if (sep && (LIST_SEPS.has(sep.text) || sep.lower === 'and') && this.tok(j + 1)?.type === 'num') {
        j++;
        continue;
      }
      break;
    }
    if (committed.length === 0) {
      this.sizeFail = { from: i, to: j };
      return undefined;
    }
    return { sizes: committed, end: committedEnd };
  }

  // ---------- tumour ----------

  private addStatement(s: Statement): void {
    this.statements.push(s);
  }

  /** After a count (word or number) at i: "single 1.8 cm", "two 2.5 cm nodules", "3 lesions largest 4.2 cm". */
  private countFirst(i: number, count: number): number {
    let j = this.after(i);
    let noun = false;
    if (this.concept(j) === 'tumour') {
      noun = true;
      j = this.after(j);
    }
    const k = this.skipSepsTumour(j);
    if (this.concept(k) === 'largest') {
      const l = this.largestSize(k);
      if (l) {
        const end = this.claim(i, l.end, 'tumour');
        this.addStatement({ count, sizes: [], largest: l.size, from: i, to: end });
        return end;
      }
    }
    const sizes = this.readSizes(k);
    if (sizes) {
      let end = sizes.end;
      const each = this.concept(end) === 'each';
      if (each) end = this.after(end);
      let nounAfter = false;
      if (this.concept(end) === 'tumour') {
        nounAfter = true;
        end = this.after(end);
      }
      if (this.tok(end)?.text === ')' && this.tok(k - 1)?.text === '(') end++;
      this.claim(i, end, 'tumour');
      let list = sizes.sizes;
      let sizeAsLargest = false;
      if (list.length === 1 && count > 1) {
        if (each || nounAfter || !noun) list = new Array<number>(count).fill(list[0]!);
        else sizeAsLargest = true;
      }
      this.addStatement({ count, sizes: list, sizeAsLargest, from: i, to: end });
      return end;
    }
    if (!noun && this.toks[i]!.type === 'num') return i;
    if (!noun) {
      // "single" alone says one lesion only when a lesion word or size follows; otherwise unknown.
      return i;
    }
    const end = this.claim(i, j, 'tumour');
    this.addStatement({ count, sizes: [], from: i, to: end });
    return end;
  }

  private skipSepsTumour(j: number): number {
    let k = j;
    for (let g = 0; g < 3; g++) {
      const t = this.tok(k);
      if (!t) break;
      if (
        (t.type === 'punct' &&
          (t.text === ':' || t.text === '(' || t.text === ',' || t.text === '-' || t.text === '=')) ||
        (t.type === 'word' && SEP_WORDS.has(t.lower))
      )
        k++;
      else break;
    }
    // only skip if something tumour-like follows
    return this.tok(k)?.type === 'num' || this.concept(k) === 'largest' ? k : j;
  }

  private largestSize(k: number): { size: number; end: number } | undefined {
    let j = this.after(k);
    if (this.concept(j) === 'tumour' || this.lower(j) === 'one') j = this.after(j);
    j = this.skipSeps(j, 2);
    const sizes = this.readSizes(j);
    if (sizes?.sizes.length !== 1) return undefined;
    let end = sizes.end;
    if (this.tok(end)?.text === ')') end++;
    return { size: sizes.sizes[0]!, end };
  }

  private tumourNoun(i: number): number {
    const j = this.after(i);
    // "lesions x3"
    if ((this.lower(j) === 'x' || this.tok(j)?.text === '×') && this.tok(j + 1)?.type === 'num') {
      const c = readNumber(this.toks[j + 1]!.text, false);
      if (c && Number.isInteger(c.value)) {
        const end = this.claim(i, j + 2, 'tumour');
        this.addStatement({ count: c.value, sizes: [], from: i, to: end });
        return end;
      }
    }
    const k = this.skipSepsTumour(j);
    if (this.concept(k) === 'largest') {
      const l = this.largestSize(k);
      if (l) {
        const end = this.claim(i, l.end, 'tumour');
        this.addStatement({ sizes: [], largest: l.size, from: i, to: end });
        return end;
      }
    }
    const sizes = this.readSizes(k);
    if (sizes) {
      let end = sizes.end;
      if (this.concept(end) === 'each') end = this.after(end);
      if (this.tok(end)?.text === ')' && this.tok(k - 1)?.text === '(') end++;
      this.claim(i, end, 'tumour');
      this.addStatement({ sizes: sizes.sizes, from: i, to: end });
      return end;
    }
    return this.claim(i, j, 'tumour');
  }

  private largest(i: number): number {
    const l = this.largestSize(i);
    if (!l) return i;
    const end = this.claim(i, l.end, 'tumour');
    this.addStatement({ sizes: [], largest: l.size, from: i, to: end });
    return end;
  }

  private multiFirst(i: number): number {
    let j = this.after(i);
    this.multi = this.multi ?? this.range(i, j);
    if (this.concept(j) === 'tumour') j = this.after(j);
    const k = this.skipSepsTumour(j);
    if (this.concept(k) === 'largest') {
      const l = this.largestSize(k);
      if (l) {
        const end = this.claim(i, l.end, 'tumour');
        this.addStatement({ sizes: [], largest: l.size, from: i, to: end });
        return end;
      }
    }
    const sizes = this.readSizes(k);
    if (sizes) {
      const end = this.claim(i, sizes.end, 'tumour');
      this.addStatement({ sizes: sizes.sizes, from: i, to: end });
      return end;
    }
    return this.claim(i, j, 'tumour');
  }

  private total(i: number): number {
    const j = this.skipSeps(this.after(i), 2);
    const sizes = this.readSizes(j);
    if (sizes?.sizes.length !== 1) return i;
    const end = this.claim(i, sizes.end, 'tumour');
    const v = sizes.sizes[0]!;
    if (this.scalar('totalDiameterCm', 'totalDiameterCm', v, i, end, true))
      this.set('totalDiameterCm', v, i, end);
    return end;
  }

  private finishTumour(): void {
    const st = this.statements;
    if (st.length === 0) {
      if (this.multi)
        this.warnings.push({
          code: 'not-understood',
          field: 'noduleCount',
          message:
            'Several lesions were mentioned without a number; give the count and sizes, e.g. "3 lesions largest 4.2 cm".',
          spans: [this.multi],
        });
      return;
    }
    let ok = true;
    const span = (s: Statement) => this.range(s.from, s.to);
    // Sizes must be plausible.
    for (const s of st) {
      for (const v of s.sizes) if (!this.scalar('noduleCm', 'nodulesCm', v, s.from, s.to, true)) ok = false;
      if (s.largest !== undefined && !this.scalar('noduleCm', 'nodulesCm', s.largest, s.from, s.to, true))
        ok = false;
      if (s.count !== undefined && !this.scalar('noduleCount', 'noduleCount', s.count, s.from, s.to))
        ok = false;
      if (s.count !== undefined && !Number.isInteger(s.count)) ok = false;
    }
    if (!ok) return;
    const counted = st.filter((s) => s.count !== undefined);
    const count = counted[0]?.count;
    const conflict = (what: string, a: Statement, b: Statement): void => {
      this.errors.push({
        code: 'contradiction',
        field: what,
        message: `"${clip(this.frag(a.from, a.to))}" and "${clip(this.frag(b.from, b.to))}" disagree about the ${LABEL[what] ?? 'lesion sizes'}; say which is right.`,
        spans: [span(a), span(b)],
      });
    };
    for (const s of counted)
      if (s.count !== count) {
        conflict('noduleCount', counted[0]!, s);
        return;
      }
    const withLargest = st.filter((s) => s.largest !== undefined || s.sizeAsLargest);
    const largestOf = (s: Statement) => s.largest ?? s.sizes[0]!;
    let largest = withLargest[0] ? largestOf(withLargest[0]) : undefined;
    for (const s of withLargest)
      if (largestOf(s) !== largest) {
        conflict('largestNoduleCm', withLargest[0]!, s);
        return;
      }
    const sizes: number[] = [];
    for (const s of st) if (!s.sizeAsLargest) for (const v of s.sizes) sizes.push(v);
    const first = st[0]!;
    const last = st[st.length - 1]!;
    if (sizes.length > 0) {
      const max = Math.max(...sizes);
      if (largest !== undefined && largest < max) {
        conflict('largestNoduleCm', withLargest[0]!, st.find((s) => s.sizes.includes(max))!);
        return;
      }
      if (largest !== undefined && largest > max && count === undefined) {
        sizes.push(largest);
        largest = undefined;
      }
      const n = count ?? sizes.length;
      if (sizes.length > n) {
        this.errors.push({
          code: 'contradiction',
          field: 'noduleCount',
          message: `The message gives ${n} lesion(s) but ${sizes.length} sizes; say which is right.`,
          spans: [span(first), span(last)],
        });
        return;
      }
      if (sizes.length === n && (largest === undefined || largest === Math.max(...sizes))) {
        this.set('nodulesCm', sizes, first.from, last.to);
        this.set('noduleCount', n, first.from, last.to);
        return;
      }
      this.set('noduleCount', n, first.from, last.to);
      const big = largest ?? max;
      this.set('largestNoduleCm', big, first.from, last.to);
      if (largest === undefined)
        this.assume(
          'largestNoduleCm',
          `Only ${sizes.length} of ${n} lesion sizes given; the largest given (${big} cm) is taken as the largest.`,
        );
      return;
    }
    if (count !== undefined) this.set('noduleCount', count, first.from, last.to);
    if (largest !== undefined) {
      if (count === undefined) {
        this.warnings.push({
          code: 'not-understood',
          field: 'noduleCount',
          message: `The largest lesion (${largest} cm) was read but not the number of lesions, so it was not used; e.g. "3 lesions largest ${largest} cm".`,
          spans: [span(withLargest[0]!)],
        });
        return;
      }
      if (withLargest[0]?.sizeAsLargest)
        this.assume(
          'largestNoduleCm',
          `"${this.frag(withLargest[0].from, withLargest[0].to)}" read as ${count} lesions, the largest ${largest} cm.`,
        );
      this.set('largestNoduleCm', largest, first.from, last.to);
    }
  }

  // ---------- what was not read ----------

  private leftovers(): void {
    const n = this.toks.length;
    let i = 0;
    while (i < n) {
      if (this.claimed[i] || this.ident[i]) {
        i++;
        continue;
      }
      const t = this.toks[i]!;
      const c = this.match[i]?.concept;
      if (
        t.type === 'punct' ||
        c === 'filler' ||
        t.lower === 'patient' ||
        t.lower === 'pt' ||
        t.lower === 'pts'
      ) {
        let j = i + 1;
        while (j < n && !this.claimed[j] && !this.ident[j] && this.toks[j]!.type === 'punct') j++;
        this.claim(i, j, 'filler');
        i = j;
        continue;
      }
      // A run of unknown words and numbers separated only by spaces (a stray unit phrase stays whole).
      let j = i + 1;
      const phraseEnd = i + (this.match[i]?.len ?? 1);
      while (j < phraseEnd && !this.claimed[j] && !this.ident[j]) j++;
      while (
        j < n &&
        j - i < 12 &&
        !this.claimed[j] &&
        !this.ident[j] &&
        this.toks[j]!.type !== 'punct' &&
        !this.toks[j]!.newlineBefore &&
        this.match[j]?.concept !== 'filler'
      )
        j++;
      const start = t.start;
      const end = this.toks[j - 1]!.end;
      let suggestion: string | undefined;
      // Suggestions for the first words of the first fragments only: a long paste of unknown text stays linear.
      for (let k = i; k < j && k < i + 3 && !suggestion && this.suggestBudget > 0; k++) {
        if (this.toks[k]!.type !== 'word') continue;
        this.suggestBudget--;
        suggestion = suggest(this.toks[k]!.text);
      }
      for (let k = i; k < j; k++) this.claimed[k] = 1;
      this.notUnderstood.push({
        kind: 'unknown',
        start,
        end,
        text: this.text.slice(start, end),
        ...(suggestion ? { suggestion } : {}),
      });
      i = j;
    }
  }

  /** Recognised spans in text order (stored by first token, so no sort is needed). */
  private recognised(): RecognisedSpan[] {
    const out: RecognisedSpan[] = [];
    const spans = this.spanAt;
    for (let k = 0; k < spans.length; k++) {
      const span = spans[k];
      if (span !== undefined) out.push(span);
    }
    return out;
  }

  private result(): ParseResult {
    const input: Record<string, unknown> = {};
    for (const f of FIELD_ORDER) {
      const e = this.fields.get(f);
      if (e && !this.conflicted.has(f)) input[f] = e.value;
    }
    if (this.conflicted.has('nodulesCm') || this.conflicted.has('noduleCount')) {
      delete input.nodulesCm;
      delete input.noduleCount;
      delete input.largestNoduleCm;
    }
    return {
      input: input as CaseInputJson,
      recognised: this.recognised(),
      notUnderstood: sortByStart(this.notUnderstood),
      assumptions: this.assumptions,
      errors: this.errors,
      warnings: this.warnings,
    };
  }
}

/** Spans are mostly produced in order; sort only when they are not. */
function sortByStart<T extends { start: number }>(list: T[]): T[] {
  for (let k = 1; k < list.length; k++) {
    if (list[k - 1]!.start > list[k]!.start) return list.sort((a, b) => a.start - b.start);
  }
  return list;
}

function kindFor(c: Concept): SpanKind {
  switch (c) {
    case 'ascites':
      return 'ascites';
    case 'he':
      return 'encephalopathy';
    case 'macro':
    case 'vp':
    case 'vv':
    case 'micro':
    case 'bland':
    case 'vascularInvasion':
      return 'invasion';
    case 'ehs':
    case 'mets':
    case 'organ':
    case 'lnPos':
      return 'spread';
    case 'csph':
      return 'portal-hypertension';
    case 'cholestatic':
      return 'cholestatic';
    case 'dialysis':
      return 'dialysis';
    case 'infiltrative':
      return 'infiltrative';
    default:
      return 'filler';
  }
}

function same(field: StoreKey, a: unknown, b: unknown): boolean {
  if (field === 'bilirubin' || field === 'creatinine' || field === 'albumin') {
    const x = a as { value: number; unit: string };
    const y = b as { value: number; unit: string };
    const toUs = (v: { value: number; unit: string }) =>
      v.unit === 'mg/dL' || v.unit === 'g/dL' ? v.value : v.value / SI_FACTOR[field];
    const p = toUs(x);
    const q = toUs(y);
    return Math.abs(p - q) <= 0.03 * Math.max(p, q);
  }
  if (a === b) return true;
  // Lists (lesion sizes) and {value, unit} records (PIVKA-II): compared field by field.
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, k) => x === b[k]);
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    const kx = Object.keys(x);
    return kx.length === Object.keys(y).length && kx.every((k) => x[k] === y[k]);
  }
  return false;
}

const ALBUMIN_UNITS: readonly string[] = ['g/dL', 'g/L'];
const MG_UMOL_UNITS: readonly string[] = ['mg/dL', 'umol/L'];

/** "1.200", "12.500": one dot followed by exactly three digits, 1-3 digits before it (not "0.123"). */
function isDotGroup(raw: string): boolean {
  const dot = raw.indexOf('.');
  if (dot < 1 || dot > 3 || raw.length !== dot + 4 || raw.charCodeAt(0) === 48) return false;
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (k !== dot && (c < 48 || c > 57)) return false;
  }
  return true;
}

const toCm = (v: number, unit: 'cm' | 'mm'): number => (unit === 'mm' ? tidy(v / 10) : v);
const clip = (s: string): string => (s.length > 60 ? `${s.slice(0, 57)}...` : s);
const cap = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const shortName = (field: DualField): string =>
  field === 'bilirubin' ? 'bili' : field === 'albumin' ? 'alb' : 'Cr';
