import { z } from 'zod';
import { type CaseField, CaseFieldSchema, fieldLabel, formatValue } from './fields.js';
import { ageOf } from './staleness.js';
import type { CaseValues } from './values.js';

/**
 * The values a reply carried from earlier messages, with their age: "bilirubin 34 umol/L, 12 days old". A reply
 * names every carried value, so nobody stages on a figure without knowing it came from an earlier message.
 */
export const CarriedValueSchema = z.strictObject({
  field: CaseFieldSchema,
  label: z.string(),
  value: z.string(),
  statedAt: z.string(),
  statedBy: z.string(),
  ageDays: z.number().int().min(0),
  stale: z.boolean(),
  limitDays: z.number().int().nullable(),
});
export type CarriedValue = z.infer<typeof CarriedValueSchema>;

export function carriedValues(values: CaseValues, fields: readonly CaseField[], now: Date): CarriedValue[] {
  return fields.flatMap((field) => {
    const stated = values[field];
    if (!stated) return [];
    const age = ageOf(field, new Date(stated.statedAt), now);
    return [
      {
        field,
        label: fieldLabel(field),
        value: formatValue(stated.value, field),
        statedAt: stated.statedAt,
        statedBy: stated.statedBy,
        ageDays: age.days,
        stale: age.stale,
        limitDays: age.limitDays,
      },
    ];
  });
}

const ageWords = (days: number) => (days === 0 ? 'today' : days === 1 ? '1 day old' : `${days} days old`);

/**
 * The carried values in one plain line each, stale ones flagged with their limit:
 * "Carried from earlier messages: bilirubin 34 umol/L (12 days old); albumin 31 g/L (45 days old, STALE: over 30 days)".
 * null when nothing was carried.
 */
export function describeCarried(carried: readonly CarriedValue[]): string | null {
  if (carried.length === 0) return null;
  const parts = carried.map((c) => {
    const stale = c.stale ? `, stale: over ${c.limitDays} days` : '';
    return `${c.label} ${c.value} (${ageWords(c.ageDays)}${stale})`;
  });
  return `Carried from earlier messages: ${parts.join('; ')}.`;
}
