import type { SixAndTwelveResult } from './assessment.js';
import type { CaseInput } from './caseInput.js';
import { type Computed, computed, notComputed } from './computed.js';
import { sizePlusCount, TUMOUR_MISSING, type TumourBurden, tumourBurden } from './tumourBurden.js';

/**
 * Six-and-twelve score for TACE candidates. Wang Q et al., J Hepatol 2019;70:893-903: largest tumour diameter (cm)
 * + number of tumours; bands ≤ 6, > 6 and ≤ 12, > 12. The "7-12" middle band printed in some tables assumes whole
 * numbers and would misplace a sum such as 6.5, so it is not used.
 */

export function sixAndTwelveBand(sum: number): SixAndTwelveResult['band'] {
  if (sum <= 6) return '<=6';
  return sum <= 12 ? '>6-12' : '>12';
}

export function sixAndTwelve(
  input: CaseInput,
  burden: TumourBurden | null = tumourBurden(input),
): Computed<SixAndTwelveResult> {
  if (!burden) return notComputed([TUMOUR_MISSING]);
  const sum = sizePlusCount(burden);
  return computed({ sum, band: sixAndTwelveBand(sum) });
}
