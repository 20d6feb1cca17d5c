import type { CaseId } from '../../cases/caseId.js';
import type { LOCAL_SCOPE } from '../../cases/record.js';
import type { Store } from '../../store/openStore.js';
import { reportInvalid } from '../invalid.js';
import type { CliIo } from '../io.js';

/** What every `hcc-mdt case` subcommand gets once the store is open: its own file so they need not import `case.ts`. */
export interface CaseContext {
  store: Store;
  io: CliIo;
  json: boolean;
  now: Date;
  scope: typeof LOCAL_SCOPE;
}

/** Exit 2 with the same words for every command given an ID the store does not know. */
export function unknownCase(ctx: CaseContext, id: CaseId): number {
  return reportInvalid(ctx.io, ctx.json, [
    { path: '<id>', message: `no case ${id} in this store (hcc-mdt case list shows the cases here)` },
  ]);
}
