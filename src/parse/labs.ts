import { ALBUMIN_UNITS, BILIRUBIN_UNITS } from '../clinical/caseInput.js';
import { AFP_IU_ML_TO_NG_ML } from '../clinical/units.js';
import { LABEL } from './fields.js';
import type { Reader } from './reader.js';
import { readNumber } from './tokenize.js';
import {
  CREATININE_UMOL_LOW_FLAG,
  checkDual,
  type DualField,
  type DualUnit,
  readBare,
  SI_FACTOR,
  tidy,
} from './units.js';
import type { Concept } from './vocabulary.js';

/**
 * Lab values: `name [sep] [<|>] number [unit]` (or the value first, "34 umol/L bilirubin", read from
 * parseCase.ts), the same value repeated in the other unit, bare numbers read by plausibility or the team's
 * units, AFP and PIVKA-II units, and prothrombin time (only its prolongation over control is used).
 */

export type LabField = 'bilirubin' | 'albumin' | 'creatinine' | 'inr' | 'sodium' | 'afp' | 'pivka';
export const LAB_CONCEPTS: ReadonlySet<Concept> = new Set([
  'bilirubin',
  'albumin',
  'creatinine',
  'inr',
  'sodium',
  'afp',
  'pivka',
]);
export interface LabValue {
  value: number;
  cmp?: '<' | '>';
  unit?: Concept;
  end: number;
  thousands: boolean;
  /** The number was written like "1.200": three digits after a single dot. */
  dotGroup?: boolean;
}

// Bilirubin and creatinine share their units; the schema's lists are the one source.
const MG_UMOL_UNITS: readonly string[] = BILIRUBIN_UNITS;

/** A unit written in brackets, "(umol/L)": the unit concept and the index after ")", or undefined. */
function bracketUnit(r: Reader, j: number): { unit: Concept; end: number } | undefined {
  if (r.tok(j)?.text !== '(' || !r.isUnit(j + 1)) return undefined;
  const k = r.after(j + 1);
  return r.tok(k)?.text === ')' ? { unit: r.concept(j + 1)!, end: k + 1 } : undefined;
}

/** Reads `[sep] [(unit)] [<|>] number [unit | (unit)]` from j; returns undefined when no number follows. */
export function readValue(r: Reader, j0: number, thousandsOk: boolean): LabValue | undefined {
  // "Bilirubin (umol/L): 34", "Bili umol/L 34": the unit stated before the number.
  const pre = bracketUnit(r, j0) ?? bracketUnit(r, r.skipSeps(j0, 1));
  let j = r.skipSeps(j0);
  let preUnit: Concept | undefined;
  if (pre) {
    preUnit = pre.unit;
    j = r.skipSeps(pre.end);
  } else if (r.isUnit(j) && r.tok(r.after(j))?.type === 'num') {
    preUnit = r.concept(j);
    j = r.after(j);
  }
  let cmp: '<' | '>' | undefined;
  const c = r.tok(j);
  if (c && (c.text === '<' || c.text === '>' || c.text === '≤' || c.text === '≥')) {
    cmp = c.text === '<' || c.text === '≤' ? '<' : '>';
    j++;
    if (r.tok(j)?.text === '=') j++;
  }
  const t = r.tok(j);
  if (t?.type !== 'num') return undefined;
  const num = readNumber(t.text, thousandsOk);
  if (!num) return undefined;
  let value = num.value;
  let thousands = num.thousands;
  // "AFP 1.200": a dot before exactly three digits may be a European thousands separator.
  const dotGroup = thousandsOk && !thousands && isDotGroup(t.text);
  j++;
  // "AFP 12 000": a space between thousands.
  const next = r.tok(j);
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
  let unit: Concept | undefined = preUnit;
  if (r.isUnit(j)) {
    unit = r.concept(j);
    j = r.after(j);
  } else {
    const post = bracketUnit(r, j);
    if (post) {
      unit = post.unit;
      j = post.end;
    }
  }
  const out: LabValue = { value, end: j, thousands };
  if (dotGroup) out.dotGroup = true;
  if (cmp) out.cmp = cmp;
  if (unit) out.unit = unit;
  return out;
}

/**
 * Words between a lab name and its value in prose: "albumin level of 2.8", "INR, recorded at 1.7", "bilirubin
 * was found to be 2.1", "creatinine rose from 1.1 to 2.3". A comma is skipped only before one of them.
 */
