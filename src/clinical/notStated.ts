import type { CaseInput } from './caseInput.js';

/**
 * What an absent macrovascular-invasion or extrahepatic-spread flag means to the two rules that read them (BCLC
 * staging and the transplant criteria): taken as absent, and said so. A flag stated true decides both rules on its
 * own (stage C; outside every transplant criterion), so the other flag's absence then changes nothing and no
 * assumption is made about it.
 */

export const INVASION_SPREAD_ASSUMED =
  'macrovascular invasion and extrahepatic spread taken as absent (not stated)';
export const INVASION_ASSUMED = 'macrovascular invasion taken as absent (not stated)';
export const SPREAD_ASSUMED = 'extrahepatic spread taken as absent (not stated)';

/** Invasion or spread stated as present. */
export function invasionOrSpread(input: CaseInput): boolean {
  return input.macrovascularInvasion === true || input.extrahepaticSpread === true;
}

/** The assumption a rule makes when it reads invasion and spread (with the fields not stated), or null. */
export function invasionSpreadAssumption(
  input: CaseInput,
): { message: string; fields: ('macrovascularInvasion' | 'extrahepaticSpread')[] } | null {
  if (invasionOrSpread(input)) return null;
  const invasion = input.macrovascularInvasion === undefined;
  const spread = input.extrahepaticSpread === undefined;
  if (invasion && spread)
    return { message: INVASION_SPREAD_ASSUMED, fields: ['macrovascularInvasion', 'extrahepaticSpread'] };
  if (invasion) return { message: INVASION_ASSUMED, fields: ['macrovascularInvasion'] };
  return spread ? { message: SPREAD_ASSUMED, fields: ['extrahepaticSpread'] } : null;
}
