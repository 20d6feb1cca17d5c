import type {
  BclcBSubgroup,
  BclcResult,
  BclcStage,
  ChildPughResult,
  LiverFunction,
  TransplantResult,
} from './assessment.js';
import type { CaseInput } from './caseInput.js';
import { type Computed, computed, notComputed } from './computed.js';
import { IMPAIRED_FUNCTION_WARNING, liverFunction } from './liverFunction.js';
import { invasionSpreadAssumption } from './notStated.js';
import { type Note, note } from './scores.js';
import { EXTENDED_CRITERIA, UCSF_DIAMETERS_MISSING } from './transplant.js';
import { TUMOUR_MISSING, type TumourBurden, tumourBurden } from './tumourBurden.js';

/**
 * BCLC 2022 staging. Source: Reig M et al. "BCLC strategy for prognosis prediction and treatment recommendation:
 * The 2022 update." J Hepatol 2022;76(3):681-693, doi 10.1016/j.jhep.2021.11.018, PMID 34801630, PMC8866082.
 * Stage table of Fig. 1 (as reproduced in the NCCN Guidelines, Hepatocellular Carcinoma, v1.2026):
 *
 *   D  ECOG 3-4, or end-stage liver function (Child-Pugh C here; see liverFunction.ts)
 *   C  macrovascular (portal) invasion and/or extrahepatic spread, or ECOG 1-2 that is cancer-related
 *   0  single nodule <= 2 cm, preserved liver function, ECOG 0          ("<= 2 cm" as BCLC prints it)
 *   A  single nodule of any size, or 2-3 nodules each <= 3 cm, ECOG 0
 *   B  multinodular beyond A
 *
 * Choices (listed with the other rules under "BCLC 2022 staging and treatment options"):
 * - ECOG 1-2 marked not cancer-related is staged as ECOG 0, with a visible note (BCLC upstages on cancer-related
 *   performance status only).
 * - Child-Pugh B keeps the tumour-based stage and warns that BCLC's first options assume preserved function.
 * - A single nodule <= 2 cm with impaired (Child-Pugh B) function is A, not 0.
 * - Partial inputs: ECOG 3-4 or Child-Pugh C gives D whatever else is missing; with Child-Pugh A/B and ECOG known,
 *   invasion, spread or cancer-related ECOG 1-2 gives C without tumour size. ECOG is never assumed.
 * - End-stage liver function with a tumour within Milan: BCLC 2022 excepts "tumour burden acceptable for
 *   transplant" from the liver-function requirement (Fig. 1, NCCN reproduction), so a note asks for transplant evaluation. The note
 *   is tied to end-stage liver function, not to ECOG 3-4, because that is what the exception is about.
 */

export const NOT_CANCER_RELATED_NOTE = (ecog: number): string =>
  `ECOG ${ecog} recorded as not cancer-related (e.g. comorbidity): staged as ECOG 0, because BCLC upstages ` +
  'on cancer-related performance status only';

export const IMPAIRED_STAGE_NOTE =
  "Impaired liver function (Child-Pugh B): the tumour-based stage is shown, but BCLC's first options assume " +
  'preserved liver function';

/** ECOG 3-4 alongside the transplant exception: performance status from the tumour rules transplant out. */
export const TRANSPLANT_POOR_PS_CAVEAT =
  'ECOG 3-4: transplantation is only conceivable when the poor performance status reflects the liver disease, ' +
  'not the tumour; the MDT decides';

export const TRANSPLANT_EVALUATION_NOTE =
  'Tumour within the Milan criteria: evaluate for liver transplantation. BCLC 2022 excepts a tumour burden ' +
  'acceptable for transplant from the liver-function requirement, so end-stage liver function alone does not ' +
  'mean best supportive care';

export const TRANSPLANT_UNKNOWN_NOTE =
  'Milan criteria could not be evaluated from the inputs: if the tumour is within transplant criteria, evaluate ' +
  'for liver transplantation (BCLC 2022 exception for tumour burden acceptable for transplant)';

const LIVER_WORDS: Record<LiverFunction, string> = {
  preserved: 'preserved liver function',
  impaired: 'impaired liver function',
  'end-stage': 'end-stage liver function',
};

const describeTumour = (b: TumourBurden): string =>
  b.count === 1 ? `single nodule ${b.largestCm} cm` : `${b.count} nodules, largest ${b.largestCm} cm`;

/** The tumour-based stage for a patient with ECOG 0 (or ECOG 1-2 not cancer-related) and no invasion or spread. */
export function tumourStage(burden: TumourBurden, liver: LiverFunction): Exclude<BclcStage, 'C' | 'D'> {
  if (burden.count === 1) return burden.largestCm <= 2 && liver === 'preserved' ? '0' : 'A';
  if (burden.count <= 3 && burden.largestCm <= 3) return 'A';
  return 'B';
}

