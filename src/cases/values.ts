import { z } from 'zod';
import type { CaseInputJson } from '../clinical/caseInput.js';
import type { ParseAssumption } from '../parse/parseResult.js';
import { isSlackUserId } from '../text/slackIds.js';
import { CASE_FIELDS, type CaseField, CaseFieldSchema, groupOf } from './fields.js';

/**
 * Values with provenance: for each field, the latest value stated, when, by whom, and from which snapshot.
 * Only parsed values are kept (numbers, units, enums, flags), never the text that stated them.
 */

/** Who stated something: a Slack user ID ("U0123ABCD"), or "cli" for the offline command. Opaque, never a name. */
export const ActorSchema = z
  .string()
  .refine(
    (s) => s === 'cli' || s === 'retention' || s === 'app' || isSlackUserId(s),
    'must be a Slack user ID, "cli", "app" or "retention"',
  );
export type Actor = z.infer<typeof ActorSchema>;

/** An instant as stored: ISO 8601 in UTC with milliseconds, so it sorts as text on every back-end. */
export const InstantSchema = z.iso.datetime({ offset: false, precision: 3 });

export const StatedValueSchema = z.strictObject({
  /** The parsed value; validated as part of the merged CaseInput, not on its own. */
  value: z.unknown(),
  statedAt: InstantSchema,
  statedBy: ActorSchema,
  /** The snapshot that stated it. */
  seq: z.number().int().min(1),
  /** What the parser had to assume to read it ("albumin 31 read as g/L"), carried with the value. */
  assumption: z.string().optional(),
  /** Set when this value corrects an earlier one ("ECOG is 0, not 1"): what it replaced. */
  corrects: z.strictObject({ value: z.unknown(), statedAt: InstantSchema, statedBy: ActorSchema }).optional(),
});
export type StatedValue = z.infer<typeof StatedValueSchema>;

export const CaseValuesSchema = z.partialRecord(CaseFieldSchema, StatedValueSchema);
export type CaseValues = z.infer<typeof CaseValuesSchema>;

export interface Statement {
  /** What the parser read (before schema defaults): only the keys stated count. */
  input: CaseInputJson;
  at: Date;
  by: Actor;
  seq: number;
  assumptions?: readonly ParseAssumption[];
  /** The message corrects earlier values rather than reporting a change. */
  correction?: boolean;
}

export interface MergeResult {
  values: CaseValues;
  /** Fields this statement set (or cleared, as part of a group) whose value differs from before. */
  changed: CaseField[];
  /** Fields this statement stated, changed or not. */
  stated: CaseField[];
  /** Fields whose value comes from an earlier statement. */
  carried: CaseField[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Merge one statement into the case's values. The latest statement wins per field; a field that belongs to a group
 * (tumour burden, performance status) replaces its whole group, so two scans are never mixed. A correction
 * records what it replaced, so history can tell a corrected value from a clinical change.
 */
export function mergeStatement(current: CaseValues, statement: Statement): MergeResult {
  const statedFields = (Object.keys(statement.input) as CaseField[]).filter((f) => CASE_FIELDS.includes(f));
  const values: CaseValues = { ...current };
  const touched = new Set<CaseField>();
  for (const field of statedFields) for (const f of groupOf(field)) touched.add(f);
  for (const f of touched) delete values[f];

  const at = statement.at.toISOString();
  for (const field of statedFields) {
    const value = (statement.input as Record<string, unknown>)[field];
    const previous = current[field];
    const assumption = statement.assumptions?.find((a) => a.field === field)?.message;
    const corrects =
      statement.correction && previous && !same(previous.value, value)
        ? { value: previous.value, statedAt: previous.statedAt, statedBy: previous.statedBy }
        : undefined;
    values[field] = {
      value,
      statedAt: at,
      statedBy: statement.by,
      seq: statement.seq,
      ...(assumption ? { assumption } : {}),
      ...(corrects ? { corrects } : {}),
    };
  }

  const changed = [...touched].filter((f) => !same(current[f]?.value, values[f]?.value));
  const carried = (Object.keys(values) as CaseField[]).filter((f) => !touched.has(f));
  return { values, changed, stated: statedFields, carried };
}

/** The case's current input: each field's latest value, as the parser would have written it. */
export function mergedInput(values: CaseValues): CaseInputJson {
  const input: Record<string, unknown> = {};
  for (const field of CASE_FIELDS) {
    const stated = values[field];
    if (stated) input[field] = stated.value;
  }
  return input as CaseInputJson;
}
