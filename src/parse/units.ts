import { FIELD_INFO, labRange, scalarRange } from '../clinical/fields.js';
import {
  ALBUMIN_G_DL_TO_G_L,
  BILIRUBIN_MG_DL_TO_UMOL_L,
  CREATININE_MG_DL_TO_UMOL_L,
} from '../clinical/units.js';
import type { UnitSystem } from './parseResult.js';

/**
 * Unit rules for the three analytes read in two unit systems, with the bare-number windows derived from the
 * clinical core's field table (FIELD_INFO): a bare number is read in the unit where it is plausible; where it is plausible in
 * both (the window below), the team's unit system decides, and without one the parser asks.
 */

export type DualField = 'bilirubin' | 'albumin' | 'creatinine';
export type DualUnit = 'mg/dL' | 'umol/L' | 'g/dL' | 'g/L';

export const DUAL_UNITS: Record<DualField, { us: DualUnit; si: DualUnit }> = {
  bilirubin: { us: 'mg/dL', si: 'umol/L' },
  albumin: { us: 'g/dL', si: 'g/L' },
  creatinine: { us: 'mg/dL', si: 'umol/L' },
};

/** Conversion factor from the US unit to the SI unit: the clinical core's constants, never written here. */
export const SI_FACTOR: Record<DualField, number> = {
  bilirubin: BILIRUBIN_MG_DL_TO_UMOL_L,
  albumin: ALBUMIN_G_DL_TO_G_L,
  creatinine: CREATININE_MG_DL_TO_UMOL_L,
};

type Range = { min: number; max: number; usualMin?: number; usualMax?: number };
const rangeTable = (field: DualField, unit: DualUnit): Range => labRange(field, unit)!;
/** The six ranges looked up once, so the per-value check compares constants instead of doing keyed loads. */
const BILI_MG = rangeTable('bilirubin', 'mg/dL');
const BILI_UM = rangeTable('bilirubin', 'umol/L');
const ALB_GDL = rangeTable('albumin', 'g/dL');
const ALB_GL = rangeTable('albumin', 'g/L');
const CREAT_MG = rangeTable('creatinine', 'mg/dL');
const CREAT_UM = rangeTable('creatinine', 'umol/L');
const rangeOf = (field: DualField, unit: DualUnit): Range => {
  if (field === 'bilirubin') return unit === 'mg/dL' ? BILI_MG : BILI_UM;
  if (field === 'albumin') return unit === 'g/dL' ? ALB_GDL : ALB_GL;
  return unit === 'mg/dL' ? CREAT_MG : CREAT_UM;
};

/**
 * Inference-only floors for reading a BARE number (no unit typed). The shared table's minimum is a reporting
 * floor that keeps a typed value like "bili 2 umol/L" acceptable; it is too low to decide what a bare number
 * means. A bare bilirubin of 1.7-3.4 read as umol/L would be below what laboratories report in a patient
 * (normal is about 3-20 umol/L), while 1.7-3.4 mg/dL is ordinary in cirrhosis, so for inference the umol/L
 * reading starts at 3.5 (docs/parsing.md, "Numbers without a unit"). Creatinine keeps the table's floor: in
 * its window (8.8-20) both readings are extreme but real (8.8-20 mg/dL in renal failure, 8.8-20 umol/L in
 * severe sarcopenia), so the team's unit system decides and a low umol/L reading is flagged as unusual.
 * These floors never reject a value typed with its unit.
 */
const INFERENCE_MIN: Partial<Record<DualField, Partial<Record<DualUnit, number>>>> = {
  bilirubin: { 'umol/L': 3.5 },
};

/** Below this a bare creatinine read as umol/L (team SI units) is flagged as unusual (about 0.2 mg/dL). */
export const CREATININE_UMOL_LOW_FLAG = 18;

const inferMin = (field: DualField, unit: DualUnit): number =>
  INFERENCE_MIN[field]?.[unit] ?? rangeOf(field, unit).min;

/**
 * The window where a bare number is plausible in both units (inclusive), or undefined when the ranges do not
 * overlap. Bilirubin 3.5-60 (the inference floor above), creatinine 8.8-20; albumin has none (a bare number
 * above 6 and below 10 fits neither and is rejected).
 */