const LEAD_WORDS = new Set([
  'level',
  'levels',
  'value',
  'values',
  'concentration',
  'result',
  'recorded',
  'measured',
  'found',
  'noted',
  'reported',
  'be',
  'came',
  'back',
  'serum',
  'plasma',
  'on',
  'admission',
  'remained',
  'stable',
  'elevated',
  'raised',
  'up',
  'down',
  'of',
  'is',
  'was',
  'were',
  'at',
  'now',
  'today',
  'approx',
  'about',
  'around',
  'currently',
  'measuring',
  'measures',
  'slightly',
  'mildly',
  'moderately',
  'markedly',
  'significantly',
  'very',
  'persistently',
  'still',
  'has',
  'have',
  'had',
  'been',
]);
/** Verbs that make a following "X to Y" a change over time (the later value is current). */
const TREND_WORDS = new Set([
  'from',
  'rose',
  'rising',
  'risen',
  'increased',
  'increasing',
  'fell',
  'falling',
  'fallen',
  'decreased',
  'decreasing',
  'dropped',
  'improved',
  'improving',
  'worsened',
  'worsening',
  'climbed',
  'went',
  'gone',
  'trended',
  'trending',
  'changed',
]);
/** Before a value: it is an earlier one ("previously 3.4, now 2.9"). */
const EARLIER_WORDS = new Set([
  'previously',
  'prev',
  'prior',
  'before',
  'earlier',
  'was',
  'last',
  'initially',
]);
/** Before a value: it is the current one ("…, now 2.9"). */
const NOW_WORDS = new Set(['now', 'currently', 'today', 'latest', 'recently', 'subsequently', 'current']);

/** Skips the prose between a lab name and its value; `trend` is set when a trend verb or "from" was passed. */
export function labLead(
  r: Reader,
  j0: number,
  self?: Concept,
): { j: number; trend: boolean; earlier: boolean } {
  let j = j0;
  let trend = false;
  let earlier = false;
  for (let guard = 0; guard < 7; guard++) {
    const t = r.tok(j);
    if (!t) break;
    const l = t.lower;
    if (t.type === 'word' && (LEAD_WORDS.has(l) || TREND_WORDS.has(l) || EARLIER_WORDS.has(l))) {
      if (TREND_WORDS.has(l)) trend = true;
      if (EARLIER_WORDS.has(l) && l !== 'was') earlier = true;
      j++;
      // "to" belongs to a trend ("rose to 3.1") or to "found to be".
      // "elevated to 2.0", "raised to 1.9": one value, however it got there.
      if (r.lower(j) === 'to' && (trend || l === 'found' || l === 'elevated' || l === 'raised')) j++;
      continue;
    }
    const n = r.tok(j + 1);
    if (t.text === ',' && n?.type === 'word' && (LEAD_WORDS.has(n.lower) || TREND_WORDS.has(n.lower))) {
      j++;
      continue;
    }
    if (t.type === 'punct' && (t.text === ':' || t.text === '=' || t.text === '~' || t.text === '|')) {
      j++;
      continue;
    }
    // "international normalized ratio (INR) = 2.2": the abbreviation in brackets after the name.
    if (
      t.text === '(' &&
      r.tok(j + 1)?.type === 'word' &&
      self !== undefined &&
      r.concept(j + 1) === self &&
      r.tok(r.after(j + 1))?.text === ')'
    ) {
      j = r.after(j + 1) + 1;
      continue;
    }
    break;
  }
  return { j, trend, earlier };
}

/**
 * After a value ending at `e`: the next value of the same series when the text makes the order plain ("to 2.3"
 * after "from"/"rose", "→ 2.3", "-> 2.3", ", now 2.3"), or undefined.
 */
function laterValue(r: Reader, e: number, trend: boolean, thousandsOk: boolean): LabValue | undefined {
  let k = e;
  const t = r.tok(k);
  if (!t) return undefined;
  if (t.text === '→' || t.text === '⇒') k++;
  else if ((t.text === '-' || t.text === '=') && r.tok(k + 1)?.text === '>' && !r.toks[k + 1]!.spaceBefore)
    k += 2;
  else if (t.lower === 'to' && trend) k++;
  else {
    if (t.text === ',' || t.text === ';' || t.lower === 'and') k++;
    const l = r.lower(k);
    if (l === undefined || !NOW_WORDS.has(l)) return undefined;
    k++;
  }
  const v = readValue(r, labLead(r, k).j, thousandsOk);
  return v && !v.cmp ? v : undefined;
}

