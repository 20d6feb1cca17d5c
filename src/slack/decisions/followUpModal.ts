import type { KnownBlock, ModalView } from '@slack/types';
import type { Problem } from '../../cases/decisionScreen.js';
import { DUE_EXAMPLES, type FollowUpFormJson } from '../../cases/followUp.js';
import { context } from '../../render/mrkdwn.js';
import { FOLLOW_UP_MODAL_CALLBACK_ID, type ModalTarget } from './actions.js';
import { type ModalValues, modal, modalErrors, readDate, readText, readUser, textInput } from './modalKit.js';

/** *Add follow-up*: what, who (optional) and when, as a duration or from the date picker. */

export const FOLLOW_UP_BLOCK = {
  task: 'follow_up_task',
  due: 'follow_up_due',
  date: 'follow_up_date',
  assignee: 'follow_up_assignee',
} as const;

export function buildFollowUpModal(target: ModalTarget, timezone: string): ModalView {
  const blocks: KnownBlock[] = [
    context(
      `Case *${target.caseId}*. A reminder is posted in the thread on the due date (${timezone}; a weekend date is reminded on the Friday before). No names, record numbers or dates of birth.`,
    ),
    textInput(FOLLOW_UP_BLOCK.task, 'What', {
      optional: false,
      max: 300,
      placeholder: 'e.g. CT after 2 cycles',
    }),
    textInput(FOLLOW_UP_BLOCK.due, 'When', {
      max: 100,
      placeholder: 'in 6 weeks',
      hint: `For example ${DUE_EXAMPLES.replace(/`/g, '')}; or pick a date below.`,
    }),
    {
      type: 'input',
      block_id: FOLLOW_UP_BLOCK.date,
      optional: true,
      label: { type: 'plain_text', text: 'Or due on' },
      element: { type: 'datepicker', action_id: 'date' },
    },
    {
      type: 'input',
      block_id: FOLLOW_UP_BLOCK.assignee,
      optional: true,
      label: { type: 'plain_text', text: 'Who (optional)' },
      element: { type: 'users_select', action_id: 'user' },
    },
  ];
  return modal(FOLLOW_UP_MODAL_CALLBACK_ID, 'Add follow-up', 'Add', JSON.stringify(target), blocks);
}

export type FollowUpModalReading =
  | { ok: true; form: FollowUpFormJson }
  | { ok: false; errors: Record<string, string> };

export function readFollowUpModal(values: ModalValues): FollowUpModalReading {
  const task = readText(values, FOLLOW_UP_BLOCK.task) ?? '';
  const dueText = readText(values, FOLLOW_UP_BLOCK.due);
  const date = readDate(values, FOLLOW_UP_BLOCK.date);
  if (dueText && date)
    return {
      ok: false,
      errors: { [FOLLOW_UP_BLOCK.due]: 'Give the time here or pick a date below, not both' },
    };
  if (!dueText && !date)
    return {
      ok: false,
      errors: { [FOLLOW_UP_BLOCK.due]: 'Say when, e.g. "in 6 weeks", or pick a date below' },
    };
  const assignee = readUser(values, FOLLOW_UP_BLOCK.assignee);
  return { ok: true, form: { task, due: (dueText ?? date)!, ...(assignee ? { assignee } : {}) } };
}

export const followUpModalErrors = (problems: readonly Problem[]) =>
  modalErrors(
    problems,
    (p) => (FOLLOW_UP_BLOCK as Record<string, string>)[p.split('.')[0]!],
    FOLLOW_UP_BLOCK.task,
  );
