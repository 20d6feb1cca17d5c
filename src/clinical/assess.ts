import { albi } from './albi.js';
import type { Assessment, NotEvaluable, RuleVersion } from './assessment.js';
import { BCLC_2022_RULE, bclcStage } from './bclc.js';
import type { CaseInput } from './caseInput.js';
import { childPugh } from './childPugh.js';
import type { Computed } from './computed.js';
import { hap, mhap2 } from './hap.js';
import { meld } from './meld.js';
import { meld3 } from './meld3.js';
import { meldNa } from './meldNa.js';
import { PLAUSIBLE } from './plausibility.js';
import {
  AFP_MODEL_RULE,
  ALBI_RULE,
  CHILD_PUGH_RULE,
  HAP_RULE,
  MALBI_RULE,
  MELD_3_RULE,
  MELD_NA_RULE,
  MELD_RULE,
  METROTICKET_2_RULE,
  MHAP2_RULE,
  MILAN_RULE,
  SIX_AND_TWELVE_RULE,
  UCSF_RULE,
  UP_TO_SEVEN_RULE,
} from './rules.js';
import { sixAndTwelve } from './sixAndTwelve.js';
import { transplantCriteria } from './transplant.js';
import { BILIRUBIN_CUT_ASSUMPTION, treatmentPlan } from './treatmentOptions.js';

export type { Assessment } from './assessment.js';

/**
 * The one aggregator every door calls: every calculator, BCLC 2022 and its treatment options, with what could not
 * be computed (`notEvaluable`), what was assumed (`assumptions`), what deserves caution (`warnings`) and the version
 * of every rule applied (`rules`). Pure; never imputes a missing value. Each rule says itself what an absent input
 * means to it and reports the assumption where it applies.
 *
 * @param input a CaseInput after `CaseInputSchema`; an absent key is "not stated".
 */
export function assess(input: CaseInput): Assessment {
  const notEvaluable: NotEvaluable[] = [];
  const warnings: string[] = [];
  const assumptions: string[] = [];
  const rules: RuleVersion[] = [];

  /** The value of a calculator, recording its notes, its rule(s) or what it is missing. */
  const take = <T>(score: string, result: Computed<T>, ...applied: RuleVersion[]): T | null => {
    if (!result.ok) {
      notEvaluable.push({ score, missing: result.missing });
      return null;
    }
    assumptions.push(...result.assumptions);
    warnings.push(...result.warnings);
    rules.push(...applied);
    return result.value;
  };

  const albiResult = take('ALBI', albi(input), ALBI_RULE, MALBI_RULE);
  const childPughComputed = childPugh(input);
  const childPughResult = take('Child-Pugh', childPughComputed, CHILD_PUGH_RULE);
  const meldValue = take('MELD', meld(input), MELD_RULE);
  const meldNaValue = take('MELD-Na', meldNa(input), MELD_NA_RULE);
  const meld3Value = take('MELD 3.0', meld3(input), MELD_3_RULE);

  const transplant = transplantCriteria(input);
  notEvaluable.push(...transplant.notEvaluable);
  warnings.push(...transplant.notes);
  assumptions.push(...transplant.assumptions);
  const t = transplant.result;
  if (t.milan !== null) rules.push(MILAN_RULE);
  if (t.ucsf !== null) rules.push(UCSF_RULE);
  if (t.upToSeven !== null) rules.push(UP_TO_SEVEN_RULE);
  if (t.metroticket2 !== null) rules.push(METROTICKET_2_RULE);
  if (t.afpModel !== null) rules.push(AFP_MODEL_RULE);

  const hapResult = take('HAP', hap(input), HAP_RULE);
  const mhap2Result = take('mHAP-II', mhap2(input), MHAP2_RULE);
  const sixAndTwelveResult = take('Six-and-twelve', sixAndTwelve(input), SIX_AND_TWELVE_RULE);

  const bclc = take('BCLC', bclcStage(input, childPughComputed, t), BCLC_2022_RULE);
  let treatment: Assessment['treatment'] = null;
  if (bclc) {
    treatment = treatmentPlan(input, bclc, t);
    if (treatment.notes.includes(BILIRUBIN_CUT_ASSUMPTION)) assumptions.push(BILIRUBIN_CUT_ASSUMPTION);
  }

  warnings.push(...unusualValueWarnings(input));

  return {
    ok: true,
    albi: albiResult,
    childPugh: childPughResult,
    meld: { meld: meldValue, meldNa: meldNaValue, meld3: meld3Value },
    bclc,
    treatment,
    transplant: t,
    hap: hapResult,
    mhap2: mhap2Result,
    sixAndTwelve: sixAndTwelveResult,
    notEvaluable,
    warnings: unique(warnings),
    assumptions: unique(assumptions),
    rules: uniqueBy(rules, (r) => r.id),
  };
}

const high = (name: string, value: number, unit: string, usual: number) =>
  `${name} ${value}${unit ? ` ${unit}` : ''} is unusually high (usual up to ${usual}${unit ? ` ${unit}` : ''}): check the value and unit`;
const low = (name: string, value: number, unit: string, usual: number) =>
  `${name} ${value}${unit ? ` ${unit}` : ''} is unusually low (usual from ${usual}${unit ? ` ${unit}` : ''}): check the value and unit`;

/** Values inside the accepted range but outside the usual one (plausibility.ts), accepted with a warning. */
export function unusualValueWarnings(input: CaseInput): string[] {
  const out: string[] = [];
  const { bilirubin, albumin, creatinine } = input;
  if (bilirubin) {
    const r = PLAUSIBLE.bilirubin[bilirubin.unit];
    if (bilirubin.value > r.usualMax)
      out.push(high('bilirubin', bilirubin.value, bilirubin.unit, r.usualMax));
  }
  if (albumin) {
    const r = PLAUSIBLE.albumin[albumin.unit];
    if (albumin.value < r.usualMin) out.push(low('albumin', albumin.value, albumin.unit, r.usualMin));
  }
  if (creatinine) {
    const r = PLAUSIBLE.creatinine[creatinine.unit];
    if (creatinine.value > r.usualMax)
      out.push(high('creatinine', creatinine.value, creatinine.unit, r.usualMax));
  }
  const scalar = (name: string, value: number | undefined, r: { unit: string; usualMax: number }) => {
    if (value !== undefined && value > r.usualMax) out.push(high(name, value, r.unit, r.usualMax));
  };
  scalar('INR', input.inr, PLAUSIBLE.inr);
  scalar('PT prolongation', input.ptProlongationSeconds, PLAUSIBLE.ptProlongationSeconds);
  scalar('AFP', input.afp, PLAUSIBLE.afp);
  scalar('number of nodules', input.noduleCount, PLAUSIBLE.noduleCount);
  scalar('total tumour diameter', input.totalDiameterCm, PLAUSIBLE.totalDiameterCm);
  const sodium = PLAUSIBLE.sodium;
  if (input.sodium !== undefined) {
    if (input.sodium > sodium.usualMax) out.push(high('sodium', input.sodium, sodium.unit, sodium.usualMax));
    if (input.sodium < sodium.usualMin) out.push(low('sodium', input.sodium, sodium.unit, sodium.usualMin));
  }
  const largest = Math.max(...(input.nodulesCm ?? []), input.largestNoduleCm ?? 0);
  scalar('largest nodule', largest > 0 ? largest : undefined, PLAUSIBLE.noduleCm);
  return out;
}

const unique = (items: string[]): string[] => [...new Set(items)];
const uniqueBy = <T>(items: T[], key: (item: T) => string): T[] => {
  const seen = new Set<string>();
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};
