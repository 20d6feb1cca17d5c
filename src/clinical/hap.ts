import type { HapResult } from './assessment.js';
import type { CaseInput } from './caseInput.js';
import { type Computed, computed, notComputed } from './computed.js';
import { TUMOUR_MISSING, type TumourBurden, tumourBurden } from './tumourBurden.js';
import { albuminGl, bilirubinMgDl, bilirubinUmolL } from './units.js';

/**
 * HAP score before TACE. Kadalayil L et al., Ann Oncol 2013;24(10):2565-2570 (PMID 23857958): one point each for
 * albumin < 36 g/L, AFP > 400 ng/mL, bilirubin > 17 µmol/L, largest tumour > 7 cm (all strict). HAP A 0, B 1, C 2,
 * D ≥ 3 (scale 0-4).
 *
 * mHAP-II: Park Y et al., Liver Int 2016;36(1):100-107 (doi 10.1111/liv.12878): the HAP items plus one point for
 * ≥ 2 nodules; same grades (scale 0-5). Park's own abstract states the bilirubin item as total bilirubin
 * > 0.9 mg/dL (15.4 µmol/L), not HAP's > 17 µmol/L (about 0.99 mg/dL), and albumin as < 3.6 g/dL (= 36 g/L).
 *
 * Choice: each score uses the bilirubin cut its own authors published, so HAP keeps > 17 µmol/L and mHAP-II uses
 * > 0.9 mg/dL. A bilirubin from 15.4 to 17 µmol/L therefore scores a point in mHAP-II and none in HAP.
 */

export const HAP_BILIRUBIN_CUT_UMOL_L = 17;
export const MHAP2_BILIRUBIN_CUT_MG_DL = 0.9;
const ALBUMIN_CUT_G_L = 36;
const AFP_CUT_NG_ML = 400;
const LARGEST_CUT_CM = 7;

export function hapGrade(points: number): HapResult['grade'] {
  if (points <= 0) return 'A';
  if (points === 1) return 'B';
  return points === 2 ? 'C' : 'D';
}

type Bilirubin = NonNullable<CaseInput['bilirubin']>;

/** The four HAP-type items, with the score's own bilirubin item; `nodules` for mHAP-II's extra point. */
function hapItems(
  input: CaseInput,
  burden: TumourBurden | null,
  bilirubinRaised: (b: Bilirubin) => boolean,
): Computed<{ points: number; nodules: number }> {
  const missing: string[] = [];
  if (!input.albumin) missing.push('albumin');
  if (input.afp === undefined) missing.push('afp');
  if (!input.bilirubin) missing.push('bilirubin');
  if (!burden) missing.push(TUMOUR_MISSING);
  if (!input.albumin || input.afp === undefined || !input.bilirubin || !burden) return notComputed(missing);
  const points =
    (albuminGl(input.albumin) < ALBUMIN_CUT_G_L ? 1 : 0) +
    (input.afp > AFP_CUT_NG_ML ? 1 : 0) +
    (bilirubinRaised(input.bilirubin) ? 1 : 0) +
    (burden.largestCm > LARGEST_CUT_CM ? 1 : 0);
  return computed({ points, nodules: burden.count });
}

const hapRaised = (b: Bilirubin) => bilirubinUmolL(b) > HAP_BILIRUBIN_CUT_UMOL_L;
const mhap2Raised = (b: Bilirubin) => bilirubinMgDl(b) > MHAP2_BILIRUBIN_CUT_MG_DL;

export function hap(
  input: CaseInput,
  burden: TumourBurden | null = tumourBurden(input),
): Computed<HapResult> {
  const read = hapItems(input, burden, hapRaised);
  if (!read.ok) return read;
  const { points } = read.value;
  return computed({ points, grade: hapGrade(points) });
}

export function mhap2(
  input: CaseInput,
  burden: TumourBurden | null = tumourBurden(input),
): Computed<HapResult> {
  const read = hapItems(input, burden, mhap2Raised);
  if (!read.ok) return read;
  const points = read.value.points + (read.value.nodules >= 2 ? 1 : 0);
  return computed({ points, grade: hapGrade(points) });
}
