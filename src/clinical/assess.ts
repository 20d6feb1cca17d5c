import { albi } from './albi.js';
import type { Assessment, NotEvaluable, RuleVersion } from './assessment.js';
import { bclcStage } from './bclc.js';
import type { CaseInput } from './caseInput.js';
import { childPugh } from './childPugh.js';
import type { Computed } from './computed.js';
import {
  type DualUnitField,
  FIELD_INFO,
  labRange,
  type Range,
  type ScalarRangeField,
  scalarRange,
} from './fields.js';
import { hap, mhap2 } from './hap.js';
import { meld } from './meld.js';
import { meld3 } from './meld3.js';
import { meldNa } from './meldNa.js';
import { RULE_OF } from './rules.js';
import { mergeNotes, type Note, note, SCORE_NAMES, type ScoreKey } from './scores.js';
import { sixAndTwelve } from './sixAndTwelve.js';
import { afpModel, metroticket2, milan, ucsf, upToSeven } from './transplant.js';
import { BILIRUBIN_CUT_ASSUMPTION, treatmentPlan } from './treatmentOptions.js';
import { type TumourBurden, tumourBurden } from './tumourBurden.js';

export type { Assessment } from './assessment.js';

/**
 * The one aggregator every door calls: every calculator, BCLC 2022 and its treatment options, with what could not
 * be computed (`notEvaluable`), what was assumed (`assumptions`), what deserves caution (`warnings`) and the version
 * of every rule applied (`rules`). Pure; never imputes a missing value. Each rule says itself what an absent input
 * means to it and reports the assumption where it applies; every note names the score(s) it belongs to.
 *
 * @param input a CaseInput after `CaseInputSchema`; an absent key is "not stated".
 */
export function assess(input: CaseInput): Assessment {
  const notEvaluable: NotEvaluable[] = [];
  const warnings: Note[] = [];
  const assumptions: Note[] = [];
  const rules: RuleVersion[] = [];

  /** The value of a calculator, recording its notes, its rule or what it is missing. */
  const take = <T>(about: ScoreKey, result: Computed<T>): T | null => {
    if (!result.ok) {
      notEvaluable.push({ score: SCORE_NAMES[about], about, missing: result.missing });
      return null;
    }
    for (const a of result.assumptions) assumptions.push(a);
    for (const w of result.warnings) warnings.push(w);
    const rule = RULE_OF[about];
    if (!rules.includes(rule)) rules.push(rule);
    return result.value;
  };

  // Every size-based rule reads the same tumour burden: measured once here.
  const burden = tumourBurden(input);

  const albiResult = take('albi', albi(input));
  if (albiResult) rules.push(RULE_OF.malbi);
  const childPughComputed = childPugh(input);
  const childPughResult = take('childPugh', childPughComputed);
  const meldValue = take('meld', meld(input));
  const meldNaValue = take('meldNa', meldNa(input));
  const meld3Value = take('meld3', meld3(input));

  const transplant = {
    milan: take('milan', milan(input, burden)),
    ucsf: take('ucsf', ucsf(input, burden)),
    upToSeven: take('upToSeven', upToSeven(input, burden)),
    metroticket2: take('metroticket2', metroticket2(input, burden)),
    afpModel: take('afpModel', afpModel(input, burden)),
  };

  const hapResult = take('hap', hap(input, burden));
  const mhap2Result = take('mhap2', mhap2(input, burden));
  const sixAndTwelveResult = take('sixAndTwelve', sixAndTwelve(input, burden));

  const bclc = take('bclc', bclcStage(input, childPughComputed, transplant, burden));
  let treatment: Assessment['treatment'] = null;
  if (bclc) {
    treatment = treatmentPlan(input, bclc, transplant, burden);
    if (treatment.notes.includes(BILIRUBIN_CUT_ASSUMPTION))
      assumptions.push(note('bclc', BILIRUBIN_CUT_ASSUMPTION));
  }

  for (const w of unusualValueWarnings(input, burden)) warnings.push(w);

  return {
    ok: true,
    albi: albiResult,
    childPugh: childPughResult,
    meld: { meld: meldValue, meldNa: meldNaValue, meld3: meld3Value },
    bclc,
    treatment,
    transplant,
    hap: hapResult,
    mhap2: mhap2Result,
    sixAndTwelve: sixAndTwelveResult,
    notEvaluable,
    warnings: mergeNotes(warnings),
    assumptions: mergeNotes(assumptions),
    rules,
  };
}

const high = (name: string, value: number, unit: string, usual: number) =>
  `${name} ${value}${unit ? ` ${unit}` : ''} is unusually high (usual up to ${usual}${unit ? ` ${unit}` : ''}): check the value and unit`;
const low = (name: string, value: number, unit: string, usual: number) =>
  `${name} ${value}${unit ? ` ${unit}` : ''} is unusually low (usual from ${usual}${unit ? ` ${unit}` : ''}): check the value and unit`;

/** The fields whose value is checked against its usual range. */
type Checked = Exclude<ScalarRangeField, 'ecog' | 'nodulesCm'> | DualUnitField;
/** Tumour rows: a count or a size may come from either nodule field, so their warnings name no field. */
const TUMOUR_ROWS: ReadonlySet<Checked> = new Set(['noduleCount', 'totalDiameterCm', 'largestNoduleCm']);

/**
 * Values inside the accepted range but outside the usual one (FIELD_INFO), accepted with a warning. The tumour rows
 * name the scores the nodule fields are read by.
 */
export function unusualValueWarnings(
  input: CaseInput,
  burden: TumourBurden | null = tumourBurden(input),
): Note[] {
  const out: Note[] = [];
  const check = (field: Checked, value: number | undefined, unit: string, r: Range | undefined) => {
    if (value === undefined || !r) return;
    const info = FIELD_INFO[field];
    const tumour = TUMOUR_ROWS.has(field);
    const say = (message: string) =>
      out.push(note(tumour ? FIELD_INFO.nodulesCm.readBy : info.readBy, message, tumour ? [] : [field]));
    if (r.usualMax !== undefined && value > r.usualMax) say(high(info.label, value, unit, r.usualMax));
    if (r.usualMin !== undefined && value < r.usualMin) say(low(info.label, value, unit, r.usualMin));
  };
  for (const field of ['bilirubin', 'albumin', 'creatinine'] as const) {
    const lab = input[field];
    if (lab) check(field, lab.value, lab.unit, labRange(field, lab.unit));
  }
  const scalar = (field: Exclude<Checked, DualUnitField>, value: number | undefined) =>
    check(field, value, (FIELD_INFO[field] as { unit?: string }).unit ?? '', scalarRange(field));
  scalar('inr', input.inr);
  scalar('ptProlongationSeconds', input.ptProlongationSeconds);
  scalar('afp', input.afp);
  scalar('noduleCount', input.noduleCount);
  scalar('totalDiameterCm', input.totalDiameterCm);
  scalar('sodium', input.sodium);
  scalar('largestNoduleCm', burden?.largestCm);
  return out;
}
