import { z } from 'zod';
import { subDays } from './dateFns.js';

/**
 * How long an inactive case is kept. Default 180 days without any new message: long enough for a case to come
 * back to the MDT after treatment and one or two re-staging scans (imaging goes stale after 90 days, so a
 * case quiet for twice that has no current values left to carry), short enough that the store never becomes a
 * second patient record. The hospital record remains the record of truth. Configurable with
 * HCC_MDT_RETENTION_DAYS (1 to 3650).
 */
export const DEFAULT_RETENTION_DAYS = 180;

export const RetentionDaysSchema = z.coerce
  .number({ error: 'must be a whole number of days' })
  .int('must be a whole number of days')
  .min(1, 'must be at least 1 day')
  .max(3650, 'must be at most 3650 days (10 years)');

export type RetentionSetting = { ok: true; days: number } | { ok: false; message: string };

export function retentionDays(raw: string | undefined): RetentionSetting {
  if (raw === undefined || raw.trim() === '') return { ok: true, days: DEFAULT_RETENTION_DAYS };
  const checked = RetentionDaysSchema.safeParse(raw.trim());
  return checked.success
    ? { ok: true, days: checked.data }
    : { ok: false, message: `HCC_MDT_RETENTION_DAYS ${checked.error.issues[0]?.message} (got "${raw}")` };
}

/** Cases whose last activity is before this instant are purged. */
export const retentionCutoff = (now: Date, days: number): Date => subDays(now, days);
