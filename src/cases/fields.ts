import { z } from 'zod';
import { CaseInputSchema } from '../clinical/caseInput.js';
import { FIELD_INFO } from '../clinical/fields.js';

/**
 * The fields a case accumulates, and how they travel together. A case's current input is, per field, the latest
 * value stated; some fields only make sense together and are stated (and replaced) as one group:
 * - the tumour burden: a new scan that says "single 6 cm nodule" replaces "3 lesions, largest 4.2 cm" as a whole,
 *   otherwise the merged input would mix two scans (and fail the count/diameter checks);
 * - performance status: a new ECOG replaces the old one together with whether it was cancer-related, so a
 *   "not cancer-related" attribution never silently sticks to a later ECOG.
 */

export const CASE_FIELDS = Object.keys(CaseInputSchema.shape) as readonly CaseField[];
export type CaseField = keyof typeof CaseInputSchema.shape;
export const CaseFieldSchema = z.enum(Object.keys(CaseInputSchema.shape) as [CaseField, ...CaseField[]]);

/** Fields that are stated and replaced together; every other field stands alone. */
export const FIELD_GROUPS: readonly (readonly CaseField[])[] = [
  ['nodulesCm', 'noduleCount', 'largestNoduleCm', 'totalDiameterCm'],
  ['ecog', 'ecogCancerRelated'],
];

/** The group a field belongs to (itself alone when it has none). */
export function groupOf(field: CaseField): readonly CaseField[] {
  return FIELD_GROUPS.find((g) => g.includes(field)) ?? [field];
}

/** How a field ages: a lab, an imaging finding, a clinical finding, or a fact that does not age. */
export const FieldKindSchema = z.enum(['lab', 'imaging', 'clinical', 'fixed']);
export type FieldKind = z.infer<typeof FieldKindSchema>;

export const FIELD_KIND: Record<CaseField, FieldKind> = {
  bilirubin: 'lab',
  albumin: 'lab',
  creatinine: 'lab',
  inr: 'lab',
  ptProlongationSeconds: 'lab',
  sodium: 'lab',
  afp: 'lab',
  pivka: 'lab',
  // Dialysis qualifies the creatinine it came with, so it ages like a lab.
  dialysis: 'lab',
  ascites: 'clinical',
  encephalopathy: 'clinical',
  ecog: 'clinical',
  ecogCancerRelated: 'clinical',
  portalHypertension: 'clinical',
  nodulesCm: 'imaging',
  noduleCount: 'imaging',
  largestNoduleCm: 'imaging',
  totalDiameterCm: 'imaging',
  macrovascularInvasion: 'imaging',
  extrahepaticSpread: 'imaging',
  infiltrative: 'imaging',
  sex: 'fixed',
  cholestatic: 'fixed',
};

/** What the clinic calls a field ("number of nodules"), from the clinical core's one field table. */
export const fieldLabel = (field: CaseField): string => FIELD_INFO[field].label;

/** A stored value in words ("34 umol/L", "4.2 cm", "mild", "yes"), for replies and history. Never typed text. */
export function formatValue(value: unknown, field?: CaseField): string {
  if (value === true) return 'yes';
  if (value === false) return 'no';
  if (Array.isArray(value)) return value.map((v) => `${v} cm`).join(', ');
  if (typeof value === 'object' && value !== null && 'value' in value && 'unit' in value)
    return `${(value as { value: number }).value} ${(value as { unit: string }).unit}`;
  const unit = field ? (FIELD_INFO[field] as { unit?: string }).unit : undefined;
  return unit ? `${String(value)} ${unit}` : String(value);
}
