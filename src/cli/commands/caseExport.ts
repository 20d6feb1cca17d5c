import type { CaseId } from '../../cases/caseId.js';
import { DEFAULT_BASE_URL, ExportOptionsSchema } from '../../fhir/context.js';
import { exportCase } from '../../fhir/load.js';
import { KyselyDecisionRepository } from '../../store/decisionRepository.js';
import { reportInvalid, writeJson } from '../invalid.js';
import { EXIT_OK } from '../io.js';
import { type CaseContext, unknownCase } from './caseContext.js';

/** The installation's FHIR base URL: names it in every fullUrl and in the Patient's identifier system. */
export const FHIR_BASE_ENV = 'HCC_MDT_FHIR_BASE_URL';

/** `case export <id> --fhir`: the case as a FHIR R4 collection Bundle on stdout, recorded in the case's audit. */
export async function caseExport(ctx: CaseContext, id: CaseId, fhir: boolean): Promise<number> {
  if (!fhir)
    return reportInvalid(ctx.io, ctx.json, [
      { path: '(arguments)', message: 'case export needs a format; the one there is: --fhir' },
    ]);
  const baseUrl = ctx.io.env[FHIR_BASE_ENV]?.trim() || DEFAULT_BASE_URL;
  const checked = ExportOptionsSchema.shape.baseUrl.safeParse(baseUrl);
  if (!checked.success)
    return reportInvalid(ctx.io, ctx.json, [
      { path: FHIR_BASE_ENV, message: checked.error.issues[0]?.message ?? 'is not a URL' },
    ]);
  const out = await exportCase(
    {
      cases: ctx.store.cases,
      audit: ctx.store.audit,
      decisions: new KyselyDecisionRepository(ctx.store.db, ctx.store.dialect),
    },
    { id, scope: ctx.scope, by: 'cli', now: ctx.now, baseUrl: checked.data },
  );
  if (!out.ok) return unknownCase(ctx, id);
  writeJson(ctx.io, out.bundle);
  return EXIT_OK;
}
