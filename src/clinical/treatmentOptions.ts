import type { BclcResult, TransplantResult, TreatmentOption, TreatmentPlan } from './assessment.js';
import type { CaseInput } from './caseInput.js';
import { EXTENDED_CRITERIA } from './transplant.js';
import { TREATMENT_OPTION_LABELS, type TreatmentOptionId } from './treatmentOptionIds.js';
import { type TumourBurden, tumourBurden } from './tumourBurden.js';
import { bilirubinMgDl } from './units.js';

/**
 * Treatment options per BCLC stage.
 *
 * Source: Reig M et al., BCLC 2022, J Hepatol 2022;76(3):681-693, doi 10.1016/j.jhep.2021.11.018, PMID 34801630
 * (Fig. 1 and text). BCLC 2025 update items (Reig M, Sanduzzi-Zamparelli M et al., "BCLC strategy for prognosis
 * prediction and treatment recommendations: The 2025 update", J Hepatol, doi 10.1016/j.jhep.2025.10.020,
 * PMID 41151697) only where the update's abstract or the Hospital Clínic de Barcelona release of October 2025 states
 * them.
 *
 * `verified`: the 0/A branches, the stage-C systemic list with its footnotes and the stage-D branch are not yet
 * checked against the published BCLC 2022 figure, so they are `verified: false`; the three BCLC-B subgroups and the
 * BCLC 2025 widening of ablative options are `verified: true`; nivolumab + ipilimumab as a BCLC 2025 first-line item
 * is `verified: false` (the 2025 figure's stage-C list is not yet checked).
 *
 * `conditionMet` reads only what the inputs can tell: true, false, or null when they cannot tell (treatment
 * history, transplant candidacy beyond tumour size, "well-defined nodules" and the like are MDT judgements).
 */

/**
 * "Normal bilirubin" for the resection branch. BCLC 2022 gives no number; we take the usual upper reference limit,
 * <= 1.2 mg/dL (= 20.5 umol/L at 17.1 umol/L per mg/dL), and say so.
 */
export const NORMAL_BILIRUBIN_MAX_MG_DL = 1.2;

export const BILIRUBIN_CUT_ASSUMPTION =
  'Normal bilirubin for the resection branch taken as <= 1.2 mg/dL (20.5 umol/L); BCLC 2022 gives no number';

export const RESECTION_CONDITION = 'No clinically significant portal hypertension and normal bilirubin';

/** Three-valued logic for conditions the inputs may not decide. */
const not3 = (a: boolean | null): boolean | null => (a === null ? null : !a);
const and3 = (a: boolean | null, b: boolean | null): boolean | null =>
  a === false || b === false ? false : a === true && b === true ? true : null;
const or3 = (values: (boolean | null)[]): boolean | null =>
  values.some((v) => v === true) ? true : values.every((v) => v === false) ? false : null;

/** Bilirubin within the normal range (<= 1.2 mg/dL), or null when not given. */
export function bilirubinNormal(input: CaseInput): boolean | null {
  return input.bilirubin ? bilirubinMgDl(input.bilirubin) <= NORMAL_BILIRUBIN_MAX_MG_DL : null;
}

/** BCLC 2022 resection branch: `portalHypertension === false` and normal bilirubin. */
export function resectionConditionMet(input: CaseInput): boolean | null {
  const noCsph = input.portalHypertension === undefined ? null : !input.portalHypertension;
  return and3(noCsph, bilirubinNormal(input));
}

const option = (
  id: TreatmentOptionId,
  role: TreatmentOption['role'],
  condition: string | null,
  conditionMet: boolean | null,
  verified: boolean,
  basis: TreatmentOption['basis'] = 'BCLC 2022',
): TreatmentOption => ({
  id,
  label: TREATMENT_OPTION_LABELS[id],
  role,
  condition,
  conditionMet,
  basis,
  verified,
});

const SYSTEMIC_IDS: ReadonlySet<TreatmentOptionId> = new Set([
  'atezolizumab-bevacizumab',
  'durvalumab-tremelimumab',
  'nivolumab-ipilimumab',
  'sorafenib',
  'lenvatinib',
  'durvalumab',
  'regorafenib',
  'cabozantinib',
  'ramucirumab',
]);

