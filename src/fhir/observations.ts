import type { CodeableConcept, Observation, Patient, Quantity, Reference } from '@medplum/fhirtypes';
import type { CaseField } from '../cases/fields.js';
import type { CaseValues } from '../cases/values.js';
import type { CaseInput } from '../clinical/caseInput.js';
import {
  CODES,
  coding,
  ECOG_ANSWERS_LOINC,
  LAB_CODES,
  type LabCode,
  LOCAL,
  localCoding,
  PROFILES,
  SYSTEMS,
} from './codes.js';
import { resourceId } from './context.js';

/** The Observations of what the case states, keyed by field, so that scores can point at their inputs. */
export type InputObservations = Partial<Record<CaseField, Observation & { id: string }>>;

interface Ctx {
  caseId: string;
  patient: Reference<Patient>;
  values: CaseValues;
}

const LAB_CATEGORY = [{ coding: [coding(CODES.categoryLaboratory)] }];

function quantity(value: number, lab: LabCode): Quantity {
  return { value, unit: lab.unit, system: SYSTEMS.ucum, code: lab.ucum };
}

function effective(ctx: Ctx, field: CaseField): Pick<Observation, 'effectiveDateTime'> {
  const at = ctx.values[field]?.statedAt;
  return at ? { effectiveDateTime: at } : {};
}

function labObservation(
  ctx: Ctx,
  field: CaseField,
  code: CodeableConcept,
  valueQuantity: Quantity,
  extra: Partial<Observation> = {},
): Observation & { id: string } {
  return {
    resourceType: 'Observation',
    id: resourceId(ctx.caseId, 'lab', field),
    ...extra,
    status: 'final',
    category: LAB_CATEGORY,
    code,
    subject: ctx.patient,
    ...effective(ctx, field),
    valueQuantity,
  };
}

function loincLab(ctx: Ctx, field: CaseField, lab: LabCode, value: number, extra: Partial<Observation> = {}) {
  return labObservation(
    ctx,
    field,
    { coding: [coding(lab.coding)], text: lab.coding.display },
    quantity(value, lab),
    extra,
  );
}

/** Lab Observations (LOINC, UCUM), each dated when the value was stated. Values keep the unit they were stated in. */
export function labObservations(input: CaseInput, ctx: Ctx): InputObservations {
  const out: InputObservations = {};
  const { bilirubin, albumin, creatinine, inr, sodium, afp, pivka } = input;
  if (bilirubin)
    out.bilirubin = loincLab(ctx, 'bilirubin', LAB_CODES.bilirubin[bilirubin.unit], bilirubin.value);
  if (albumin) out.albumin = loincLab(ctx, 'albumin', LAB_CODES.albumin[albumin.unit], albumin.value);
  if (creatinine)
    out.creatinine = loincLab(ctx, 'creatinine', LAB_CODES.creatinine[creatinine.unit], creatinine.value);
  if (inr !== undefined) out.inr = loincLab(ctx, 'inr', LAB_CODES.inr, inr);
  if (sodium !== undefined) out.sodium = loincLab(ctx, 'sodium', LAB_CODES.sodium, sodium);
  if (afp !== undefined)
    out.afp = loincLab(ctx, 'afp', LAB_CODES.afp, afp, { meta: { profile: [PROFILES.tumorMarkerTest] } });
  if (pivka) {
    // mAU/mL is assay-specific with no verified LOINC code or UCUM form: the project's code, the unit as text.
    out.pivka =
      pivka.unit === 'ng/mL'
        ? loincLab(ctx, 'pivka', LAB_CODES.pivka['ng/mL'], pivka.value)
        : labObservation(
            ctx,
            'pivka',
            { coding: [localCoding(LOCAL.pivkaArbitrary)], text: LOCAL.pivkaArbitrary.display },
            { value: pivka.value, unit: 'mAU/mL' },
          );
  }
  return out;
}

const ASCITES_TEXT = {
  none: 'No ascites',
  mild: 'Mild ascites',
  'moderate-severe': 'Moderate to severe ascites',
};
const ENCEPHALOPATHY_TEXT = {
  none: 'No hepatic encephalopathy',
  'grade-1-2': 'Hepatic encephalopathy grade 1-2',
  'grade-3-4': 'Hepatic encephalopathy grade 3-4',
};

function examObservation(
  ctx: Ctx,
  field: 'ascites' | 'encephalopathy',
  text: string,
): Observation & { id: string } {
  const concept = LOCAL[field];
  return {
    resourceType: 'Observation',
    id: resourceId(ctx.caseId, 'exam', field),
    status: 'final',
    category: [{ coding: [coding(CODES.categoryExam)] }],
    code: { coding: [localCoding(concept)], text: concept.display },
    subject: ctx.patient,
    ...effective(ctx, field),
    valueCodeableConcept: { text },
  };
}

/** Ascites and encephalopathy as graded for Child-Pugh (no verified standard code: the project's own). */
export function examObservations(input: CaseInput, ctx: Ctx): InputObservations {
  const out: InputObservations = {};
  if (input.ascites) out.ascites = examObservation(ctx, 'ascites', ASCITES_TEXT[input.ascites]);
  if (input.encephalopathy)
    out.encephalopathy = examObservation(ctx, 'encephalopathy', ENCEPHALOPATHY_TEXT[input.encephalopathy]);
  return out;
}

export const ECOG_NOT_CANCER_RELATED =
  'Recorded as not cancer-related (e.g. comorbidity); BCLC staged it as ECOG 0';

/** ECOG as mCODE STU4 ECOG Performance Status: LOINC 89247-1, the grade as an integer, the LOINC answer. */
export function ecogObservation(input: CaseInput, ctx: Ctx): (Observation & { id: string }) | null {
  const { ecog } = input;
  if (ecog === undefined) return null;
  const answer = ECOG_ANSWERS_LOINC[ecog as 0 | 1 | 2 | 3 | 4];
  return {
    resourceType: 'Observation',
    id: resourceId(ctx.caseId, 'ecog'),
    meta: { profile: [PROFILES.ecog] },
    status: 'final',
    category: [{ coding: [coding(CODES.categorySurvey)] }],
    code: { coding: [coding(CODES.ecog)], text: CODES.ecog.display },
    subject: ctx.patient,
    ...effective(ctx, 'ecog'),
    valueInteger: ecog,
    interpretation: [{ coding: [coding(answer)] }],
    ...(ecog >= 1 && input.ecogCancerRelated === false ? { note: [{ text: ECOG_NOT_CANCER_RELATED }] } : {}),
  };
}
