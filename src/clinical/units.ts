import type { CaseInput } from './caseInput.js';

/**
 * Unit conversions used by every calculator, from the molar masses: bilirubin mg/dL × 17.1 = µmol/L (MW 584.66 g/mol
 * gives 17.104, which changes no score in a clinically visible way); albumin g/dL × 10 = g/L; creatinine mg/dL × 88.4
 * = µmol/L (MW 113.12 g/mol); AFP 1 IU/mL ≈ 1.21 ng/mL (WHO International Standard 72/225).
 *
 * Converted values are rounded to CONVERSION_DECIMALS decimals. This is far below any laboratory's reporting
 * precision and removes binary floating-point noise, so that 34.2 µmol/L is exactly 2 mg/dL at a Child-Pugh cut-off.
 */
export const BILIRUBIN_MG_DL_TO_UMOL_L = 17.1;
export const ALBUMIN_G_DL_TO_G_L = 10;
export const CREATININE_MG_DL_TO_UMOL_L = 88.4;
export const AFP_IU_ML_TO_NG_ML = 1.21;

const CONVERSION_DECIMALS = 6;

type Bilirubin = NonNullable<CaseInput['bilirubin']>;
type Albumin = NonNullable<CaseInput['albumin']>;
type Creatinine = NonNullable<CaseInput['creatinine']>;

/** 10 ** n for the decimals the core rounds to (the same doubles `10 ** n` gives), looked up on the hot path. */
const POWERS_OF_TEN: readonly number[] = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

/** `value` rounded to `decimals` places (half away from zero); used to strip floating-point noise. */
export function roundTo(value: number, decimals: number): number {
  const factor = POWERS_OF_TEN[decimals] ?? 10 ** decimals;
  return (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
}

/**
 * Round half up to an integer after removing floating-point noise below 1e-9, so that a sum that is 29.5 on paper
 * but 29.499999999999996 in binary still rounds to 30 (the OPTN "round to the nearest integer" reading).
 */
export function roundHalfUp(value: number): number {
  return Math.floor(roundTo(value, 9) + 0.5);
}

export function bilirubinMgDl(b: Bilirubin): number {
  return b.unit === 'mg/dL' ? b.value : roundTo(b.value / BILIRUBIN_MG_DL_TO_UMOL_L, CONVERSION_DECIMALS);
}

export function bilirubinUmolL(b: Bilirubin): number {
  return b.unit === 'umol/L' ? b.value : roundTo(b.value * BILIRUBIN_MG_DL_TO_UMOL_L, CONVERSION_DECIMALS);
}

export function albuminGdl(a: Albumin): number {
  return a.unit === 'g/dL' ? a.value : roundTo(a.value / ALBUMIN_G_DL_TO_G_L, CONVERSION_DECIMALS);
}

export function albuminGl(a: Albumin): number {
  return a.unit === 'g/L' ? a.value : roundTo(a.value * ALBUMIN_G_DL_TO_G_L, CONVERSION_DECIMALS);
}

export function creatinineMgDl(c: Creatinine): number {
  return c.unit === 'mg/dL' ? c.value : roundTo(c.value / CREATININE_MG_DL_TO_UMOL_L, CONVERSION_DECIMALS);
}
