import { FIELD_INFO } from '../clinical/fields.js';
import { SI_FACTOR } from './units.js';

/**
 * The fields the free-text reader fills, in the order they are written out, with the words used for them in
 * messages, and how two readings of one field are compared ("bili 2 mg/dL (34 umol/L)" is one bilirubin).
 */

/** The words for each field in messages, from the clinical core's one field table. */
export const LABEL: Record<string, string> = Object.fromEntries(
  Object.entries(FIELD_INFO).map(([key, info]) => [key, info.label]),
);
export const FIELD_ORDER = [
  'bilirubin',
  'albumin',
  'creatinine',
  'inr',
  'ptProlongationSeconds',
  'sodium',
  'afp',
  'pivka',
  'ascites',
  'encephalopathy',
  'ecog',
  'ecogCancerRelated',
  'sex',
  'dialysis',
  'cholestatic',
  'nodulesCm',
  'noduleCount',
  'largestNoduleCm',
  'totalDiameterCm',
  'macrovascularInvasion',
  'extrahepaticSpread',
  'infiltrative',
  'portalHypertension',
] as const;
export type FieldName = (typeof FIELD_ORDER)[number];
/**
 * Macrovascular invasion is stored per vessel first: "no PVTT" says nothing about the hepatic veins, so it does
 * not contradict "Vv2". `macro:any` is a finding that names no vessel ("macrovascular invasion").
 */
export type Vessel = 'macro:portal' | 'macro:hepatic' | 'macro:ivc' | 'macro:any' | 'macro:bland';
/** `macro:bland` is a thrombus stated bland in a vessel not named: a negative that no positive contradicts. */
export const VESSELS: readonly Vessel[] = [
  'macro:portal',
  'macro:hepatic',
  'macro:ivc',
  'macro:any',
  'macro:bland',
];
export type StoreKey = FieldName | Vessel;

export interface FieldEntry {
  value: unknown;
  start: number;
  end: number;
}

/** Two readings of one field agree (bilirubin, creatinine and albumin within 3% across units). */
export function same(field: StoreKey, a: unknown, b: unknown): boolean {
  if (field === 'bilirubin' || field === 'creatinine' || field === 'albumin') {
    const x = a as { value: number; unit: string };
    const y = b as { value: number; unit: string };
    const toUs = (v: { value: number; unit: string }) =>
      v.unit === 'mg/dL' || v.unit === 'g/dL' ? v.value : v.value / SI_FACTOR[field];
    const p = toUs(x);
    const q = toUs(y);
    return Math.abs(p - q) <= 0.03 * Math.max(p, q);
  }
  if (a === b) return true;
  // Lists (lesion sizes) and {value, unit} records (PIVKA-II): compared field by field.
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, k) => x === b[k]);
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    const kx = Object.keys(x);
    return kx.length === Object.keys(y).length && kx.every((k) => x[k] === y[k]);
  }
  return false;
}
