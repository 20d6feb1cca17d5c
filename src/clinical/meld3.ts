import type { CaseInput } from './caseInput.js';
import { type Computed, computed, notComputed } from './computed.js';
import { boundedCreatinine, meldLabs } from './meld.js';
import { boundedSodium } from './meldNa.js';
import { note } from './scores.js';
import { albuminGdl, roundHalfUp } from './units.js';

/**
 * MELD 3.0. Kim WR et al., Gastroenterology 2021;161(6):1887-1895.e4 (PMID 34481845); OPTN allocation since July 2023.
 *   MELD 3.0 = 1.33 (female) + 4.56 ln(bili) + 0.82 (137 − Na) − 0.24 (137 − Na) ln(bili) + 9.09 ln(INR)
 *              + 11.14 ln(Cr) + 1.85 (3.5 − alb) − 1.83 (3.5 − alb) ln(Cr) + 6
 * Units: bilirubin and creatinine mg/dL, Na mmol/L, albumin g/dL. Bounds: bilirubin, INR, creatinine floor 1.0;
 * creatinine cap 3.0, and 3.0 with dialysis; Na 125-137; albumin 1.5-3.5 g/dL. No intermediate rounding; the sum is
 * rounded half up. The equation has no maximum: the cap at 40 is OPTN allocation policy, applied here because the
 * score is read in that context.
 * Female term: OPTN applies it to candidates registered at 12-17 whatever their sex, and from 18 to females only.
 * No age is recorded, so the adult rule is applied and the user is told.
 */

export const MELD3_CREATININE_CAP_MG_DL = 3;
export const MELD3_OPTN_CAP = 40;

export const MELD3_SEX_ASSUMPTION =
  'MELD 3.0 sex term by the adult OPTN rule (+1.33 for women only); age is not recorded, and candidates aged 12–17 ' +
  'get +1.33 whatever their sex';

export interface Meld3Inputs {
  female: boolean;
  bilirubinMgDl: number;
  inr: number;
  /** Already bounded to the MELD 3.0 creatinine (1.0-3.0, 3.0 with dialysis). */
  creatinineMgDl: number;
  sodium: number;
  albuminGdl: number;
}

/** The unrounded MELD 3.0 equation (for example 29.50002 for bilirubin 2.0, INR 1.5, creatinine 3.0 on
 * dialysis, sodium 130, albumin 2.5, male: the round-half-up edge of Kim 2021's equation). */
export function meld3Unrounded(x: Meld3Inputs): number {
  const lnBili = Math.log(Math.max(1, x.bilirubinMgDl));
  const lnInr = Math.log(Math.max(1, x.inr));
  const lnCr = Math.log(Math.min(MELD3_CREATININE_CAP_MG_DL, Math.max(1, x.creatinineMgDl)));
  const sodiumDeficit = 137 - boundedSodium(x.sodium);
  const albuminDeficit = 3.5 - Math.min(3.5, Math.max(1.5, x.albuminGdl));
  return (
    (x.female ? 1.33 : 0) +
    4.56 * lnBili +
    0.82 * sodiumDeficit -
    0.24 * sodiumDeficit * lnBili +
    9.09 * lnInr +
    11.14 * lnCr +
    1.85 * albuminDeficit -
    1.83 * albuminDeficit * lnCr +
    6
  );
}

export function meld3(input: CaseInput): Computed<number> {
  const read = meldLabs(input);
  const missing = read.ok ? [] : [...read.missing];
  if (input.sodium === undefined) missing.push('sodium');
  if (!input.albumin) missing.push('albumin');
  if (!input.sex) missing.push('sex');
  if (!read.ok || input.sodium === undefined || !input.albumin || !input.sex) return notComputed(missing);

  const raw = meld3Unrounded({
    female: input.sex === 'female',
    bilirubinMgDl: read.value.bilirubinMgDl,
    inr: read.value.inr,
    creatinineMgDl: boundedCreatinine(read.value, MELD3_CREATININE_CAP_MG_DL),
    sodium: input.sodium,
    albuminGdl: albuminGdl(input.albumin),
  });
  const rounded = roundHalfUp(raw);
  const assumptions = [note('meld3', MELD3_SEX_ASSUMPTION)];
  if (rounded > MELD3_OPTN_CAP) {
    assumptions.push(
      note(
        'meld3',
        `MELD 3.0 capped at ${MELD3_OPTN_CAP} by OPTN allocation policy (the equation gives ${rounded}; it has no maximum)`,
      ),
    );
  }
  return computed(Math.min(MELD3_OPTN_CAP, rounded), { assumptions });
}