/** "(was 3.4)", "(previously 3.4 g/dL)": an earlier value in brackets after the current one, or undefined. */
function earlierInBrackets(r: Reader, e: number, thousandsOk: boolean): LabValue | undefined {
  if (r.tok(e)?.text !== '(') return undefined;
  const l = r.lower(e + 1);
  if (l === undefined || !(EARLIER_WORDS.has(l) || l === 'from')) return undefined;
  const v = readValue(r, e + 2, thousandsOk);
  if (!v || r.tok(v.end)?.text !== ')') return undefined;
  return { ...v, end: v.end + 1 };
}

/** Before a lab name: the value is an earlier one ("baseline creatinine of 1.5", "previous albumin 38"). */
const EARLIER_BEFORE = new Set([
  'baseline',
  'previous',
  'prior',
  'usual',
  'old',
  'historical',
  'pre-admission',
]);

export function lab(r: Reader, i: number, field: LabField): number {
  const thousandsOk = field === 'afp' || field === 'pivka';
  const lead = labLead(r, r.after(i), r.concept(i));
  const v = readValue(r, lead.j, thousandsOk);
  if (!v) return i; // left for the leftovers pass (a name without a value is not understood)
  // "albumin (20%, 100 mL)", "AFP-L3 15%": a percentage is a solution strength or a fraction, never the level.
  if (!v.unit && r.tok(v.end)?.text === '%') return i;
  let end = v.end;
  // "baseline serum creatinine of 1.5 mg/dL": an earlier value, listed and not used as the current one.
  let b = i - 1;
  if (r.lower(b) === 'serum' && !r.claimed[b]) b--;
  if (b >= 0 && !r.claimed[b] && EARLIER_BEFORE.has(r.lower(b) ?? '')) return r.note('earlier-value', b, end);
  // "bili 1.2 mg/dL (20 umol/L)": the same value in the other unit, checked for agreement.
  const alt = v.unit && r.tok(end)?.text === '(' ? readValue(r, end + 1, false) : undefined;
  if (alt?.unit && r.tok(alt.end)?.text === ')') {
    r.claim(i, alt.end + 1, field);
    applyLab(r, field, v, i, v.end);
    applyLab(r, field, alt, end, alt.end + 1);
    return alt.end + 1;
  }
  // A series in a plain order: the latest value is current ("from 1.1 to 2.3", "3.4 → 2.9", "was 3.4, now 2.9").
  const series: LabValue[] = [v];
  for (let guard = 0; guard < 6; guard++) {
    const later = laterValue(r, series[series.length - 1]!.end, lead.trend || lead.earlier, thousandsOk);
    if (!later) break;
    series.push(later);
  }
  const earlier = series.length === 1 ? earlierInBrackets(r, v.end, thousandsOk) : undefined;
  if (series.length > 1 || earlier) {
    const last = series[series.length - 1]!;
    end = earlier ? earlier.end : last.end;
    // A unit written once applies to the whole series ("from 1.1 to 2.3 mg/dL").
    const unit = last.unit ?? series.find((s) => s.unit)?.unit ?? earlier?.unit;
    const current: LabValue = unit ? { ...last, unit } : last;
    r.claim(i, end, field);
    const unitText = unit ? ` ${unit.slice(2)}` : '';
    r.assume(
      field,
      `"${r.frag(i, end)}": the ${earlier ? 'value given as current' : 'latest value'} (${current.value}${unitText}) was used for ${LABEL[field]}.`,
    );
    applyLab(r, field, current, i, end);
    return end;
  }
  end = r.claim(i, end, field);
  applyLab(r, field, v, i, end);
  return end;
}

