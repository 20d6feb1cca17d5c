import { addDays, differenceInDays, isAfter } from './dateFns.js';
import type { CaseField } from './fields.js';
import { FIELD_KIND, type FieldKind } from './fields.js';

/**
 * When a carried value is too old to stage on without saying so. These limits are this project's choice, not a
 * guideline's: no staging system states how recent its inputs must be.
 * - Labs (bilirubin, albumin, INR/PT, creatinine, sodium, AFP, PIVKA-II) and clinical findings (ascites,
 *   encephalopathy, ECOG, portal hypertension): 30 days. Liver function can decompensate within weeks, and an MDT
 *   usually re-checks labs before each discussion.
 * - Imaging findings (nodules, invasion, spread): 90 days, about one re-staging interval after locoregional
 *   treatment; older imaging should be repeated before a treatment decision.
 * - Sex and cholestatic disease do not age.
 * A value is stale once MORE than the limit has passed (a lab stated exactly 30 days ago is still current).
 * Stale values are still used and shown, flagged: the MDT decides, the tool never drops a value silently.
 */
export const STALE_AFTER_DAYS: Record<FieldKind, number | null> = {
  lab: 30,
  clinical: 30,
  imaging: 90,
  fixed: null,
};

export interface Age {
  /** Whole days (24-hour periods) between when the value was stated and now (0 = today). */
  days: number;
  stale: boolean;
  /** The limit that applies, in days; null for values that do not age. */
  limitDays: number | null;
}

export function ageOf(field: CaseField, statedAt: Date, now: Date): Age {
  const limitDays = STALE_AFTER_DAYS[FIELD_KIND[field]];
  return {
    days: Math.max(0, differenceInDays(now, statedAt)),
    stale: limitDays !== null && isAfter(now, addDays(statedAt, limitDays)),
    limitDays,
  };
}