/**
 * ECOG 1-2 with `ecogCancerRelated` not stated: read as cancer-related (BCLC's default reading of performance
 * status in a patient with HCC), and said so, because a comorbidity would keep the tumour-based stage.
 */
export const ECOG_CANCER_RELATED_ASSUMED = (ecog: number): string =>
  `ECOG ${ecog} taken as cancer-related (not stated); if it reflects comorbidity, BCLC would not upstage to C`;

/** Stage B with `infiltrative` not stated: read as not infiltrative (it would move the subgroup to systemic therapy). */
export const INFILTRATIVE_ASSUMED = 'infiltrative pattern taken as absent (not stated)';

export function bclcStage(
  input: CaseInput,
  childPughResult: Computed<ChildPughResult>,
  transplant: TransplantResult,
  burden: TumourBurden | null = tumourBurden(input),
): Computed<BclcResult> {
  const childPugh = childPughResult.ok ? childPughResult.value : null;
  const liver = childPugh ? liverFunction(input, childPugh) : null;
  const bclcNotes = (messages: readonly string[]): Note[] => messages.map((m) => note('bclc', m));
  const warnings = bclcNotes(liver ? liver.warnings : []);
  const notes: string[] = [];
  const { ecog } = input;
  const cpText = childPugh ? `Child-Pugh ${childPugh.class}${childPugh.points}` : '';

  // Stage D: decided by ECOG 3-4 or Child-Pugh C alone, whatever else is missing.
  const ecogD = ecog !== undefined && ecog >= 3;
  const endStage = liver?.liverFunction === 'end-stage';
  if (ecogD || endStage) {
    const reasons: string[] = [];
    if (ecogD) reasons.push(`ECOG ${ecog} (performance status 3-4)`);
    if (endStage) reasons.push(`${cpText} (end-stage liver function)`);
    if (endStage && transplant.milan !== false) {
      notes.push(transplant.milan === true ? TRANSPLANT_EVALUATION_NOTE : TRANSPLANT_UNKNOWN_NOTE);
      if (ecogD) notes.push(TRANSPLANT_POOR_PS_CAVEAT);
    }
    // Stage D reads neither invasion, spread nor the ECOG attribution, so it assumes nothing about them.
    return computed(
      {
        stage: 'D',
        liverFunction: liver?.liverFunction ?? null,
        basis: `Stage D: ${reasons.join(' and ')}.`,
        subgroup: null,
        notes,
      },
      // The impaired-function caveat is about the first options of stages 0-C, not about D.
      { warnings: warnings.filter((w) => w.message !== IMPAIRED_FUNCTION_WARNING) },
    );
  }

  const invasion = input.macrovascularInvasion === true;
  const spread = input.extrahepaticSpread === true;
  // Absent attribution reads as cancer-related; only a stated `false` keeps the tumour-based stage.
  const cancerEcog = ecog !== undefined && ecog >= 1 && input.ecogCancerRelated !== false;

  const missing: string[] = [];
  if (ecog === undefined) missing.push('ecog');
  if (!childPughResult.ok) missing.push(...childPughResult.missing);
  if (!(invasion || spread || cancerEcog) && !burden) missing.push(TUMOUR_MISSING);
  if (missing.length > 0 || !liver || ecog === undefined) return notComputed(missing);

  const lf = liver.liverFunction;
  if (ecog >= 1 && input.ecogCancerRelated === false) notes.push(NOT_CANCER_RELATED_NOTE(ecog));
  // What this stage took as given. Invasion or spread stated present decides C alone, and then neither the other
  // flag nor the ECOG attribution can change the stage.
  const assumed: Note[] = [];
  const ecogAssumed = cancerEcog && input.ecogCancerRelated === undefined && !(invasion || spread);
  if (ecogAssumed) assumed.push(note('bclc', ECOG_CANCER_RELATED_ASSUMED(ecog), ['ecogCancerRelated']));
  const flags = invasionSpreadAssumption(input);
  // Stage C from a stated cancer-related ECOG does not depend on invasion or spread.
  const flagsRead = !(cancerEcog && input.ecogCancerRelated === true);
  if (flags && flagsRead) assumed.push(note('bclc', flags.message, flags.fields));
  if (lf === 'impaired') notes.push(IMPAIRED_STAGE_NOTE);
  const liverText = `${cpText} (${LIVER_WORDS[lf]})`;

  // Stage C: invasion, spread or cancer-related ECOG 1-2 — tumour size not needed.
  if (invasion || spread || cancerEcog) {
    const reasons: string[] = [];
    if (invasion) reasons.push('macrovascular invasion');
    if (spread) reasons.push('extrahepatic spread');
    if (cancerEcog) reasons.push(`ECOG ${ecog}, cancer-related`);
    return computed(
      {
        stage: 'C',
        liverFunction: lf,
        basis: `Stage C: ${reasons.join(', ')}; ${liverText}.`,
        subgroup: null,
        notes,
      },
      { assumptions: assumed, warnings },
    );
  }

  // Tumour-based stage (ECOG 0, or 1-2 not cancer-related). `burden` is non-null here (checked above).
  const b = burden as TumourBurden;
  const stage = tumourStage(b, lf);
  const ecogText = ecog === 0 ? 'ECOG 0' : `ECOG ${ecog} not cancer-related (staged as ECOG 0)`;
  const smallButImpaired =
    stage === 'A' && b.count === 1 && b.largestCm <= 2 && lf === 'impaired'
      ? ' (a single nodule <= 2 cm is stage 0 only with preserved liver function)'
      : '';
  if (stage === 'B' && input.infiltrative === undefined)
    assumed.push(note('bclc', INFILTRATIVE_ASSUMED, ['infiltrative']));
  return computed(
    {
      stage,
      liverFunction: lf,
      basis: `Stage ${stage}: ${describeTumour(b)}, no macrovascular invasion or extrahepatic spread, ${ecogText}, ${liverText}${smallButImpaired}.`,
      subgroup: stage === 'B' ? bclcBSubgroup(input, transplant) : null,
      notes,
    },
    { assumptions: assumed, warnings },
  );
}

