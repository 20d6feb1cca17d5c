import { z } from 'zod';
import { CaseIdSchema } from './caseId.js';
import { CaseValuesSchema, InstantSchema } from './values.js';

/**
 * Where a case lives. A Slack case belongs to one channel of one workspace and one thread; an offline case
 * (the CLI) belongs to the local scope. A case is only ever looked up within its scope: asked from another
 * channel it does not exist.
 */
export const CaseScopeSchema = z.strictObject({
  teamId: z.string().min(1).max(32),
  channelId: z.string().min(1).max(32),
});
export type CaseScope = z.infer<typeof CaseScopeSchema>;

/** The scope of the offline CLI's cases. */
export const LOCAL_SCOPE: CaseScope = { teamId: 'local', channelId: 'cli' };

export const CaseRecordSchema = z.strictObject({
  id: CaseIdSchema,
  scope: CaseScopeSchema,
  /** The Slack thread (parent message ts); null for offline cases. */
  threadTs: z.string().nullable(),
  createdAt: InstantSchema,
  /** Last time anything was added; retention counts from here. */
  lastActivityAt: InstantSchema,
  /** The number of the latest snapshot (0 before the first assessment). */
  lastSeq: z.number().int().min(0),
  values: CaseValuesSchema,
});
export type CaseRecord = z.infer<typeof CaseRecordSchema>;

/** One line of `case list`. */
export const CaseSummarySchema = CaseRecordSchema.pick({
  id: true,
  createdAt: true,
  lastActivityAt: true,
  lastSeq: true,
}).extend({ bclc: z.string().nullable() });
export type CaseSummary = z.infer<typeof CaseSummarySchema>;
