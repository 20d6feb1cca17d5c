import { PLAUSIBLE } from '../clinical/plausibility.js';
import type { UnitSystem } from './parseResult.js';

/**
 * Unit rules for the three analytes read in two unit systems, with the bare-number windows derived from the
 * one plausibility table: a bare number is read in the unit where it is plausible; where it is plausible in
 * both (the window below), the team's unit system decides, and without one the parser asks.
 */

export type DualField = 'bilirubin' | 'albumin' | 'creatinine';
export type DualUnit = 'mg/dL' | 'umol/L' | 'g/dL' | 'g/L';

export const DUAL_UNITS: Record<DualField, { us: DualUnit; si: DualUnit }> = {
  bilirubin: { us: 'mg/dL', si: 'umol/L' },
  albumin: { us: 'g/dL', si: 'g/L' },
  creatinine: { us: 'mg/dL', si: 'umol/L' },
};

/** Conversion factor from the US unit to the SI unit (clinical.md §9.1). */
export const SI_FACTOR: Record<DualField, number> = { bilirubin: 17.1, albumin: 10, creatinine: 88.4 };

const rangeOf = (
  field: DualField,
  unit: DualUnit,
): { min: number; max: number; usualMin?: number; usualMax?: number } =>
  (PLAUSIBLE[field] as Record<string, { min: number; max: number; usualMin?: number; usualMax?: number }>)[
    unit
  ]!;

/**
 * The window where a bare number is plausible in both units (inclusive), or undefined when the ranges do not
 * overlap. Bilirubin 1.7-60, creatinine 8.8-20; albumin has none (a bare number above 6 and below 10 fits
 * neither and is rejected).
 */
export function ambiguousWindow(field: DualField): { min: number; max: number } | undefined {
  const us = rangeOf(field, DUAL_UNITS[field].us);
  const si = rangeOf(field, DUAL_UNITS[field].si);
  const min = Math.max(us.min, si.min);
  const max = Math.min(us.max, si.max);
  return min <= max ? { min, max } : undefined;
}

export type BareReading =
  | { kind: 'unit'; unit: DualUnit; why: 'only-plausible' | 'team-units' }
  | { kind: 'ambiguous'; window: { min: number; max: number } }
  | { kind: 'implausible' };

export function readBare(field: DualField, value: number, units: UnitSystem | undefined): BareReading {
  const { us, si } = DUAL_UNITS[field];
  const inUs = inRange(field, us, value);
  const inSi = inRange(field, si, value);
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

export function checkDual(field: DualField, unit: DualUnit, value: number): RangeCheck {
  const r = rangeOf(field, unit);
  if (value < r.min || value > r.max) return { status: 'implausible', range: `${r.min}-${r.max} ${unit}` };
  if ((r.usualMax !== undefined && value > r.usualMax) || (r.usualMin !== undefined && value < r.usualMin))
    return { status: 'unusual', range: usualText(r.usualMin ?? r.min, r.usualMax ?? r.max, unit) };
  return { status: 'ok' };
}

type ScalarKey =
  | 'inr'
  | 'ptProlongationSeconds'
  | 'sodium'
  | 'afp'
  | 'noduleCm'
  | 'noduleCount'
  | 'totalDiameterCm';

export function checkScalar(key: ScalarKey, value: number, strictMin = false): RangeCheck {
  const r = PLAUSIBLE[key] as {
    min: number;
    max: number;
    unit: string;
    usualMin?: number;
    usualMax?: number;
  };
  const unit = r.unit ? ` ${r.unit}` : '';
  if (value < r.min || value > r.max || (strictMin && value <= r.min))
    return { status: 'implausible', range: `${strictMin ? 'above ' : ''}${r.min}-${r.max}${unit}` };
  if ((r.usualMax !== undefined && value > r.usualMax) || (r.usualMin !== undefined && value < r.usualMin))
    return { status: 'unusual', range: usualText(r.usualMin ?? r.min, r.usualMax ?? r.max, r.unit) };
  return { status: 'ok' };
}

const usualText = (min: number, max: number, unit: string): string =>
  `${min}-${max}${unit ? ` ${unit}` : ''}`;

/** Rounds away binary noise from conversions (1.21 x, mm / 10). */
export const tidy = (v: number): number => Math.round(v * 10_000) / 10_000;
