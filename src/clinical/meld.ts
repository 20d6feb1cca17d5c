import type { CaseInput } from './caseInput.js';
import { type Computed, computed, notComputed } from './computed.js';
import { bilirubinMgDl, creatinineMgDl, roundHalfUp, roundTo } from './units.js';

/**
 * MELD as used by OPTN/UNOS before 2016. Kamath PS et al., Hepatology 2001;33(2):464-470 (PMID 11172350), with the
 * OPTN/UNOS bounds and rounding (OPTN Policy 9.1; the MELD(i) form and 0.643 constant as OPTN publishes them):
 *   MELD(i) = 0.957 ln(Cr mg/dL) + 0.378 ln(bilirubin mg/dL) + 1.120 ln(INR) + 0.643
 *   bilirubin, INR and creatinine below 1.0 are set to 1.0; creatinine is capped at 4.0 mg/dL, and set to 4.0 with
 *   dialysis (≥ 2 sessions or ≥ 24 h CVVHD in the prior 7 days);
 *   MELD(i) is rounded to the tenth, then multiplied by 10 (an integer); the score is bounded 6-40.
 */

export const MELD_CREATININE_CAP_MG_DL = 4;
export const MELD_MIN = 6;
export const MELD_MAX = 40;

/** Laboratory values in the units every MELD formula uses, before any floor or cap. */
export interface MeldLabs {
  bilirubinMgDl: number;
  inr: number;
  /** Creatinine in mg/dL, or null when the patient is on dialysis and no creatinine was given. */
  creatinineMgDl: number | null;
  dialysis: boolean;
}

/**
 * The inputs every MELD variant needs, or the missing ones in the CaseInput field names. `dialysis` not stated
 * reads as not on dialysis: the creatinine given is used as measured, and without one the score waits for it.
 */
export function meldLabs(input: CaseInput): Computed<MeldLabs> {
  const missing: string[] = [];
  if (!input.bilirubin) missing.push('bilirubin');
  if (input.inr === undefined) missing.push('inr');
  if (!input.creatinine && !input.dialysis) missing.push('creatinine (or dialysis)');
  if (!input.bilirubin || input.inr === undefined || missing.length > 0) return notComputed(missing);
  return computed({
    bilirubinMgDl: bilirubinMgDl(input.bilirubin),
    inr: input.inr,
    creatinineMgDl: input.creatinine ? creatinineMgDl(input.creatinine) : null,
    dialysis: input.dialysis === true,
  });
}

/** Creatinine as a MELD formula takes it: floor 1.0, the formula's cap, and the cap itself with dialysis. */
export function boundedCreatinine(labs: MeldLabs, cap: number): number {
  if (labs.dialysis || labs.creatinineMgDl === null) return cap;
  return Math.min(cap, Math.max(1, labs.creatinineMgDl));
}

/** MELD(i), the unrounded OPTN equation after floors and caps (for example 1.5336 for bilirubin 2.0, INR 1.5, creatinine 1.2). */
export function meldUnrounded(labs: MeldLabs): number {
  const cr = boundedCreatinine(labs, MELD_CREATININE_CAP_MG_DL);
  const bili = Math.max(1, labs.bilirubinMgDl);
  const inr = Math.max(1, labs.inr);
  return 0.957 * Math.log(cr) + 0.378 * Math.log(bili) + 1.12 * Math.log(inr) + 0.643;
}

/**
 * The integer MELD before the 6-40 bounds: MELD(i) rounded to the tenth, ×10. Done as one integer rounding of
 * 10 × MELD(i) (with floating-point noise removed), which is the same thing without the error of dividing by 10.
 * MELD-Na's "> 11" gate and its adjustment use this value.
 */
export function meldInteger(labs: MeldLabs): number {
  return roundHalfUp(roundTo(meldUnrounded(labs) * 10, 9));
}

/** The OPTN MELD score, bounded 6-40. */
export function meldScore(labs: MeldLabs): number {
  return Math.min(MELD_MAX, Math.max(MELD_MIN, meldInteger(labs)));
}

export function meld(input: CaseInput): Computed<number> {
  const read = meldLabs(input);
  if (!read.ok) return read;
  return computed(meldScore(read.value));
}