export function applyLab(r: Reader, field: LabField, v: LabValue, from: number, to: number): void {
  if (v.dotGroup && field === 'afp') {
    const whole = Math.round(v.value * 1000);
    r.error(
      'ambiguous-number',
      field,
      `"${r.frag(from, to)}" could be ${whole} or ${v.value} (a dot before three digits is a thousands separator in some countries); write ${whole} or ${v.value}.`,
      from,
      to,
    );
    return;
  }
  if (v.cmp === '>') {
    r.error(
      'not-understood',
      field,
      `"${r.frag(from, to)}" is a lower limit, not a value; give the measured ${LABEL[field]}.`,
      from,
      to,
    );
    return;
  }
  if (v.cmp === '<')
    r.assume(
      field,
      `"${r.frag(from, to)}" read as ${LABEL[field]} ${v.value} (the limit given; the true value is lower).`,
    );
  if (v.thousands)
    r.assume(field, `"${r.frag(from, to)}" read as ${v.value} (comma or space as a thousands separator).`);
  const unit = v.unit?.slice(2);
  switch (field) {
    case 'bilirubin':
    case 'albumin':
    case 'creatinine':
      applyDual(r, field, v.value, unit, from, to);
      return;
    case 'inr': {
      if (unit !== undefined) {
        r.error(
          'unknown-unit',
          'inr',
          `INR has no unit; "${r.frag(from, to)}" cannot be read. Write e.g. "INR 1.3".`,
          from,
          to,
        );
        return;
      }
      if (r.scalar('inr', 'inr', v.value, from, to)) r.set('inr', v.value, from, to);
      return;
    }
    case 'sodium': {
      if (unit !== undefined && unit !== 'mmol/L') {
        r.error(
          'unknown-unit',
          'sodium',
          `Sodium is read in mmol/L (= mEq/L), not ${unit} ("${r.frag(from, to)}").`,
          from,
          to,
        );
        return;
      }
      if (r.scalar('sodium', 'sodium', v.value, from, to)) r.set('sodium', v.value, from, to);
      return;
    }
    case 'afp': {
      let value = v.value;
      if (unit === 'IU/mL') {
        value = tidy(v.value * AFP_IU_ML_TO_NG_ML);
        r.assume(
          'afp',
          `AFP ${v.value} IU/mL converted to ${value} ng/mL (1 IU/mL = ${AFP_IU_ML_TO_NG_ML} ng/mL, WHO 72/225).`,
        );
      } else if (unit === undefined) {
        r.assume('afp', `AFP ${v.value} read as ng/mL (no unit given).`);
      } else if (unit !== 'ng/mL') {
        r.error(
          'unknown-unit',
          'afp',
          `AFP is read in ng/mL (= ug/L) or IU/mL, not ${unit} ("${r.frag(from, to)}").`,
          from,
          to,
        );
        return;
      }
      if (value <= 0) {
        r.error('implausible', 'afp', `AFP must be greater than 0 ng/mL ("${r.frag(from, to)}").`, from, to);
        return;
      }
      if (r.scalar('afp', 'afp', value, from, to)) r.set('afp', value, from, to);
      return;
    }
    case 'pivka': {
      if (unit === 'mAU/mL' || unit === 'ng/mL') {
        if (v.value <= 0) {
          r.error(
            'implausible',
            'pivka',
            `PIVKA-II must be greater than 0 ("${r.frag(from, to)}").`,
            from,
            to,
          );
          return;
        }
        r.set('pivka', { value: v.value, unit }, from, to);
      } else if (unit === undefined) {
        r.warn(
          'ambiguous-unit',
          'pivka',
          `PIVKA-II "${r.frag(from, to)}" has no unit and was not kept: assays report mAU/mL or ng/mL and these do not convert. Write e.g. "PIVKA-II 350 mAU/mL".`,
          from,
          to,
        );
      } else {
        r.error(
          'unknown-unit',
          'pivka',
          `PIVKA-II is kept in mAU/mL or ng/mL, not ${unit} ("${r.frag(from, to)}").`,
          from,
          to,
        );
      }
      return;
    }
  }
}

