import { TZDate } from '@date-fns/tz';
import { addDays, differenceInCalendarDays, format, isValid, isWeekend, parseISO } from './dateFns.js';

/**
 * Calendar dates ("YYYY-MM-DD") in a channel's time zone, and the working days reminders fall on. Working days are
 * Monday to Friday; public holidays differ by country and are not known here.
 */

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A YYYY-MM-DD date as a Date at local midnight, for date-fns calendar arithmetic; anything else is an invalid
 * Date. (parseISO reads a date-only string as local midnight. date-fns's format-string `parse` would do the same
 * but loads every token parser it has: about 90 MB of resident memory in a server that needs one format.)
 */
export const asDate = (date: string): Date => (ISO_DATE.test(date) ? parseISO(date) : new Date(Number.NaN));

/** The calendar date of `instant` in `timezone`. */
export function localDate(instant: Date, timezone: string): string {
  return format(new TZDate(instant.getTime(), timezone), 'yyyy-MM-dd');
}

/** A real calendar date written YYYY-MM-DD ("2026-02-30" is not). */
export function isIsoDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = asDate(s);
  return isValid(d) && format(d, 'yyyy-MM-dd') === s;
}

/** Adds calendar days to a YYYY-MM-DD date (time zone free: dates only). */
export function addDaysToDate(date: string, days: number): string {
  return format(addDays(asDate(date), days), 'yyyy-MM-dd');
}

export function isWorkingDay(date: string): boolean {
  return !isWeekend(asDate(date));
}

/** The date itself when it is a working day, otherwise the working day before it. */
export function workingDayOnOrBefore(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = addDaysToDate(d, -1);
  return d;
}

/** The first working day after `date`. */
export function nextWorkingDay(date: string): string {
  let d = addDaysToDate(date, 1);
  while (!isWorkingDay(d)) d = addDaysToDate(d, 1);
  return d;
}

/** The instant of `hour:minute` local time on `date` in `timezone` (DST handled by the zone rules). */
export function localTimeOn(date: string, hour: number, minute: number, timezone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(new TZDate(y, m - 1, d, hour, minute, 0, timezone).getTime());
}

/** Whole calendar days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return differenceInCalendarDays(asDate(to), asDate(from));
}