export function ambiguousWindow(field: DualField): { min: number; max: number } | undefined {
  const { us, si } = DUAL_UNITS[field];
  const min = Math.max(inferMin(field, us), inferMin(field, si));
  const max = Math.min(rangeOf(field, us).max, rangeOf(field, si).max);
  return min <= max ? { min, max } : undefined;
}

export type BareReading =
  | { kind: 'unit'; unit: DualUnit; why: 'only-plausible' | 'team-units' }
  | { kind: 'ambiguous'; window: { min: number; max: number } }
  | { kind: 'implausible' };

export function readBare(field: DualField, value: number, units: UnitSystem | undefined): BareReading {
  const { us, si } = DUAL_UNITS[field];
  const inUs = inRange(field, us, value) && value >= inferMin(field, us);
  const inSi = inRange(field, si, value) && value >= inferMin(field, si);
  if (inUs && inSi) {
    if (units) return { kind: 'unit', unit: DUAL_UNITS[field][units], why: 'team-units' };
    return { kind: 'ambiguous', window: ambiguousWindow(field)! };
  }
  if (inUs) return { kind: 'unit', unit: us, why: 'only-plausible' };
  if (inSi) return { kind: 'unit', unit: si, why: 'only-plausible' };
  return { kind: 'implausible' };
}

export function inRange(field: DualField, unit: DualUnit, value: number): boolean {
  const r = rangeOf(field, unit);
  return value >= r.min && value <= r.max;
}

export type RangeCheck = { status: 'ok' } | { status: 'unusual' | 'implausible'; range: string };
const OK: RangeCheck = { status: 'ok' };

export function checkDual(field: DualField, unit: DualUnit, value: number): RangeCheck {
  const r = rangeOf(field, unit);
  if (value < r.min || value > r.max) return { status: 'implausible', range: `${r.min}-${r.max} ${unit}` };
  if ((r.usualMax !== undefined && value > r.usualMax) || (r.usualMin !== undefined && value < r.usualMin))
    return { status: 'unusual', range: usualText(r.usualMin ?? r.min, r.usualMax ?? r.max, unit) };
  return OK;
}

type ScalarKey =
  | 'inr'
  | 'ptProlongationSeconds'
  | 'sodium'
  | 'afp'
  | 'noduleCm'
  | 'noduleCount'
  | 'totalDiameterCm';

/** The field table's row for each checked key (one row per nodule field; both have the diameter range). */
const SCALAR_FIELD = {
  inr: 'inr',
  ptProlongationSeconds: 'ptProlongationSeconds',
  sodium: 'sodium',
  afp: 'afp',
  noduleCm: 'nodulesCm',
  noduleCount: 'noduleCount',
  totalDiameterCm: 'totalDiameterCm',
} as const satisfies Record<ScalarKey, keyof typeof FIELD_INFO>;

/** Each key's range and unit, read from the field table once: the per-value check allocates nothing when in range. */
const SCALAR_RANGES = Object.fromEntries(
  (Object.keys(SCALAR_FIELD) as ScalarKey[]).map((key) => {
    const field = SCALAR_FIELD[key];
    const { min, max, usualMin, usualMax } = scalarRange(field);
    return [key, { min, max, usualMin, usualMax, unit: (FIELD_INFO[field] as { unit?: string }).unit ?? '' }];
  }),
) as Record<ScalarKey, Range & { unit: string }>;

export function checkScalar(key: ScalarKey, value: number, strictMin = false): RangeCheck {
  const r = SCALAR_RANGES[key];
  if (value < r.min || value > r.max || (strictMin && value <= r.min))
    return {
      status: 'implausible',
      range: `${strictMin ? 'above ' : ''}${r.min}-${r.max}${r.unit ? ` ${r.unit}` : ''}`,
    };
  if ((r.usualMax !== undefined && value > r.usualMax) || (r.usualMin !== undefined && value < r.usualMin))
    return { status: 'unusual', range: usualText(r.usualMin ?? r.min, r.usualMax ?? r.max, r.unit) };
  return OK;
}

const usualText = (min: number, max: number, unit: string): string =>
  `${min}-${max}${unit ? ` ${unit}` : ''}`;

/** Rounds away binary noise from conversions (1.21 x, mm / 10). */
export const tidy = (v: number): number => Math.round(v * 10_000) / 10_000;
