import type { Annotation, Observation, Patient, Reference } from '@medplum/fhirtypes';
import type { Assessment, BclcStage } from '../clinical/assessment.js';
import type { CaseInput } from '../clinical/caseInput.js';
import { BCLC_2022_RULE } from '../clinical/rules.js';
import { CODES, coding, LOCAL, type LocalConcept, localCoding, PROFILES } from './codes.js';
import { reference, resourceId } from './context.js';
import { ruleMethod, type ScoreObservations } from './scores.js';

/**
 * BCLC stage values: mCODE STU4's stage-value set has no BCLC codes and NCIt codes for the five stages are not
 * verified, so each stage is a code of this project's CodeSystem, with its text.
 */
export const BCLC_STAGE_CONCEPTS: Record<BclcStage, LocalConcept> = {
  '0': LOCAL.bclc0,
  A: LOCAL.bclcA,
  B: LOCAL.bclcB,
  C: LOCAL.bclcC,
  D: LOCAL.bclcD,
};

interface Ctx {
  caseId: string;
  patient: Reference<Patient>;
  assessedAt: string | null;
  ecog: (Observation & { id: string }) | null;
  scores: ScoreObservations;
}

/**
 * The Observations that decided the stage. Stage D is decided by ECOG 3-4 or end-stage liver function alone
 * (whichever held); every other stage by performance status and liver function (Child-Pugh) together, with the
 * tumour findings named in the note.
 */
export function decidingObservations(input: CaseInput, a: Assessment, ctx: Ctx): Reference<Observation>[] {
  const bclc = a.bclc;
  if (!bclc) return [];
  const members: (Observation & { id: string })[] = [];
  const ecogD = input.ecog !== undefined && input.ecog >= 3;
  const endStage = bclc.liverFunction === 'end-stage';
  const useEcog = bclc.stage !== 'D' || ecogD;
  const useChildPugh = bclc.stage !== 'D' || endStage;
  if (useEcog && ctx.ecog) members.push(ctx.ecog);
  if (useChildPugh && ctx.scores.childPugh) members.push(ctx.scores.childPugh);
  return members.map(reference);
}

/**
 * The BCLC stage as an mCODE STU4 CancerStage Observation. The note carries the basis, the BCLC-B subgroup and
 * every assumption the assessment made: an exported copy shows what could change the stage, as every copy does.
 */
export function stageObservation(
  input: CaseInput,
  a: Assessment,
  ctx: Ctx,
): (Observation & { id: string }) | null {
  const bclc = a.bclc;
  if (!bclc) return null;
  const concept = BCLC_STAGE_CONCEPTS[bclc.stage];
  const note: Annotation[] = [{ text: bclc.basis }];
  if (bclc.subgroup) note.push({ text: `BCLC-B subgroup: ${bclc.subgroup.reason}` });
  for (const text of bclc.notes) note.push({ text });
  for (const n of a.assumptions) note.push({ text: `Assumed: ${n.message}` });
  return {
    resourceType: 'Observation',
    id: resourceId(ctx.caseId, 'bclc'),
    meta: { profile: [PROFILES.cancerStage] },
    status: 'final',
    category: [{ coding: [coding(CODES.categorySurvey)] }],
    code: { coding: [coding(CODES.bclcStageType)], text: CODES.bclcStageType.display },
    subject: ctx.patient,
    ...(ctx.assessedAt ? { effectiveDateTime: ctx.assessedAt } : {}),
    valueCodeableConcept: { coding: [localCoding(concept)], text: `BCLC ${bclc.stage}` },
    method: { coding: [coding(CODES.bclcStagingMethod)], text: ruleMethod(BCLC_2022_RULE).text },
    hasMember: decidingObservations(input, a, ctx),
    note,
  };
}
