import { z } from 'zod';

/**
 * The buttons and modals of decisions, follow-ups, treatments and the agenda: their ids and the small JSON their
 * values carry (opaque ids only, never typed text). Listeners parse values with these schemas, so what is rendered
 * and what is read back cannot drift apart.
 */

export const ACTION_RECORD_DECISION = 'hcc_decision_record';
export const ACTION_SIGN_OFF = 'hcc_decision_sign_off';
export const ACTION_AMEND_DECISION = 'hcc_decision_amend';
export const ACTION_ADD_FOLLOW_UP = 'hcc_follow_up_add';
export const ACTION_RECORD_TREATMENT = 'hcc_treatment_record';
export const ACTION_ADD_TO_MEETING = 'hcc_agenda_add';
export const ACTION_POST_AGENDA = 'hcc_agenda_post';
export const ACTION_REMINDER_DONE = 'hcc_reminder_done';
export const ACTION_REMINDER_SNOOZE_DAY = 'hcc_reminder_snooze_day';
export const ACTION_REMINDER_SNOOZE_WEEK = 'hcc_reminder_snooze_week';

export const DECISION_MODAL_CALLBACK_ID = 'hcc_decision_modal';
export const FOLLOW_UP_MODAL_CALLBACK_ID = 'hcc_follow_up_modal';
export const TREATMENT_MODAL_CALLBACK_ID = 'hcc_treatment_modal';

const id = z.string().regex(/^[A-Za-z0-9_.:-]{1,80}$/);

/** A button about one case. */
export const CaseButtonValueSchema = z.strictObject({ caseId: id });
export type CaseButtonValue = z.infer<typeof CaseButtonValueSchema>;

/** A button about one decision version (sign off, amend). */
export const DecisionButtonValueSchema = z.strictObject({ caseId: id, decision: id });
export type DecisionButtonValue = z.infer<typeof DecisionButtonValueSchema>;

/** The agenda's "Post to channel": which meeting (the agenda is built afresh when pressed). */
export const AgendaButtonValueSchema = z.strictObject({ meeting: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) });
export type AgendaButtonValue = z.infer<typeof AgendaButtonValueSchema>;

/** A button on a reminder. */
export const ReminderButtonValueSchema = z.strictObject({ caseId: id, followUp: id });
export type ReminderButtonValue = z.infer<typeof ReminderButtonValueSchema>;

/** What a modal remembers between opening and submit (`private_metadata`). */
export const ModalTargetSchema = z.strictObject({
  caseId: id,
  channel: id,
  threadTs: id.nullable(),
  /** The decision version being amended, for the decision modal. */
  amends: id.optional(),
});
export type ModalTarget = z.infer<typeof ModalTargetSchema>;

export function readValue<T>(schema: z.ZodType<T>, raw: string | undefined): T | null {
  try {
    const parsed = schema.safeParse(JSON.parse(raw ?? ''));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