export const CHILD_PUGH_B_SYSTEMIC_NOTE =
  'Most systemic-therapy trials required Child-Pugh A; evidence in Child-Pugh B7 is limited (EMERALD-1 allowed ' +
  'B7) and there is little for B8-9';

export const ECOG_2_SYSTEMIC_NOTE =
  'IMbrave150, HIMALAYA and CheckMate 9DW enrolled ECOG 0-1 only; evidence at ECOG 2 is limited';

export const BCLC_2025_IMMUNOTHERAPY_NOTE =
  'The BCLC 2025 update adds new survival-improving immunotherapies for stage C. Nivolumab + ipilimumab is the ' +
  'first-line immunotherapy with a phase 3 overall-survival benefit since 2022 (CheckMate 9DW, HR 0.79, Lancet 2025)';

export const BCLC_2025_ABLATION_NOTE =
  'BCLC 2025 update: for very early stage the choice of local technique is widened to radiofrequency, microwave, ' +
  'EBRT, TARE or TACE';

function stageZeroOrA(
  input: CaseInput,
  bclc: BclcResult,
  transplant: TransplantResult,
  burden: TumourBurden | null,
): TreatmentOption[] {
  const resectable = resectionConditionMet(input);
  const options: TreatmentOption[] = [];
  // BCLC 0 and A, single tumour (BCLC 2022 Fig. 1; not yet checked against the figure): resection if portal pressure and bilirubin are normal; otherwise
  // LT for a transplant candidate, ablation for the others. BCLC 0: ablation is a first option where resection is
  // not suitable.
  if (burden === null || burden.count === 1) {
    options.push(option('resection', 'first-option', RESECTION_CONDITION, resectable, false));
    options.push(
      option(
        'liver-transplant',
        'first-option',
        'Clinically significant portal hypertension or raised bilirubin, and a transplant candidate (tumour within Milan)',
        and3(not3(resectable), transplant.milan),
        false,
      ),
    );
    options.push(
      option(
        'ablation',
        'first-option',
        bclc.stage === '0'
          ? 'Resection not suitable (clinically significant portal hypertension or raised bilirubin)'
          : 'Clinically significant portal hypertension or raised bilirubin, and not a transplant candidate',
        not3(resectable),
        false,
      ),
    );
  } else {
    // 2-3 nodules each <= 3 cm: LT candidate → LT; otherwise ablation (BCLC 2022 Fig. 1; not yet checked).
    options.push(
      option(
        'liver-transplant',
        'first-option',
        '2-3 nodules each <= 3 cm in a transplant candidate (tumour within Milan)',
        transplant.milan,
        false,
      ),
    );
    options.push(
      option('ablation', 'first-option', '2-3 nodules each <= 3 cm, not a transplant candidate', null, false),
    );
  }
  if (bclc.stage === '0') {
    const widened = 'Very early stage (BCLC 2025 update: ablative options widened)';
    for (const id of ['ebrt-sbrt', 'tare', 'tace'] as const)
      options.push(option(id, 'alternative', widened, null, true, 'BCLC 2025 update'));
  }
  return options;
}

function stageB(input: CaseInput, bclc: BclcResult, transplant: TransplantResult): TreatmentOption[] {
  // BCLC 2022 B subgroups (Reig 2022; Ann Surg Oncol 2022 commentary, doi 10.1245/s10434-022-12242-4).
  const subgroup = bclc.subgroup?.id ?? null;
  const role = (mine: typeof subgroup): TreatmentOption['role'] =>
    subgroup === mine ? 'first-option' : 'alternative';
  const extended = or3(EXTENDED_CRITERIA.map((c) => c.within(transplant)));
  const systemicCondition =
    'Diffuse, infiltrative or extensive bilobar involvement: systemic therapy as for stage C';
  const infiltrative = input.infiltrative === true;
  const systemicMet = infiltrative ? true : null;
  return [
    option(
      'liver-transplant',
      role('extended-transplant'),
      'Within extended transplant criteria (size and/or AFP based, per local policy)',
      infiltrative ? false : extended,
      true,
    ),
    option(
      'downstaging-to-transplant',
      'alternative',
      'Beyond transplant criteria: downstaging with TACE can lead to transplantation (local policy)',
      null,
      true,
    ),
    option(
      'tace',
      role('tace'),
      'Well-defined nodules, preserved portal flow and selective access to the feeding arteries',
      infiltrative ? false : null,
      true,
    ),
    option('atezolizumab-bevacizumab', role('systemic'), systemicCondition, systemicMet, false),
    option('durvalumab-tremelimumab', role('systemic'), systemicCondition, systemicMet, false),
  ];
}

