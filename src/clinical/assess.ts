import { albi } from './albi.js';
import type { Assessment, NotEvaluable, RuleVersion } from './assessment.js';
import { bclcStage } from './bclc.js';
import type { CaseInput } from './caseInput.js';
import { childPugh } from './childPugh.js';
import type { Computed } from './computed.js';
import { FIELD_INFO } from './fields.js';
import { hap, mhap2 } from './hap.js';
import { meld } from './meld.js';
import { meld3 } from './meld3.js';
import { meldNa } from './meldNa.js';
import { PLAUSIBLE } from './plausibility.js';
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

/** The scores a warning about each checked value names (the tumour rows share the nodule fields' readers). */
const READ_BY = {
  bilirubin: FIELD_INFO.bilirubin.readBy,
  albumin: FIELD_INFO.albumin.readBy,
  creatinine: FIELD_INFO.creatinine.readBy,
  inr: FIELD_INFO.inr.readBy,
  ptProlongationSeconds: FIELD_INFO.ptProlongationSeconds.readBy,
  sodium: FIELD_INFO.sodium.readBy,
  afp: FIELD_INFO.afp.readBy,
  tumour: FIELD_INFO.nodulesCm.readBy,
} as const;

/** Values inside the accepted range but outside the usual one (plausibility.ts), accepted with a warning. */
export function unusualValueWarnings(
  input: CaseInput,
  burden: TumourBurden | null = tumourBurden(input),
): Note[] {
  const out: Note[] = [];
  const say = (read: keyof typeof READ_BY, message: string) =>
    out.push(note(READ_BY[read], message, read === 'tumour' ? [] : [read]));
  const { bilirubin, albumin, creatinine } = input;
  if (bilirubin) {
    const r = PLAUSIBLE.bilirubin[bilirubin.unit];
    if (bilirubin.value > r.usualMax)
      say('bilirubin', high('bilirubin', bilirubin.value, bilirubin.unit, r.usualMax));
  }
  if (albumin) {
    const r = PLAUSIBLE.albumin[albumin.unit];
    if (albumin.value < r.usualMin) say('albumin', low('albumin', albumin.value, albumin.unit, r.usualMin));
  }
  if (creatinine) {
    const r = PLAUSIBLE.creatinine[creatinine.unit];
    if (creatinine.value > r.usualMax)
      say('creatinine', high('creatinine', creatinine.value, creatinine.unit, r.usualMax));
  }
  const scalar = (
    read: keyof typeof READ_BY,
    name: string,
    value: number | undefined,
    r: { unit: string; usualMax: number },
  ) => {
    if (value !== undefined && value > r.usualMax) say(read, high(name, value, r.unit, r.usualMax));
  };
  scalar('inr', 'INR', input.inr, PLAUSIBLE.inr);
  scalar(
    'ptProlongationSeconds',
    'PT prolongation',
    input.ptProlongationSeconds,
    PLAUSIBLE.ptProlongationSeconds,
  );
  scalar('afp', 'AFP', input.afp, PLAUSIBLE.afp);
  scalar('tumour', 'number of nodules', input.noduleCount, PLAUSIBLE.noduleCount);
  scalar('tumour', 'total tumour diameter', input.totalDiameterCm, PLAUSIBLE.totalDiameterCm);
  const sodium = PLAUSIBLE.sodium;
  if (input.sodium !== undefined) {
    if (input.sodium > sodium.usualMax)
      say('sodium', high('sodium', input.sodium, sodium.unit, sodium.usualMax));
    if (input.sodium < sodium.usualMin)
      say('sodium', low('sodium', input.sodium, sodium.unit, sodium.usualMin));
  }
  scalar('tumour', 'largest nodule', burden?.largestCm, PLAUSIBLE.noduleCm);
  return out;
}
