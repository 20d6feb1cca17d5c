import type { CaseInput } from './caseInput.js';
import { type Computed, computed, notComputed } from './computed.js';
import { MELD_MAX, meldInteger, meldLabs, meldScore } from './meld.js';
import { roundHalfUp } from './units.js';

/**
 * MELD-Na as OPTN applies it since 11 January 2016 (OPTN Policy 9.1; Kim WR et al., N Engl J Med
 * 2008;359:1018-1026, PMID 18768945). With MELD the OPTN integer (MELD(i) rounded to the tenth, ×10):
 *   if MELD > 11:  MELD-Na = MELD + 1.32 (137 − Na) − 0.033 × MELD × (137 − Na), Na bounded 125-137 mmol/L,
 *                  rounded to the nearest integer, capped at 40;
 *   otherwise:     MELD-Na = MELD (so sodium is needed only when MELD > 11).
 * The gate tests the integer MELD, not the unrounded MELD(i) (MELD(i) 1.1272 is MELD 11: no sodium term). The
 * adjustment uses the integer MELD before the 40 cap (MELD 47 at sodium 125 gives 44.2, capped at 40); the result is the same either way once capped. The Kim 2008 research
 * form (MELD − Na − 0.025·MELD·(140 − Na) + 140) is not the OPTN formula and is not used.
 */

export const MELD_NA_GATE = 11;

/** Sodium bounded to 125-137 mmol/L, as the OPTN formula takes it. */
export function boundedSodium(sodium: number): number {
  return Math.min(137, Math.max(125, sodium));
}

/** MELD-Na from the OPTN integer MELD (uncapped) and a sodium, before the 40 cap is applied. */
export function meldNaFromMeld(meldPoints: number, sodium: number): number {
  if (meldPoints <= MELD_NA_GATE) return meldPoints;
  const deficit = 137 - boundedSodium(sodium);
  return roundHalfUp(meldPoints + 1.32 * deficit - 0.033 * meldPoints * deficit);
}

export function meldNa(input: CaseInput): Computed<number> {
  const read = meldLabs(input);
  if (!read.ok) {
    // Whether sodium will be needed depends on the MELD still to be computed; say so now rather than later.
    const sodium = input.sodium === undefined ? ['sodium (needed if MELD > 11)'] : [];
    return notComputed([...read.missing, ...sodium]);
  }
  const points = meldInteger(read.value);
  if (points <= MELD_NA_GATE) return computed(meldScore(read.value));
  if (input.sodium === undefined) return notComputed(['sodium (needed because MELD > 11)']);
  return computed(Math.min(MELD_MAX, meldNaFromMeld(points, input.sodium)));
}
