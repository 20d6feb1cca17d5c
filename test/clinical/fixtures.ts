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
