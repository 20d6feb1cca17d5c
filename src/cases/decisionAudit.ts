import { z } from 'zod';

/**
 * What the decision, follow-up, treatment and agenda operations add to the case's append-only audit: who did
 * what to which record, and when. Never a value typed as free text.
 */
export const DECISION_AUDIT_ACTIONS = [
  'decision.recorded',
  'decision.amended',
  'decision.signed-off',
  'follow-up.added',
  'follow-up.done',
  'follow-up.snoozed',
  'reminder.sent',
  'treatment.recorded',
  'agenda.added',
  'meetings.set',
] as const;
export const DecisionAuditActionSchema = z.enum(DECISION_AUDIT_ACTIONS);
export type DecisionAuditAction = z.infer<typeof DecisionAuditActionSchema>;

export const DecisionAuditEventSchema = z.strictObject({
  action: DecisionAuditActionSchema,
  caseId: z.string(),
  /** The decision version, follow-up, treatment or agenda item acted on (opaque id). */
  subjectId: z.string(),
  actor: z.string(),
  at: z.iso.datetime(),
});
export type DecisionAuditEvent = z.infer<typeof DecisionAuditEventSchema>;