function stageC(input: CaseInput): TreatmentOption[] {
  // BCLC 2022 stage C (Reig 2022 Fig. 1; the same list in Gordan JD et al., ASCO guideline update, J Clin Oncol 2024).
  const notPossible = 'If atezolizumab-bevacizumab and durvalumab-tremelimumab are not possible';
  const afterSorafenib = 'Second line after sorafenib';
  const afp400 = input.afp === undefined ? null : input.afp >= 400;
  return [
    // First line: no condition the inputs could check. BCLC 2022 flagged STRIDE as not yet approved at publication.
    option('atezolizumab-bevacizumab', 'first-option', null, null, false),
    option('durvalumab-tremelimumab', 'first-option', null, null, false),
    option('sorafenib', 'alternative', notPossible, null, false),
    option('lenvatinib', 'alternative', notPossible, null, false),
    option('durvalumab', 'alternative', notPossible, null, false),
    option('regorafenib', 'second-line', `${afterSorafenib} (tolerated)`, null, false),
    option('cabozantinib', 'second-line', afterSorafenib, null, false),
    // conditionMet reads the AFP (REACH-2: AFP >= 400 ng/mL); prior sorafenib is not an input.
    option('ramucirumab', 'second-line', 'AFP >= 400 ng/mL (second line after sorafenib)', afp400, false),
    option(
      'clinical-trial',
      'second-line',
      'After immunotherapy-based first line: no trial-based second line in 2022, clinical trials recommended',
      null,
      false,
    ),
    option(
      'nivolumab-ipilimumab',
      'alternative',
      "First line (CheckMate 9DW), among the BCLC 2025 update's new immunotherapies",
      null,
      false,
      'BCLC 2025 update',
    ),
  ];
}

function stageD(bclc: BclcResult, transplant: TransplantResult): TreatmentOption[] {
  const options = [option('best-supportive-care', 'first-option', null, null, false)];
  // BCLC 2022 exception for tumour burden acceptable for transplant (Fig. 1 as reproduced in NCCN HCC v1.2026).
  if (bclc.liverFunction === 'end-stage' && transplant.milan !== false) {
    options.push(
      option(
        'liver-transplant',
        'note',
        'End-stage liver function with a tumour within transplant criteria (Milan): evaluate for transplantation',
        transplant.milan,
        true,
      ),
    );
  }
  return options;
}

/**
 * The BCLC options for the stage, each with its condition and whether the inputs show it met. Notes carry the
 * cautions (Child-Pugh B, ECOG 2, the bilirubin cut used, what the 2025 update adds).
 */
export function treatmentPlan(
  input: CaseInput,
  bclc: BclcResult,
  transplant: TransplantResult,
  burden: TumourBurden | null = tumourBurden(input),
): TreatmentPlan {
  const notes: string[] = [];
  let options: TreatmentOption[];
  switch (bclc.stage) {
    case '0':
    case 'A':
      options = stageZeroOrA(input, bclc, transplant, burden);
      if (options.some((o) => o.id === 'resection')) {
        notes.push(BILIRUBIN_CUT_ASSUMPTION);
        if (input.portalHypertension === undefined)
          notes.push(
            'Clinically significant portal hypertension not stated: whether resection is the first option cannot be told',
          );
      }
      if (bclc.stage === '0') notes.push(BCLC_2025_ABLATION_NOTE);
      break;
    case 'B':
      options = stageB(input, bclc, transplant);
      break;
    case 'C':
      options = stageC(input);
      notes.push(BCLC_2025_IMMUNOTHERAPY_NOTE);
      break;
    case 'D':
      options = stageD(bclc, transplant);
      break;
  }
  const systemic = options.some((o) => SYSTEMIC_IDS.has(o.id));
  if (systemic && bclc.liverFunction === 'impaired') notes.push(CHILD_PUGH_B_SYSTEMIC_NOTE);
  if (systemic && input.ecog === 2) notes.push(ECOG_2_SYSTEMIC_NOTE);
  return { stage: bclc.stage, options, notes };
}
