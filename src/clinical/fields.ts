import type { CaseInput } from './caseInput.js';
import { PLAUSIBLE } from './plausibility.js';
import { type CaseInputField, type ScoreKey, TRANSPLANT_KEYS } from './scores.js';

/**
 * One table of the CaseInput fields: the clinic's words for each, its unit, its accepted range, and the scores that
 * read it. `satisfies Record<keyof CaseInput, …>` makes the compiler refuse a field added to the schema without its
 * row. Schema messages, parser and CLI errors and the summary's wording are built from it.
 */
export interface FieldInfo {
  /** The field in the clinic's words, lower case ("number of nodules"). */
  label: string;
  /** The unit a bare value is in, when the field has one and only one. */
  unit?: string;
  /** Accepted range; a lab with two units has one per unit. */
  range?: { min: number; max: number } | Readonly<Record<string, { min: number; max: number }>>;
  /** Whether 0 itself is refused (the range's minimum is then a bound, not a value). */
  aboveMin?: boolean;
  /** The scores that read the field (BCLC reads the liver-function inputs through Child-Pugh). */
  readBy: readonly ScoreKey[];
  /** What a "yes" means, where the label alone leaves it open (shown beside a yes / no / not known question). */
  hint?: string;
}

const LIVER: readonly ScoreKey[] = ['childPugh', 'bclc'];
const MELDS: readonly ScoreKey[] = ['meld', 'meldNa', 'meld3'];
const TUMOUR: readonly ScoreKey[] = [...TRANSPLANT_KEYS, 'hap', 'mhap2', 'sixAndTwelve', 'bclc'];

export const FIELD_INFO = {
  bilirubin: {
    label: 'bilirubin',
    range: PLAUSIBLE.bilirubin,
    readBy: ['albi', ...LIVER, ...MELDS, 'hap', 'mhap2'],
  },
  albumin: {
    label: 'albumin',
    range: PLAUSIBLE.albumin,
    readBy: ['albi', ...LIVER, 'meld3', 'hap', 'mhap2'],
  },
  creatinine: { label: 'creatinine', range: PLAUSIBLE.creatinine, readBy: MELDS },
  inr: { label: 'INR', range: PLAUSIBLE.inr, readBy: [...LIVER, ...MELDS] },
  ptProlongationSeconds: {
    label: 'PT prolongation',
    unit: 's',
    range: PLAUSIBLE.ptProlongationSeconds,
    readBy: LIVER,
  },
  sodium: { label: 'sodium', unit: 'mmol/L', range: PLAUSIBLE.sodium, readBy: ['meldNa', 'meld3'] },
  afp: {
    label: 'AFP',
    unit: 'ng/mL',
    range: PLAUSIBLE.afp,
    aboveMin: true,
    readBy: ['metroticket2', 'afpModel', 'hap', 'mhap2'],
  },
  pivka: { label: 'PIVKA-II', readBy: [] },
  ascites: { label: 'ascites', readBy: LIVER },
  encephalopathy: { label: 'encephalopathy', readBy: LIVER },
  ecog: { label: 'ECOG', range: { min: 0, max: 4 }, readBy: ['bclc'] },
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
  nodulesCm: {
    label: 'nodule diameters',
    unit: 'cm',
    range: PLAUSIBLE.noduleCm,
    aboveMin: true,
    readBy: TUMOUR,
  },
  noduleCount: { label: 'number of nodules', range: PLAUSIBLE.noduleCount, readBy: TUMOUR },
  largestNoduleCm: {
    label: 'largest nodule',
    unit: 'cm',
    range: PLAUSIBLE.noduleCm,
    aboveMin: true,
    readBy: TUMOUR,
  },
  totalDiameterCm: {
    label: 'total tumour diameter',
    unit: 'cm',
    range: PLAUSIBLE.totalDiameterCm,
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
} as const satisfies Record<keyof CaseInput, FieldInfo>;

export const isCaseInputField = (name: string): name is CaseInputField => Object.hasOwn(FIELD_INFO, name);

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
  if (head === 'ecog') return 'a whole number from 0 to 4';
  if ('min' in r && typeof r.min === 'number') {
    const range = r as { min: number; max: number };
    const lower = info.aboveMin || range.min === 0 ? 'more than 0' : `${range.min}`;
    const unit = info.unit ?? ('unit' in range && typeof range.unit === 'string' ? range.unit : '');
    return `${lower} to ${range.max}${unit ? ` ${unit}` : ''}`;
  }
  return Object.entries(r as Record<string, { min: number; max: number }>)
    .map(([unit, u]) => `${u.min} to ${u.max} ${unit}`)
    .join(' or ');
}
