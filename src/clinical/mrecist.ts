import type { MrecistInput, MrecistResult } from './assessment.js';
import { MRECIST_RULE } from './rules.js';
import { roundTo } from './units.js';

/**
 * mRECIST response of target lesions. Lencioni R, Llovet JM, Semin Liver Dis 2010;30:52-60 (PMID 20175033).
 * Sums are of viable (arterially enhancing) target-lesion diameters, mm. In order:
 *   new lesion → PD; current sum 0 → CR; increase ≥ 20 % from the nadir → PD (a nadir of 0 followed by any viable
 *   tumour is PD: reappearance); decrease ≥ 30 % from baseline → PR; otherwise SD. PD outranks PR.
 * The RECIST 1.1 "≥ 5 mm absolute increase" condition is not part of mRECIST as published and is not applied.
 * Percentages are cleaned of floating-point noise before the comparisons, so 50 → 35 is exactly −30 % (PR) and
 * 30 → 36 exactly +20 % (PD). Sums are read to the micrometre (0.001 mm; scanners report 0.1 mm at best), and a
 * baseline below that is read as 0.001 mm, so no percentage can overflow.
 */

const MM_DECIMALS = 3;
const readMm = (value: number): number => roundTo(value, MM_DECIMALS);

const percentChange = (from: number, to: number): number => roundTo(((to - from) / from) * 100, 6);

/** The two cut-offs (per cent): a rise from the nadir of at least this is PD; a fall from baseline of at least this is PR. */
export const MRECIST_CUTOFF_PCT = { progressionFromNadir: 20, responseFromBaseline: -30 } as const;

/**
 * A change as shown to a reader: one decimal, never rounded onto a cut-off the exact value did not reach (a rise
 * of 19.96 % is SD and reads "19.9 %", not "20.0 %"). The response itself is decided on the exact value.
 */
export function displayedPercent(value: number, from: 'baseline' | 'nadir'): number {
  const rounded = roundTo(value, 1);
  if (from === 'nadir') {
    const cut = MRECIST_CUTOFF_PCT.progressionFromNadir;
    return value < cut && rounded >= cut ? roundTo(cut - 0.1, 1) : rounded;
  }
  const cut = MRECIST_CUTOFF_PCT.responseFromBaseline;
  return value > cut && rounded <= cut ? roundTo(cut + 0.1, 1) : rounded;
}
const pct = (value: number, from: 'baseline' | 'nadir') => `${displayedPercent(value, from).toFixed(1)}%`;

export function mrecist(input: MrecistInput): MrecistResult {
  const baselineMm = Math.max(readMm(input.baselineMm), 10 ** -MM_DECIMALS);
  const nadirMm = readMm(input.nadirMm);
  const currentMm = readMm(input.currentMm);
  const { newLesion } = input;
  const changeFromBaselinePct = percentChange(baselineMm, currentMm);
  const changeFromNadirPct = nadirMm > 0 ? percentChange(nadirMm, currentMm) : null;
  const result = (response: MrecistResult['response'], reason: string): MrecistResult => ({
    ok: true,
    response,
    changeFromBaselinePct,
    changeFromNadirPct,
    reason,
    rule: MRECIST_RULE,
    sumsMm: { baseline: baselineMm, nadir: nadirMm, current: currentMm },
    newLesion,
  });

  if (newLesion) return result('PD', 'A new lesion is progressive disease whatever the target-lesion sums.');
  if (currentMm === 0)
    return result('CR', 'No viable (arterially enhancing) tumour remains in any target lesion.');
  if (changeFromNadirPct === null) {
    return result('PD', 'Viable tumour has reappeared after the sum had fallen to 0 (nadir 0 mm).');
  }
  if (changeFromNadirPct >= MRECIST_CUTOFF_PCT.progressionFromNadir) {
    return result(
      'PD',
      `The viable sum rose ${pct(changeFromNadirPct, 'nadir')} from the nadir (progression is ≥ 20%).`,
    );
  }
  if (changeFromBaselinePct <= MRECIST_CUTOFF_PCT.responseFromBaseline) {
    return result(
      'PR',
      `The viable sum fell ${pct(changeFromBaselinePct, 'baseline').replace(/^-/, '')} from baseline (partial response is ≥ 30%).`,
    );
  }
  return result(
    'SD',
    `Neither a ≥ 30% fall from baseline (${pct(changeFromBaselinePct, 'baseline')}) nor a ≥ 20% rise from the nadir (${pct(changeFromNadirPct, 'nadir')}).`,
  );
}
