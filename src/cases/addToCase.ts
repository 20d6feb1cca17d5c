import { assess } from '../clinical/assess.js';
import type { Assessment } from '../clinical/assessment.js';
import { type CaseInput, CaseInputSchema } from '../clinical/caseInput.js';
import type { ParseResult } from '../parse/parseResult.js';
import { type AuditEntry, CASE_ACTIONS } from './audit.js';
import { type CarriedValue, carriedValues } from './carried.js';
import { readCorrection } from './correction.js';
import { assumptionsOf } from './current.js';
import type { CaseField } from './fields.js';
import type { CaseRecord } from './record.js';
import type { CaseRepository } from './repository.js';
import { keyScores, type Snapshot } from './snapshot.js';
import { type Actor, ActorSchema, type CaseValues, mergedInput, mergeStatement } from './values.js';

/**
 * Adding one parsed message to a case: merge its values into the case's, stage the merged input, and produce the
 * snapshot and audit entries to commit. `planAddition` is pure; `addToCase` loads, plans and commits, and plans
 * again from the newer record when another writer committed first (optimistic concurrency: nothing is lost).
 */

export interface AdditionMeta {
  at: Date;
  by: Actor;
}

export type Plan =
  | {
      status: 'assessed';
      values: CaseValues;
      input: CaseInput;
      assessment: Assessment;
      snapshot: Snapshot;
      audit: AuditEntry[];
      /** The message's parse, plus the assumptions carried with earlier values, for the renderers. */
      parse: ParseResult;
      carried: CarriedValue[];
      correction: boolean;
      changed: CaseField[];
    }
  | { status: 'not-assessed'; parse: ParseResult; reason: 'nothing-recognised' | 'parse-errors' }
  /** The merged input fails the schema: a bug worth surfacing (groups keep merged values consistent). */
  | { status: 'invalid'; parse: ParseResult; problems: { path: string; message: string }[] };

export function planAddition(record: CaseRecord, rawParse: ParseResult, meta: AdditionMeta): Plan {
  // The record is read back through the same schema: refuse on the way in what could never be read out.
  ActorSchema.parse(meta.by);
  const { correction, parse } = readCorrection(rawParse);
  if (parse.errors.length > 0) return { status: 'not-assessed', parse, reason: 'parse-errors' };
  if (Object.keys(parse.input).length === 0)
    return { status: 'not-assessed', parse, reason: 'nothing-recognised' };

  const seq = record.lastSeq + 1;
  const merge = mergeStatement(record.values, {
    input: parse.input,
    at: meta.at,
    by: meta.by,
    seq,
    assumptions: parse.assumptions,
    correction,
  });
  const merged = mergedInput(merge.values);
  const checked = CaseInputSchema.safeParse(merged);
  if (!checked.success)
    return {
      status: 'invalid',
      parse,
      problems: checked.error.issues.map((i) => ({
        path: i.path.join('.') || '(input)',
        message: i.message,
      })),
    };
  const assessment = assess(checked.data);
  const at = meta.at.toISOString();
  const corrected = merge.changed.filter((f) => merge.values[f]?.corrects !== undefined);
  const snapshot: Snapshot = {
    caseId: record.id,
    seq,
    at,
    by: meta.by,
    values: merge.values,
    assessment,
    scores: keyScores(assessment, checked.data.afp),
    changed: merge.changed,
    corrected,
  };
  const entry = (action: string, fields: string[], s: number | null = seq): AuditEntry => ({
    caseId: record.id,
    at,
    actor: meta.by,
    action,
    fields,
    seq: s,
  });
  const audit = [
    entry(CASE_ACTIONS.stated, merge.stated),
    ...(corrected.length > 0 ? [entry(CASE_ACTIONS.corrected, corrected)] : []),
    entry(CASE_ACTIONS.snapshot, merge.changed),
  ];
  const carried = carriedValues(merge.values, merge.carried, meta.at);
  const carriedAssumptions = assumptionsOf(merge.values, merge.carried);
  return {
    status: 'assessed',
    values: merge.values,
    input: checked.data,
    assessment,
    snapshot,
    audit,
    parse: { ...parse, assumptions: [...parse.assumptions, ...carriedAssumptions] },
    carried,
    correction,
    changed: merge.changed,
  };
}

export type AddOutcome =
  | (Extract<Plan, { status: 'assessed' }> & { record: CaseRecord })
  | Exclude<Plan, { status: 'assessed' }>
  | { status: 'not-found' };

export interface AddRequest extends AdditionMeta {
  caseId: CaseRecord['id'];
  scope: CaseRecord['scope'];
  parse: ParseResult;
}

/** Load, plan, commit; on a concurrent commit, plan again from the newer record (at most `attempts` times). */
export async function addToCase(cases: CaseRepository, req: AddRequest, attempts = 32): Promise<AddOutcome> {
  for (let i = 0; i < attempts; i++) {
    // After a conflict, wait a little (random, growing) so racing writers stop meeting in lockstep.
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 2 ** i)));
    const record = await cases.get(req.caseId, req.scope);
    if (!record) return { status: 'not-found' };
    const plan = planAddition(record, req.parse, req);
    if (plan.status !== 'assessed') return plan;
    const committed = await cases.commitSnapshot({
      caseId: record.id,
      scope: record.scope,
      expectedSeq: record.lastSeq,
      values: plan.values,
      snapshot: plan.snapshot,
      audit: plan.audit,
    });
    if (committed === 'not-found') return { status: 'not-found' };
    if (committed === 'committed')
      return {
        ...plan,
        record: {
          ...record,
          values: plan.values,
          lastSeq: plan.snapshot.seq,
          lastActivityAt: plan.snapshot.at,
        },
      };
  }
  throw new Error(`case ${req.caseId}: gave up after ${attempts} concurrent updates`);
}
