import type { Bundle } from '@medplum/fhirtypes';
import type { AuditEntry } from '../cases/audit.js';
import type { CaseId } from '../cases/caseId.js';
import type { DecisionRepository } from '../cases/decisionRepository.js';
import { latestDecision } from '../cases/decisionSignOff.js';
import type { CaseScope } from '../cases/record.js';
import type { AuditLog, CaseRepository } from '../cases/repository.js';
import type { Actor } from '../cases/values.js';
import { caseBundle } from './bundle.js';
import { type ExportOptions, ExportOptionsSchema } from './context.js';
import type { FhirCase } from './input.js';

/** What the export reads: the case record, and the decisions layer's records when the store has them. */
export interface FhirSources {
  cases: Pick<CaseRepository, 'get' | 'snapshots'>;
  decisions: Pick<DecisionRepository, 'decisions' | 'followUps' | 'treatments'> | null;
}

/** The case as the export reads it, or null when the case does not exist in this scope. */
export async function loadFhirCase(
  sources: FhirSources,
  id: CaseId,
  scope: CaseScope,
): Promise<FhirCase | null> {
  const record = await sources.cases.get(id, scope);
  if (!record) return null;
  const [snapshots, decisions, followUps, treatments] = await Promise.all([
    sources.cases.snapshots(id, scope),
    sources.decisions?.decisions(id, scope) ?? [],
    sources.decisions?.followUps(id, scope) ?? [],
    sources.decisions?.treatments(id, scope) ?? [],
  ]);
  return {
    caseId: record.id,
    values: record.values,
    snapshot: snapshots.at(-1) ?? null,
    decision: latestDecision(decisions),
    followUps,
    treatments,
  };
}

/** The audit action of an export. It names no field: the export reads the whole case. */
export const FHIR_EXPORT_ACTION = 'fhir.exported';

export type ExportOutcome = { ok: true; bundle: Bundle } | { ok: false; reason: 'not-found' };

/**
 * Load, build, and record the export in the case's audit (who, when; never what the bundle holds). The audit is
 * written before the bundle is handed out, so an export that is delivered is always in the audit.
 */
export async function exportCase(
  sources: FhirSources & { audit: Pick<AuditLog, 'append'> },
  request: { id: CaseId; scope: CaseScope; by: Actor; now: Date; baseUrl: string },
): Promise<ExportOutcome> {
  const c = await loadFhirCase(sources, request.id, request.scope);
  if (!c) return { ok: false, reason: 'not-found' };
  const options: ExportOptions = ExportOptionsSchema.parse({
    baseUrl: request.baseUrl,
    exportedAt: request.now.toISOString(),
  });
  const bundle = caseBundle(c, options);
  const entry: AuditEntry = {
    caseId: c.caseId,
    at: request.now.toISOString(),
    actor: request.by,
    action: FHIR_EXPORT_ACTION,
    fields: [],
    seq: c.snapshot?.seq ?? null,
  };
  await sources.audit.append([entry], request.scope);
  return { ok: true, bundle };
}
