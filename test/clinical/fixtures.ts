import type { CaseInputJson } from '../../src/clinical/caseInput.js';

/**
 * Invented liver-function fixtures shared by the BCLC, liver-function and treatment tests.
 * A5: every Child-Pugh item scores 1. B8: bilirubin 2, albumin 2, ascites 2. C13: 3+3+3+3+1.
 */
export const A5: CaseInputJson = {
  bilirubin: { value: 0.8, unit: 'mg/dL' },
  albumin: { value: 4, unit: 'g/dL' },
  inr: 1.0,
  ascites: 'none',
  encephalopathy: 'none',
};
export const B8: CaseInputJson = {
  ...A5,
  bilirubin: { value: 2.5, unit: 'mg/dL' },
  albumin: { value: 3, unit: 'g/dL' },
  ascites: 'mild',
};
export const C13: CaseInputJson = {
  bilirubin: { value: 4, unit: 'mg/dL' },
  albumin: { value: 2.5, unit: 'g/dL' },
  inr: 2.5,
  ascites: 'moderate-severe',
  encephalopathy: 'none',
};

/** Invented complete case: every calculator has what it needs (BCLC A, two nodules within Milan). */
export const COMPLETE_CASE: CaseInputJson = {
  bilirubin: { value: 1.1, unit: 'mg/dL' },
  albumin: { value: 3.8, unit: 'g/dL' },
  creatinine: { value: 0.9, unit: 'mg/dL' },
  inr: 1.1,
  sodium: 138,
  afp: 25,
  ascites: 'none',
  encephalopathy: 'none',
  ecog: 0,
  sex: 'female',
  nodulesCm: [2.5, 1.5],
  macrovascularInvasion: false,
  extrahepaticSpread: false,
  portalHypertension: false,
};

/** The message of an assumption or warning, for assertions on wording. */
export const msg = (n: { message: string }): string => n.message;
