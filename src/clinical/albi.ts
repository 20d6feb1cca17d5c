import type { AlbiResult } from './assessment.js';
import type { CaseInput } from './caseInput.js';
import { type Computed, computed, notComputed } from './computed.js';
import { albuminGl, bilirubinUmolL } from './units.js';

/**
 * ALBI score and grade. Johnson PJ et al., J Clin Oncol 2015;33(6):550-558 (PMID 25512453):
 *   ALBI = 0.66 × log10(bilirubin µmol/L) − 0.085 × albumin g/L
 * The abstract's −0.085 is used, not the −0.0852 printed by many later papers (it can flip a grade at a cut-off).
 * Grades (Hiraoka 2017, Liver Cancer 6(3):204-215): 1 ≤ −2.60 < 2 ≤ −1.39 < 3.
 * Modified ALBI (Hiraoka 2017): grade 2 split at −2.270, 2a ≤ −2.270 < 2b. Grades are cut on the unrounded score.
 */

export const ALBI_BILIRUBIN_COEFFICIENT = 0.66;
export const ALBI_ALBUMIN_COEFFICIENT = -0.085;

export function albiScore(bilirubinUmolL: number, albuminGl: number): number {
  return ALBI_BILIRUBIN_COEFFICIENT * Math.log10(bilirubinUmolL) + ALBI_ALBUMIN_COEFFICIENT * albuminGl;
}

export function albiGrade(score: number): '1' | '2' | '3' {
  if (score <= -2.6) return '1';
  if (score <= -1.39) return '2';
  return '3';
}

export function mAlbiGrade(score: number): '1' | '2a' | '2b' | '3' {
  const grade = albiGrade(score);
  if (grade !== '2') return grade;
  return score <= -2.27 ? '2a' : '2b';
}

export function albi(input: CaseInput): Computed<AlbiResult> {
  const missing: string[] = [];
  if (!input.bilirubin) missing.push('bilirubin');
  if (!input.albumin) missing.push('albumin');
  if (!input.bilirubin || !input.albumin) return notComputed(missing);
  const score = albiScore(bilirubinUmolL(input.bilirubin), albuminGl(input.albumin));
  return computed({ score, grade: albiGrade(score), mAlbiGrade: mAlbiGrade(score) });
}
