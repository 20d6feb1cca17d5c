import { z } from 'zod';
import { ActorSchema, InstantSchema } from './values.js';

/**
 * The append-only audit: who did what to which case, when. It names fields, never values and never typed text,
 * so it may outlive the case it describes (a purge leaves its own entry). Actions are "noun.verb"; the ones
 * the case record writes are listed here, and other parts of the case layer add their own.
 */
export const CASE_ACTIONS = {
  created: 'case.created',
  stated: 'values.stated',
  corrected: 'values.corrected',
  snapshot: 'snapshot.recorded',
  deleted: 'case.deleted',
  purged: 'case.purged',
  exported: 'audit.exported',
} as const;

export const AuditActionSchema = z
  .string()
  .regex(/^[a-z][a-z-]*\.[a-z][a-z-]*$/, 'must look like "case.created"');

export const AuditEntrySchema = z.strictObject({
  caseId: z.string(),
  at: InstantSchema,
  actor: ActorSchema,
  action: AuditActionSchema,
  /** The fields concerned, by name only ("ecog", "outcome"): a name, never a value. */
  fields: z.array(z.string().regex(/^[A-Za-z][A-Za-z0-9]*$/, 'must be a field name')),
  /** The snapshot concerned, when there is one. */
  seq: z.number().int().min(1).nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