function applyDual(
  r: Reader,
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
      r.error(
        'unknown-unit',
        field,
        `${cap(LABEL[field]!)} is read in ${allowed.join(' or ')}, not ${unit} ("${r.frag(from, to)}").`,
        from,
        to,
      );
      return;
    }
    u = unit as DualUnit;
  } else {
    const reading = readBare(field, value, r.units);
    if (reading.kind === 'ambiguous') {
      const [a, b] = allowed;
      r.error(
        'ambiguous-unit',
        field,
        `"${r.frag(from, to)}" could be ${a} or ${b} (a bare ${LABEL[field]} from ${reading.window.min} to ${reading.window.max} is plausible in both). Please add the unit, e.g. "${shortName(field)} ${value} ${b}" or "${shortName(field)} ${value} ${a}", or set the team's units: \`--units si\` (or \`us\`) on the command line, or \`HCC_MDT_UNITS=si\` (or \`us\`) for the Slack app.`,
        from,
        to,
      );
      return;
    }
    if (reading.kind === 'implausible') {
      const r1 = checkDual(field, allowed[0] as DualUnit, value);
      const r2 = checkDual(field, allowed[1] as DualUnit, value);
      const ranges = [r1, r2].map((r) => (r.status === 'ok' ? '' : r.range)).join(' or ');
      r.error(
        'implausible',
        field,
        `"${r.frag(from, to)}" is outside the accepted range in either unit (${ranges}).`,
        from,
        to,
      );
      return;
    }
    u = reading.unit;
    if (field === 'creatinine' && u === 'umol/L' && value < CREATININE_UMOL_LOW_FLAG)
      r.warn(
        'unusual',
        field,
        `"${r.frag(from, to)}" read as ${value} umol/L (team SI units) is unusually low (about ${tidy(value / SI_FACTOR.creatinine)} mg/dL); if it is mg/dL, write the unit.`,
        from,
        to,
      );
    r.assume(
      field,
      reading.why === 'team-units'
        ? `${cap(LABEL[field]!)} ${value} read as ${u} (no unit given; plausible both ways, so the team's ${r.units === 'si' ? 'SI' : 'US'} units were used).`
        : `${cap(LABEL[field]!)} ${value} read as ${u} (no unit given; only plausible in ${u}).`,
    );
  }
  const check = checkDual(field, u, value);
  if (check.status === 'implausible') {
    r.error(
      'implausible',
      field,
      `"${r.frag(from, to)}" is outside the accepted range for ${LABEL[field]} (${check.range}).`,
      from,
      to,
    );
    return;
  }
  if (check.status === 'unusual')
    r.warn(
      'unusual',
      field,
      `"${r.frag(from, to)}" is unusual (usual ${check.range}); please check it.`,
      from,
      to,
    );
  r.set(field, { value, unit: u }, from, to);
}

export function pt(r: Reader, i: number): number {
  let j = r.after(i);
  const seconds = (k: number): number => (r.concept(k) === 'u:s' ? r.after(k) : k);
  // PT +3s
  if (r.tok(j)?.text === '+' && r.tok(j + 1)?.type === 'num') {
    const num = readNumber(r.toks[j + 1]!.text, false);
    if (num) {
      let end = seconds(j + 2);
      if (r.concept(end) === 'prolonged') end = r.after(end);
      return ptProlongation(r, i, end, num.value);
    }
  }
  // PT prolonged (by) 5 s
  if (r.concept(j) === 'prolonged') {
    j = r.after(j);
    const k = r.skipSeps(j);
    if (r.tok(k)?.text === '+') j = k + 1;
    else j = k;
    const t = r.tok(j);
    const num = t?.type === 'num' ? readNumber(t.text, false) : undefined;
    if (num) return ptProlongation(r, i, seconds(j + 1), num.value);
    r.warn(
      'not-understood',
      'ptProlongationSeconds',
      'PT is prolonged but by how much was not given; write e.g. "PT prolonged 5 s" or give the INR.',
      i,
      j,
    );
    return r.claim(i, j, 'pt');
  }
  // PT 14 s [prolonged]
  const k = r.skipSeps(j);
  const t = r.tok(k);
  const num = t?.type === 'num' ? readNumber(t.text, false) : undefined;
  if (num) {
    const end = seconds(k + 1);
    if (r.concept(end) === 'prolonged') return ptProlongation(r, i, r.after(end), num.value);
    r.warn(
      'not-understood',
      'ptProlongationSeconds',
      `"${r.frag(i, end)}" looks like an absolute prothrombin time; Child-Pugh needs the prolongation over control (e.g. "PT +3s") or the INR, so it was not used.`,
      i,
      end,
    );
    return r.claim(i, end, 'pt');
  }
  return i;
}

function ptProlongation(r: Reader, from: number, to: number, value: number): number {
  const end = r.claim(from, to, 'pt');
  if (r.scalar('ptProlongationSeconds', 'ptProlongationSeconds', value, from, to))
    r.set('ptProlongationSeconds', value, from, to);
  return end;
}

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

const cap = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);
const shortName = (field: DualField): string =>
  field === 'bilirubin' ? 'bili' : field === 'albumin' ? 'alb' : 'Cr';