export const CONFIRM_TACE_FEATURES =
  'MDT to confirm well-defined nodules, preserved portal flow and selective access to the feeding arteries';
export const INFILTRATIVE_NOT_STATED = 'infiltrative pattern not stated';

/**
 * The BCLC-B subgroup (BCLC 2022, three subgroups; as summarised in the Ann Surg Oncol 2022 commentary on the update,
 * doi 10.1245/s10434-022-12242-4): (1) within extended transplant criteria → LT; (2) well-defined nodules, preserved portal flow,
 * selective arterial access → TACE; (3) diffuse, infiltrative, extensive bilobar → systemic therapy.
 *
 * Choice: a stated infiltrative pattern is checked first. Size-based transplant criteria measure discrete nodules
 * and do not describe an infiltrative tumour, so "infiltrative and within UCSF" is read as subgroup 3.
 * Which extended criterion applies is a local rule (BCLC 2022 leaves it to local policy): any of UCSF, up-to-seven, AFP model low risk or
 * Metroticket 2.0 counts, and the reason says which were met.
 */
export function bclcBSubgroup(input: CaseInput, transplant: TransplantResult): BclcBSubgroup {
  const infiltrativeStated = input.infiltrative !== undefined;
  if (input.infiltrative === true) {
    return {
      id: 'systemic',
      reason:
        'Infiltrative pattern stated: BCLC-B subgroup for systemic therapy (diffuse, infiltrative or extensive ' +
        'bilobar involvement); size-based transplant criteria do not describe an infiltrative tumour',
      decidingInputs: [],
    };
  }
  const met = EXTENDED_CRITERIA.filter((c) => c.within(transplant) === true).map((c) => c.name);
  const unknown = EXTENDED_CRITERIA.filter((c) => c.within(transplant) === null).map((c) => c.name);
  const infiltrativeInput = infiltrativeStated ? [] : [INFILTRATIVE_NOT_STATED];
  if (met.length > 0) {
    return {
      id: 'extended-transplant',
      reason:
        `Within extended transplant criteria (${met.join(', ')}): BCLC-B subgroup for liver transplantation ` +
        '(downstaging with TACE may also lead to it). Which extended criterion applies is a local rule.',
      decidingInputs: ['local transplant policy (which extended criterion applies)', ...infiltrativeInput],
    };
  }
  const deciding: string[] = [];
  if (unknown.length > 0) {
    if (input.afp === undefined && unknown.some((n) => n === 'AFP model low risk' || n === 'Metroticket 2.0'))
      deciding.push('afp');
    if (unknown.includes('UCSF')) deciding.push(`${UCSF_DIAMETERS_MISSING}, for UCSF`);
    if (unknown.includes('up-to-seven') && deciding.length === 0) deciding.push('nodule sizes');
  }
  deciding.push(...infiltrativeInput, CONFIRM_TACE_FEATURES);
  const notEvaluated = unknown.length > 0 ? ` (${unknown.join(', ')} could not be evaluated)` : '';
  return {
    id: 'tace',
    reason:
      `Not within extended transplant criteria${notEvaluated} and no infiltrative pattern stated: BCLC-B ` +
      'subgroup for TACE when the nodules are well defined, portal flow is preserved and the feeding arteries ' +
      'can be reached selectively — the MDT confirms',
    decidingInputs: deciding,
  };
}
