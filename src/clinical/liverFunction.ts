import type { ChildPughClass, ChildPughResult, LiverFunction } from './assessment.js';
import type { CaseInput } from './caseInput.js';

/**
 * The BCLC liver-function gate.
 *
 * Source: Reig M et al., BCLC 2022, J Hepatol 2022;76(3):681-693 (doi 10.1016/j.jhep.2021.11.018), Fig. 1:
 * stages 0-C require *preserved* liver function, stage D is *end-stage* liver function. BCLC 2022 gives no numeric
 * definition of "preserved" and says that clinical decompensation (ascites, encephalopathy,
 * jaundice) means non-preserved function irrespective of Child-Pugh or MELD.
 *
 * Choice: the gate is the Child-Pugh class — A preserved, B impaired, C end-stage. With this product's
 * inputs, ascites or encephalopathy other than "none" already add Child-Pugh points, so most decompensated
 * patients are B or C. A Child-Pugh A patient can still carry mild ascites or grade 1-2 encephalopathy (e.g. 2
 * points for ascites and 1 for everything else = A6): BCLC would not call that preserved, so the class is kept and
 * a warning says so. Jaundice is not flagged separately: "jaundice" is a clinical finding, not a bilirubin cut-off,
 * and bilirubin is already scored by Child-Pugh.
 */

export const LIVER_FUNCTION_BY_CHILD_PUGH: Readonly<Record<ChildPughClass, LiverFunction>> = {
  A: 'preserved',
  B: 'impaired',
  C: 'end-stage',
};

export function liverFunctionFromChildPugh(childPughClass: ChildPughClass): LiverFunction {
  return LIVER_FUNCTION_BY_CHILD_PUGH[childPughClass];
}

export interface LiverFunctionAssessment {
  liverFunction: LiverFunction;
  /** Cautions the user must see: decompensation despite Child-Pugh A, impaired function. */
  warnings: string[];
}

export const DECOMPENSATION_WARNING =
  'Child-Pugh A but with ascites or encephalopathy: BCLC 2022 counts clinical decompensation as non-preserved ' +
  'liver function whatever the score; the stage below uses the Child-Pugh class, the MDT should weigh this';

export const IMPAIRED_FUNCTION_WARNING =
  "Child-Pugh B (impaired liver function): BCLC's first-option treatments assume preserved liver function; " +
  'the stage is shown for orientation';

/** Liver function for BCLC from the Child-Pugh result, with the decompensation caveat. */
export function liverFunction(input: CaseInput, childPugh: ChildPughResult): LiverFunctionAssessment {
  const value = liverFunctionFromChildPugh(childPugh.class);
  const warnings: string[] = [];
  if (value === 'preserved' && isDecompensated(input)) warnings.push(DECOMPENSATION_WARNING);
  if (value === 'impaired') warnings.push(IMPAIRED_FUNCTION_WARNING);
  return { liverFunction: value, warnings };
}

/** Ascites or encephalopathy stated as present (BCLC 2022's decompensation signs that this product reads). */
export function isDecompensated(input: CaseInput): boolean {
  return (
    (input.ascites !== undefined && input.ascites !== 'none') ||
    (input.encephalopathy !== undefined && input.encephalopathy !== 'none')
  );
}
