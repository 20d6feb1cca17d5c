import { type ScoreKey, TRANSPLANT_KEYS } from './scoreKeys.js';

/**
 * One table of the CaseInput fields: the clinic's words for each, its unit, its accepted range, and the scores that
 * read it. The schema (caseInput.ts) is built from it and makes the compiler refuse a field added to the schema
 * without its row, or a row without its field. Schema messages, parser and CLI errors, the unusual-value warnings
 * and the summary's wording are built from it; nothing else states a range.
 *
 * Accepted ranges reject typing and unit errors, not clinical likelihood: each maximum is well beyond values
 * reported in critically ill adults, each minimum below the laboratory's reporting floor. A value outside the
 * usual range (usualMin-usualMax) is accepted with a warning: bilirubin 30 mg/dL is unusual but possible.
 */

/** Accepted range of one value, with the usual range inside it. */
export interface Range {
  min: number;
  max: number;
  usualMin?: number;
  usualMax?: number;
}

export interface FieldInfo {
  /** The field in the clinic's words, lower case ("number of nodules"). */
  label: string;
  /** The unit a bare value is in, when the field has one and only one. */
  unit?: string;
  /** Accepted range; a lab with two units has one per unit. */
  range?: Range | Readonly<Record<string, Range>>;
  /** Whether 0 itself is refused (the range's minimum is then a bound, not a value). */
  aboveMin?: boolean;
  /** Whether the value is a whole number. */
  whole?: boolean;
  /** The scores that read the field (BCLC reads the liver-function inputs through Child-Pugh). */
  readBy: readonly ScoreKey[];
  /** What a "yes" means, where the label alone leaves it open (shown beside a yes / no / not known question). */
  hint?: string;
}

const LIVER: readonly ScoreKey[] = ['childPugh', 'bclc'];
const MELDS: readonly ScoreKey[] = ['meld', 'meldNa', 'meld3'];
const TUMOUR: readonly ScoreKey[] = [...TRANSPLANT_KEYS, 'hap', 'mhap2', 'sixAndTwelve', 'bclc'];
/** One nodule's diameter, listed or the largest. */
const NODULE_CM = { min: 0, max: 30, usualMax: 20 } as const;

export const FIELD_INFO = {
  bilirubin: {
    label: 'bilirubin',
    range: {
      'mg/dL': { min: 0.1, max: 60, usualMax: 20 },
      'umol/L': { min: 1.7, max: 1026, usualMax: 342 },
    },
    readBy: ['albi', ...LIVER, ...MELDS, 'hap', 'mhap2'],
  },
  albumin: {
    label: 'albumin',
    range: {
      'g/dL': { min: 1, max: 6, usualMin: 1.5 },
      'g/L': { min: 10, max: 60, usualMin: 15 },
    },
    readBy: ['albi', ...LIVER, 'meld3', 'hap', 'mhap2'],
  },
  creatinine: {
    label: 'creatinine',
    range: {
      'mg/dL': { min: 0.1, max: 20, usualMax: 10 },
      'umol/L': { min: 8.8, max: 1768, usualMax: 884 },
    },
    readBy: MELDS,
  },
  inr: { label: 'INR', range: { min: 0.5, max: 10, usualMax: 6 }, readBy: [...LIVER, ...MELDS] },
  ptProlongationSeconds: {
    label: 'PT prolongation',
    unit: 's',
    range: { min: 0, max: 60, usualMax: 30 },
    readBy: LIVER,
  },
  sodium: {
    label: 'sodium',
    unit: 'mmol/L',
    range: { min: 100, max: 180, usualMin: 120, usualMax: 155 },
    readBy: ['meldNa', 'meld3'],
  },
  afp: {
    label: 'AFP',
    unit: 'ng/mL',
    range: { min: 0, max: 10_000_000, usualMax: 1_000_000 },
    aboveMin: true,
    readBy: ['metroticket2', 'afpModel', 'hap', 'mhap2'],
  },
  pivka: { label: 'PIVKA-II', readBy: [] },
  ascites: { label: 'ascites', readBy: LIVER },
  encephalopathy: { label: 'encephalopathy', readBy: LIVER },
  ecog: { label: 'ECOG', range: { min: 0, max: 4 }, whole: true, readBy: ['bclc'] },
  ecogCancerRelated: {
    label: 'whether ECOG is cancer-related',
    readBy: ['bclc'],
    hint: 'No when an ECOG of 1–2 comes from another condition',
  },
  sex: { label: 'sex', readBy: ['meld3'] },
  dialysis: {
    label: 'dialysis',
    readBy: MELDS,
    hint: 'At least 2 sessions, or 24 h of CVVHD, in the 7 days before the creatinine',
  },
  cholestatic: { label: 'cholestatic disease (PBC/PSC)', readBy: LIVER },
  nodulesCm: { label: 'nodule diameters', unit: 'cm', range: NODULE_CM, aboveMin: true, readBy: TUMOUR },
  noduleCount: {
    label: 'number of nodules',
    range: { min: 1, max: 50, usualMax: 20 },
    whole: true,
    readBy: TUMOUR,
  },
  largestNoduleCm: { label: 'largest nodule', unit: 'cm', range: NODULE_CM, aboveMin: true, readBy: TUMOUR },
  totalDiameterCm: {
    label: 'total tumour diameter',
    unit: 'cm',
    range: { min: 0, max: 100, usualMax: 40 },
    aboveMin: true,
    readBy: ['ucsf'],
  },
  macrovascularInvasion: {
    label: 'macrovascular invasion',
    readBy: [...TRANSPLANT_KEYS, 'bclc'],
    hint: 'e.g. portal vein tumour thrombus (PVTT)',
  },
  extrahepaticSpread: { label: 'extrahepatic spread', readBy: [...TRANSPLANT_KEYS, 'bclc'] },
  infiltrative: { label: 'infiltrative pattern', readBy: ['bclc'] },
  portalHypertension: { label: 'portal hypertension', readBy: ['bclc'], hint: 'Clinically significant' },
} as const satisfies Record<string, FieldInfo>;

