import type { TransplantResult } from './assessment.js';
import type { CaseInput } from './caseInput.js';
import { type Computed, computed, notComputed } from './computed.js';
import { invasionOrSpread, invasionSpreadAssumption } from './notStated.js';
import { type Note, note, type ScoreKey } from './scores.js';
import { sizePlusCount, TUMOUR_MISSING, type TumourBurden, tumourBurden } from './tumourBurden.js';
import { roundTo } from './units.js';

/**
 * Transplant selection criteria, each from its own paper. Sizes in cm, AFP in ng/mL; every limit is inclusive ("≤") unless
 * written "<" or ">".
 * - Milan (Mazzaferro V et al., N Engl J Med 1996;334:693-699, PMID 8594428): single ≤ 5, or 2-3 nodules each ≤ 3.
 * - UCSF (Yao FY et al., Hepatology 2001;33:1394-1403, PMID 11391528): single ≤ 6.5, or ≤ 3 nodules with largest ≤ 4.5 and total diameter ≤ 8.
 * - Up-to-seven (Mazzaferro V et al., Lancet Oncol 2009;10:35-43, PMID 19058754): largest + number ≤ 7.
 * - AFP model (Duvoux C et al., Gastroenterology 2012;143:986-994.e3, PMID 22750200): largest ≤ 3 → 0, > 3 to ≤ 6 → 1, > 6 → 4; 1-3 nodules → 0, ≥ 4 → 2;
 *   AFP ≤ 100 → 0, > 100 to ≤ 1000 → 2, > 1000 → 3; ≤ 2 points is low risk.
 * - Metroticket 2.0 (Mazzaferro V et al., Gastroenterology 2018;154:128-139, PMID 28989060): largest + number ≤ 7 if AFP < 200; ≤ 5 if 200 ≤ AFP ≤ 400;
 *   ≤ 4 if 400 < AFP ≤ 1000; AFP > 1000 not eligible. (The published bands overlap at 200 and 400;
 *   here AFP 200 and AFP 400 both fall in the ≤ 5 band, as the inequalities above state.)
 * Macrovascular invasion or extrahepatic spread puts a case outside Milan, UCSF, up-to-seven and Metroticket 2.0
 * whatever the sizes. A criterion is decided whenever the given inputs settle it, even if others are missing, and
 * then a warning names the input that was not needed.
 * Each criterion takes the tumour burden as an optional second argument, so that `assess()` measures it once.
 */

export const UCSF_DIAMETERS_MISSING = 'every nodule diameter (or totalDiameterCm)';

const EXCLUDED_NOTE =
  'Macrovascular invasion or extrahepatic spread is outside every transplant criterion, whatever the tumour size or AFP.';

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

const AFP_MODEL_LOW_RISK_MAX = 2;

/** AFP model points for the largest diameter: ≤ 3 cm → 0, > 3 to ≤ 6 → 1, > 6 → 4. */
export function afpModelSizePoints(largestCm: number): number {
  return largestCm <= 3 ? 0 : largestCm <= 6 ? 1 : 4;
}

/** AFP model points for the number of nodules: 1-3 → 0, ≥ 4 → 2. */
export function afpModelCountPoints(count: number): number {
  return count <= 3 ? 0 : 2;
}

/** AFP model points for AFP (ng/mL): ≤ 100 → 0, > 100 to ≤ 1000 → 2, > 1000 → 3. */
export function afpModelAfpPoints(afp: number): number {
  return afp <= 100 ? 0 : afp <= 1000 ? 2 : 3;
}

export function afpModelPoints(burden: TumourBurden, afp: number): number {
  return afpModelSizePoints(burden.largestCm) + afpModelCountPoints(burden.count) + afpModelAfpPoints(afp);
}

export const METROTICKET_AFP_NOT_NEEDED = (sum: number): string =>
  `Metroticket 2.0 is beyond at any AFP (largest + number = ${sum}, above its widest limit of 7): AFP was not needed`;
export const METROTICKET_SIZE_NOT_NEEDED =
  'Metroticket 2.0 is beyond at any tumour size (AFP above 1000 ng/mL): nodule sizes were not needed';
export const AFP_MODEL_AFP_NOT_NEEDED = (points: number): string =>
  `AFP model is high risk at any AFP (size and number alone score ${points} points, above 2): AFP was not needed`;
export const AFP_MODEL_SIZE_NOT_NEEDED =
  'AFP model is high risk at any tumour size (AFP above 1000 ng/mL scores 3 points, above 2): nodule sizes were not needed';

