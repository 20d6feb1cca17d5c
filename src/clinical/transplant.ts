import type { NotEvaluable, TransplantResult } from './assessment.js';
import type { CaseInput } from './caseInput.js';
import { invasionOrSpread, invasionSpreadAssumption } from './notStated.js';
import { TUMOUR_MISSING, type TumourBurden, tumourBurden } from './tumourBurden.js';
import { roundTo } from './units.js';

/**
 * Transplant selection criteria (digest §5). Sizes in cm, AFP in ng/mL; every limit is inclusive ("≤") unless
 * written "<" or ">".
 * - Milan (Mazzaferro 1996, PMID 8594428): single ≤ 5, or 2-3 nodules each ≤ 3.
 * - UCSF (Yao 2001, PMID 11391528): single ≤ 6.5, or ≤ 3 nodules with largest ≤ 4.5 and total diameter ≤ 8.
 * - Up-to-seven (Mazzaferro 2009, PMID 19058754): largest + number ≤ 7.
 * - AFP model (Duvoux 2012): largest ≤ 3 → 0, > 3 to ≤ 6 → 1, > 6 → 4; 1-3 nodules → 0, ≥ 4 → 2;
 *   AFP ≤ 100 → 0, > 100 to ≤ 1000 → 2, > 1000 → 3; ≤ 2 points is low risk.
 * - Metroticket 2.0 (Mazzaferro 2018): largest + number ≤ 7 if AFP < 200; ≤ 5 if 200 ≤ AFP ≤ 400;
 *   ≤ 4 if 400 < AFP ≤ 1000; AFP > 1000 not eligible. (The published bands overlap at 200 and 400;
 *   here AFP 200 and AFP 400 both fall in the ≤ 5 band, as the inequalities above state.)
 * Macrovascular invasion or extrahepatic spread puts a case outside Milan, UCSF, up-to-seven and Metroticket 2.0
 * whatever the sizes. A criterion is decided whenever the given inputs settle it, even if others are missing.
 */

export const UCSF_DIAMETERS_MISSING = 'every nodule diameter (or totalDiameterCm)';

const EXCLUDED_NOTE =
  'Macrovascular invasion or extrahepatic spread is outside every transplant criterion, whatever the tumour size or AFP.';

/** Largest diameter + number of nodules, with floating-point noise removed. */
export function sizePlusCount(burden: TumourBurden): number {
  return roundTo(burden.largestCm + burden.count, 6);
}

export function withinMilan(burden: TumourBurden): boolean {
  if (burden.count === 1) return burden.largestCm <= 5;
  return burden.count <= 3 && burden.largestCm <= 3;
}

/** UCSF; null when several nodules are within the count and largest-size limits but the total is unknown and could fall either side of 8 cm. */
export function withinUcsf(burden: TumourBurden): boolean | null {
  if (burden.count === 1) return burden.largestCm <= 6.5;
  if (burden.count > 3 || burden.largestCm > 4.5) return false;
  if (burden.totalCm !== null) return burden.totalCm <= 8;
  // Every other nodule is no larger than the largest, so the total is at most largest × count.
  if (roundTo(burden.largestCm * burden.count, 6) <= 8) return true;
  return null;
}

export function withinUpToSeven(burden: TumourBurden): boolean {
  return sizePlusCount(burden) <= 7;
}

/** The largest (size + number) Metroticket 2.0 accepts at this AFP; null when AFP > 1000 (not eligible). */
export function metroticketLimit(afp: number): number | null {
  if (afp < 200) return 7;
  if (afp <= 400) return 5;
  if (afp <= 1000) return 4;
  return null;
}

export function withinMetroticket2(burden: TumourBurden, afp: number): boolean {
  const limit = metroticketLimit(afp);
  return limit !== null && sizePlusCount(burden) <= limit;
}

export function afpModelPoints(burden: TumourBurden, afp: number): number {
  const size = burden.largestCm <= 3 ? 0 : burden.largestCm <= 6 ? 1 : 4;
  const count = burden.count <= 3 ? 0 : 2;
  const marker = afp <= 100 ? 0 : afp <= 1000 ? 2 : 3;
  return size + count + marker;
}

/**
 * The extended criteria BCLC-B's transplant subgroup accepts (any of them; which one applies is local policy), in
 * the order the subgroup's reason names them.
 */
export const EXTENDED_CRITERIA = [
  { name: 'UCSF', within: (t: TransplantResult) => t.ucsf },
  { name: 'up-to-seven', within: (t: TransplantResult) => t.upToSeven },
  { name: 'AFP model low risk', within: (t: TransplantResult) => (t.afpModel ? t.afpModel.lowRisk : null) },
  { name: 'Metroticket 2.0', within: (t: TransplantResult) => t.metroticket2 },
] as const;

export function transplantCriteria(input: CaseInput): {
  result: TransplantResult;
  notEvaluable: NotEvaluable[];
  notes: string[];
  assumptions: string[];
} {
  const burden = tumourBurden(input);
  const afp = input.afp;
  const excluded = invasionOrSpread(input);
  const notEvaluable: NotEvaluable[] = [];
  const notes: string[] = [];
  // Sizes are read only with invasion and spread not stated present, so the criteria assume them absent then.
  const flags = invasionSpreadAssumption(input);
  const assumptions = burden && flags ? [flags] : [];
  const cannotTell = (score: string, missing: string[]): null => {
    notEvaluable.push({ score, missing });
    return null;
  };

  const milan = excluded ? false : burden ? withinMilan(burden) : cannotTell('Milan', [TUMOUR_MISSING]);

  let ucsf: boolean | null;
  if (excluded) ucsf = false;
  else if (!burden) ucsf = cannotTell('UCSF', [TUMOUR_MISSING]);
  else ucsf = withinUcsf(burden) ?? cannotTell('UCSF', [UCSF_DIAMETERS_MISSING]);

  const upToSeven = excluded
    ? false
    : burden
      ? withinUpToSeven(burden)
      : cannotTell('Up-to-seven', [TUMOUR_MISSING]);

  let metroticket2: boolean | null;
  if (excluded) metroticket2 = false;
  else if (afp !== undefined && metroticketLimit(afp) === null) metroticket2 = false;
  else if (!burden) metroticket2 = cannotTell('Metroticket 2.0', [TUMOUR_MISSING]);
  else if (afp !== undefined) metroticket2 = withinMetroticket2(burden, afp);
  // Without AFP the widest band (≤ 7) still settles a case that is beyond it.
  else if (sizePlusCount(burden) > 7) metroticket2 = false;
  else metroticket2 = cannotTell('Metroticket 2.0', ['afp']);

  // Invasion or spread fails the AFP model like every other criterion (issue 2: "reported false, not null");
  // its points are still shown when they can be counted, and are null when they cannot.
  let afpModel: TransplantResult['afpModel'] = null;
  if (burden && afp !== undefined) {
    const points = afpModelPoints(burden, afp);
    afpModel = { points, lowRisk: !excluded && points <= 2 };
  } else if (excluded) {
    afpModel = { points: null, lowRisk: false };
  } else {
    const missing = [...(burden ? [] : [TUMOUR_MISSING]), ...(afp === undefined ? ['afp'] : [])];
    cannotTell('AFP model', missing);
  }
  if (excluded) notes.push(EXCLUDED_NOTE);

  return { result: { milan, ucsf, upToSeven, metroticket2, afpModel }, notEvaluable, notes, assumptions };
}