/** A CaseInput field name (the schema checks that its keys and this table's are the same). */
export type FieldName = keyof typeof FIELD_INFO;

/** The fields measured in one of two units, each with its range per unit. */
export type DualUnitField = 'bilirubin' | 'albumin' | 'creatinine';
/** The fields with one range. */
export type ScalarRangeField = {
  [K in FieldName]: (typeof FIELD_INFO)[K] extends { range: { min: number } } ? K : never;
}[FieldName];

/** The accepted range of a field with one range. */
export const scalarRange = (field: ScalarRangeField): Range => FIELD_INFO[field].range;

/** The accepted range of a lab in one of its units. */
export const labRange = (field: DualUnitField, unit: string): Range | undefined =>
  (FIELD_INFO[field].range as Readonly<Record<string, Range>>)[unit];

/** "must be between 0.5 and 10" / "must be between 0.1 and 60 mg/dL": the schema's message for a value out of range. */
export const betweenMessage = (r: Range, unit: string | undefined): string =>
  `must be between ${r.min} and ${r.max}${unit ? ` ${unit}` : ''}`;

/** A schema message with the field's accepted range after it, when the field has one ("must be a number (accepted: 0.5 to 10)"). */
export function withRange(field: FieldName, message: string): string {
  const range = acceptedRange(field);
  return range ? `${message} (accepted: ${range})` : message;
}

export const isCaseInputField = (name: string): name is FieldName => Object.hasOwn(FIELD_INFO, name);

/**
 * The scores a value of this field (or a dotted path into it, "bilirubin.value") concerns. A name that is no
 * CaseInput field concerns the stage, which reads every input.
 */
export function scoresReading(path: string): ScoreKey[] {
  const head = path.split('.')[0] ?? '';
  const read: readonly ScoreKey[] = isCaseInputField(head) ? FIELD_INFO[head].readBy : [];
  return read.length > 0 ? [...read] : ['bclc'];
}

/** The accepted range of a field in words ("0.1 to 60 mg/dL or 1.7 to 1026 umol/L"), or null when it has none. */
export function acceptedRange(path: string): string | null {
  const head = path.split('.')[0] ?? '';
  if (!isCaseInputField(head)) return null;
  const info: FieldInfo = FIELD_INFO[head];
  const r = info.range;
  if (!r) return null;
  if ('min' in r && typeof r.min === 'number') {
    const range = r as Range;
    if (info.whole) return `a whole number from ${range.min} to ${range.max}`;
    const lower = info.aboveMin ? `more than ${range.min}` : `${range.min}`;
    const unit = info.unit ?? '';
    return `${lower} to ${range.max}${unit ? ` ${unit}` : ''}`;
  }
  return Object.entries(r as Readonly<Record<string, Range>>)
    .map(([unit, u]) => `${u.min} to ${u.max} ${unit}`)
    .join(' or ');
}
