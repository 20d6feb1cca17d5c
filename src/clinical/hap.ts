import type { HapResult } from './assessment.js';
import type { CaseInput } from './caseInput.js';
import { type Computed, computed, notComputed } from './computed.js';
import { TUMOUR_MISSING, tumourBurden } from './tumourBurden.js';
import { albuminGl, bilirubinUmolL } from './units.js';

/**
 * HAP score before TACE. Kadalayil L et al., Ann Oncol 2013;24:2565-2570 (PMID 23857958): one point each for
 * albumin < 36 g/L, AFP > 400 ng/mL, bilirubin > 17 µmol/L, largest tumour > 7 cm (all strict). HAP A 0, B 1, C 2,
 * D ≥ 3 (scale 0-4).
 * mHAP-II: Park Y et al., Liver Int 2016;36:100-107: the HAP items plus one point for ≥ 2 nodules; same grades
 * (scale 0-5).
 */

export function hapGrade(points: number): HapResult['grade'] {
  if (points <= 0) return 'A';
  if (points === 1) return 'B';
  return points === 2 ? 'C' : 'D';
}

interface HapItems {
  points: number;
  nodules: number;
}

function hapItems(input: CaseInput): { ok: true; items: HapItems } | { ok: false; missing: string[] } {
  const burden = tumourBurden(input);
  const missing: string[] = [];
  if (!input.albumin) missing.push('albumin');
  if (input.afp === undefined) missing.push('afp');
  if (!input.bilirubin) missing.push('bilirubin');
  if (!burden) missing.push(TUMOUR_MISSING);
  if (!input.albumin || input.afp === undefined || !input.bilirubin || !burden) return { ok: false, missing };
  const points =
    (albuminGl(input.albumin) < 36 ? 1 : 0) +
    (input.afp > 400 ? 1 : 0) +
    (bilirubinUmolL(input.bilirubin) > 17 ? 1 : 0) +
    (burden.largestCm > 7 ? 1 : 0);
  return { ok: true, items: { points, nodules: burden.count } };
}

export function hap(input: CaseInput): Computed<HapResult> {
  const read = hapItems(input);
  if (!read.ok) return notComputed(read.missing);
  const { points } = read.items;
  return computed({ points, grade: hapGrade(points) });
}

export function mhap2(input: CaseInput): Computed<HapResult> {
  const read = hapItems(input);
  if (!read.ok) return notComputed(read.missing);
  const points = read.items.points + (read.items.nodules >= 2 ? 1 : 0);
  return computed({ points, grade: hapGrade(points) });
}
