import type { CodeableConcept, Observation, Patient, Reference } from '@medplum/fhirtypes';
import type { CaseField } from '../cases/fields.js';
import type { Assessment, RuleVersion } from '../clinical/assessment.js';
import {
  ALBI_RULE,
  CHILD_PUGH_RULE,
  MALBI_RULE,
  MELD_3_RULE,
  MELD_NA_RULE,
  MELD_RULE,
} from '../clinical/rules.js';
import { CODES, coding, LOCAL, type LocalConcept, localCoding, SYSTEMS } from './codes.js';
import { reference, resourceId } from './context.js';
import type { InputObservations } from './observations.js';

/** The score Observations, by score, so that the stage can name the ones that decided it. */
export interface ScoreObservations {
  childPugh?: Observation & { id: string };
  albi?: Observation & { id: string };
  meld?: Observation & { id: string };
  meldNa?: Observation & { id: string };
  meld3?: Observation & { id: string };
}

interface Ctx {
  caseId: string;
  patient: Reference<Patient>;
  /** When the assessment was made (the snapshot time); scores carry it as their effective time. */
  assessedAt: string | null;
  inputs: InputObservations;
}

/** The rule that produced a value, with its version and source, as Observation.method. */
export function ruleMethod(...rules: RuleVersion[]): CodeableConcept {
  return { text: rules.map((r) => `${r.name}: ${r.source}`).join('; ') };
}

const SCORE_CATEGORY = [{ coding: [coding(CODES.categorySurvey)] }];
const SCORE_UNIT = { unit: 'score', system: SYSTEMS.ucum, code: '{score}' };

function derivedFrom(ctx: Ctx, fields: readonly CaseField[]): Reference<Observation>[] {
  return fields.flatMap((f) => {
    const o = ctx.inputs[f];
    return o ? [reference(o)] : [];
  });
}

function score(
  ctx: Ctx,
  key: string,
  concept: LocalConcept,
  rules: RuleVersion[],
  inputs: readonly CaseField[],
  value: Partial<Observation>,
): Observation & { id: string } {
  return {
    resourceType: 'Observation',
    id: resourceId(ctx.caseId, key),
    status: 'final',
    category: SCORE_CATEGORY,
    code: { coding: [localCoding(concept)], text: concept.display },
    subject: ctx.patient,
    ...(ctx.assessedAt ? { effectiveDateTime: ctx.assessedAt } : {}),
    ...value,
    method: ruleMethod(...rules),
    derivedFrom: derivedFrom(ctx, inputs),
  };
}

const CHILD_PUGH_INPUTS = [
  'bilirubin',
  'albumin',
  'inr',
  'ptProlongationSeconds',
  'ascites',
  'encephalopathy',
] as const;
const MELD_INPUTS = ['bilirubin', 'inr', 'creatinine'] as const;
const MELD_NA_INPUTS = [...MELD_INPUTS, 'sodium'] as const;
const MELD_3_INPUTS = [...MELD_NA_INPUTS, 'albumin'] as const;

/** Child-Pugh, ALBI (score, grade, modified grade), MELD, MELD-Na and MELD 3.0: each only when it was computed. */
export function scoreObservations(a: Assessment, ctx: Ctx): ScoreObservations {
  const out: ScoreObservations = {};
  if (a.childPugh) {
    const cp = a.childPugh;
    out.childPugh = score(ctx, 'child-pugh', LOCAL.childPugh, [CHILD_PUGH_RULE], CHILD_PUGH_INPUTS, {
      valueInteger: cp.points,
      component: [
        {
          code: { coding: [localCoding(LOCAL.childPughClass)], text: LOCAL.childPughClass.display },
          valueCodeableConcept: { text: `Child-Pugh class ${cp.class}` },
        },
      ],
      ...(cp.bilirubinBands === 'cholestatic'
        ? { note: [{ text: 'Bilirubin scored on the cholestatic (PBC/PSC) bands' }] }
        : {}),
    });
  }
  if (a.albi) {
    const albi = a.albi;
    out.albi = score(ctx, 'albi', LOCAL.albi, [ALBI_RULE, MALBI_RULE], ['bilirubin', 'albumin'], {
      valueQuantity: { value: albi.score, ...SCORE_UNIT },
      component: [
        {
          code: { coding: [localCoding(LOCAL.albiGrade)], text: LOCAL.albiGrade.display },
          valueInteger: Number(albi.grade),
        },
        {
          code: { coding: [localCoding(LOCAL.mAlbiGrade)], text: LOCAL.mAlbiGrade.display },
          valueString: albi.mAlbiGrade,
        },
      ],
    });
  }
  const { meld, meldNa, meld3 } = a.meld;
  if (meld !== null)
    out.meld = score(ctx, 'meld', LOCAL.meld, [MELD_RULE], MELD_INPUTS, { valueInteger: meld });
  if (meldNa !== null)
    out.meldNa = score(ctx, 'meld-na', LOCAL.meldNa, [MELD_NA_RULE], MELD_NA_INPUTS, {
      valueInteger: meldNa,
    });
  if (meld3 !== null)
    out.meld3 = score(ctx, 'meld-3', LOCAL.meld3, [MELD_3_RULE], MELD_3_INPUTS, { valueInteger: meld3 });
  return out;
}
