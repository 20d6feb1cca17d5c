import type { CaseInput } from './caseInput.js';
import { roundTo } from './units.js';

/**
 * Tumour burden as every size-based rule reads it (Milan, UCSF, up-to-seven, AFP model, Metroticket 2.0, HAP,
 * six-and-twelve). Diameters are in centimetres. Sources: each rule's own paper (transplant.ts,
 * hap.ts, sixAndTwelve.ts).
 */
export interface TumourBurden {
  count: number;
  largestCm: number;
  /** Sum of all diameters; null when neither every diameter nor totalDiameterCm was given for several nodules. */
  totalCm: number | null;
  /** Every diameter, when known. */
  diametersCm: number[] | null;
}

/** The missing-input wording every size-based rule uses. */
export const TUMOUR_MISSING = 'nodule sizes (nodulesCm, or noduleCount with largestNoduleCm)';

/** Sums are rounded to 6 decimals so that 4.5 + 2 + 1.5 is exactly 8 at the UCSF cut-off. */
const cm = (value: number): number => roundTo(value, 6);

/**
 * Largest diameter (cm) + number of nodules, with floating-point noise removed: the sum up-to-seven, Metroticket
 * 2.0 and six-and-twelve all read.
 */
export function sizePlusCount(burden: TumourBurden): number {
  return cm(burden.largestCm + burden.count);
}

export function tumourBurden(input: CaseInput): TumourBurden | null {
  if (input.nodulesCm && input.nodulesCm.length > 0) {
    const diameters = [...input.nodulesCm];
    return {
      count: diameters.length,
      largestCm: Math.max(...diameters),
      totalCm: cm(diameters.reduce((sum, d) => sum + d, 0)),
      diametersCm: diameters,
    };
  }
  if (input.noduleCount !== undefined && input.largestNoduleCm !== undefined) {
    const single = input.noduleCount === 1;
    return {
      count: input.noduleCount,
      largestCm: input.largestNoduleCm,
      totalCm: single ? input.largestNoduleCm : (input.totalDiameterCm ?? null),
      diametersCm: single ? [input.largestNoduleCm] : null,
    };
  }
  return null;
}
