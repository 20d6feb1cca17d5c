import { z } from 'zod';
import { isSlackUserId } from '../text/slackIds.js';
import type { AuditEntry } from './audit.js';

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
  'agenda.posted',
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

/** The actor of what the app does on its own (a reminder or an agenda posted on its day). */
export const APP_ACTOR = 'app';

/**
 * The case audit entry for one event. The audit names who acted as the case record does: a Slack user ID, "app"
 * for what the app posts on its own, or "cli" for the offline command (the decision itself keeps the initials or
 * role typed with `--by`). `fields` names what was set, never its value.
 */
export function decisionAuditEntry(event: DecisionAuditEvent, fields: readonly string[]): AuditEntry {
  return {
    caseId: event.caseId,
    at: event.at,
    actor: isSlackUserId(event.actor) || event.actor === APP_ACTOR ? event.actor : 'cli',
    action: event.action,
    fields: [...fields],
    seq: null,
  };
}