/** A criterion that invasion or spread decides: outside, whatever the size or AFP. */
const excluded = <T>(key: ScoreKey, value: T): Computed<T> =>
  computed(value, { warnings: [note(key, EXCLUDED_NOTE)] });

/** What a criterion that measured the tumour assumed about invasion and spread not stated. */
const sizesRead = (input: CaseInput, key: ScoreKey): Note[] => {
  const flags = invasionSpreadAssumption(input);
  return flags ? [note(key, flags.message, flags.fields)] : [];
};

/** A size-only criterion: excluded by invasion or spread, otherwise decided by the tumour burden. */
const sizeCriterion =
  (key: ScoreKey, within: (b: TumourBurden) => boolean | null, unsettled: string) =>
  (input: CaseInput, burden: TumourBurden | null = tumourBurden(input)): Computed<boolean> => {
    if (invasionOrSpread(input)) return excluded(key, false);
    if (!burden) return notComputed([TUMOUR_MISSING]);
    const value = within(burden);
    if (value === null) return notComputed([unsettled]);
    return computed(value, { assumptions: sizesRead(input, key) });
  };

export const milan = sizeCriterion('milan', withinMilan, TUMOUR_MISSING);
export const ucsf = sizeCriterion('ucsf', withinUcsf, UCSF_DIAMETERS_MISSING);
export const upToSeven = sizeCriterion('upToSeven', withinUpToSeven, TUMOUR_MISSING);

export function metroticket2(
  input: CaseInput,
  burden: TumourBurden | null = tumourBurden(input),
): Computed<boolean> {
  if (invasionOrSpread(input)) return excluded('metroticket2', false);
  const { afp } = input;
  if (afp !== undefined && metroticketLimit(afp) === null) {
    const warnings = burden ? [] : [note('metroticket2', METROTICKET_SIZE_NOT_NEEDED)];
    return computed(false, { warnings });
  }
  if (!burden) return notComputed([TUMOUR_MISSING]);
  const assumptions = sizesRead(input, 'metroticket2');
  if (afp !== undefined) return computed(withinMetroticket2(burden, afp), { assumptions });
  // Without AFP the widest band (≤ 7) still settles a case that is beyond it.
  const sum = sizePlusCount(burden);
  if (sum > 7)
    return computed(false, {
      assumptions,
      warnings: [note('metroticket2', METROTICKET_AFP_NOT_NEEDED(sum))],
    });
  return notComputed(['afp']);
}

/**
 * The AFP model. Invasion or spread fails it like every other criterion (reported false, not null); its points are
 * still shown when they can be counted. When one item is missing but the others already pass 2 points, the case is
 * high risk whatever the missing item scores, and the points are null (never counted from a guess).
 */
export function afpModel(
  input: CaseInput,
  burden: TumourBurden | null = tumourBurden(input),
): Computed<NonNullable<TransplantResult['afpModel']>> {
  const { afp } = input;
  const out = invasionOrSpread(input);
  if (burden && afp !== undefined) {
    const points = afpModelPoints(burden, afp);
    if (out) return excluded('afpModel', { points, lowRisk: false });
    return computed(
      { points, lowRisk: points <= AFP_MODEL_LOW_RISK_MAX },
      { assumptions: sizesRead(input, 'afpModel') },
    );
  }
  if (out) return excluded('afpModel', { points: null, lowRisk: false });
  const high = { points: null, lowRisk: false };
  if (burden) {
    const partial = afpModelSizePoints(burden.largestCm) + afpModelCountPoints(burden.count);
    if (partial > AFP_MODEL_LOW_RISK_MAX)
      return computed(high, {
        assumptions: sizesRead(input, 'afpModel'),
        warnings: [note('afpModel', AFP_MODEL_AFP_NOT_NEEDED(partial))],
      });
    return notComputed(['afp']);
  }
  if (afp !== undefined && afpModelAfpPoints(afp) > AFP_MODEL_LOW_RISK_MAX)
    return computed(high, { warnings: [note('afpModel', AFP_MODEL_SIZE_NOT_NEEDED)] });
  return notComputed([TUMOUR_MISSING, ...(afp === undefined ? ['afp'] : [])]);
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

/** The five criteria's values, null where not evaluable (for BCLC and the treatment options, which read them). */
export function transplantCriteria(input: CaseInput): TransplantResult {
  const value = <T>(c: Computed<T>): T | null => (c.ok ? c.value : null);
  return {
    milan: value(milan(input)),
    ucsf: value(ucsf(input)),
    upToSeven: value(upToSeven(input)),
    metroticket2: value(metroticket2(input)),
    afpModel: value(afpModel(input)),
  };
}
