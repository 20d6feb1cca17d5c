import { z } from 'zod';
import type { CaseInput } from '../clinical/caseInput.js';
import { CaseInputSchema } from '../clinical/caseInput.js';
import type { ParseAssumption } from '../parse/parseResult.js';
import { type CarriedValue, CarriedValueSchema, carriedValues } from './carried.js';
import { CASE_FIELDS, type CaseField } from './fields.js';
import type { CaseRecord } from './record.js';
import type { CaseValues } from './values.js';
import { mergedInput } from './values.js';

/**
 * A case as it stands now: each current value with when it was stated, by whom and how old it is, the merged
 * input, and the reading assumptions the values carry. What `case show` and the Slack "Case history" view show.
 */
export const CurrentValueSchema = CarriedValueSchema.extend({ corrected: z.boolean() });
export type CurrentValue = z.infer<typeof CurrentValueSchema>;

export interface CurrentCase {
  values: CurrentValue[];
  /** null when the case has no values yet, or (a bug) they fail the schema. */
  input: CaseInput | null;
  assumptions: ParseAssumption[];
}

export function currentCase(record: Pick<CaseRecord, 'values'>, now: Date): CurrentCase {
  const fields = CASE_FIELDS.filter((f) => record.values[f] !== undefined);
  const values = carriedValues(record.values, fields, now).map((v: CarriedValue) => ({
    ...v,
    corrected: record.values[v.field]?.corrects !== undefined,
  }));
  const checked = CaseInputSchema.safeParse(mergedInput(record.values));
  return {
    values,
    input: fields.length > 0 && checked.success ? checked.data : null,
    assumptions: assumptionsOf(record.values, fields),
  };
}

export function assumptionsOf(values: CaseValues, fields: readonly CaseField[]): ParseAssumption[] {
  return fields.flatMap((field) => {
    const message = values[field]?.assumption;
    return message ? [{ field, message }] : [];
  });
}
