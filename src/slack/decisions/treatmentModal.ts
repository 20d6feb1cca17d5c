import type { KnownBlock, ModalView } from '@slack/types';
import type { Problem } from '../../cases/decisionScreen.js';
import type { TreatmentFormJson } from '../../cases/followUpTreatment.js';
import {
  TREATMENT_OPTION_LABELS,
  type TreatmentOptionId,
  TreatmentOptionIdSchema,
} from '../../clinical/treatmentOptionIds.js';
import { context, esc } from '../../render/mrkdwn.js';
import { type ModalTarget, TREATMENT_MODAL_CALLBACK_ID } from './actions.js';
import {
  type ModalValues,
  modal,
  modalErrors,
  option,
  readChoice,
  readDate,
  readText,
  staticSelect,
  textInput,
} from './modalKit.js';

/** *Record treatment given*: the treatment and its date; a reason when it differs from the decision. */

export const TREATMENT_BLOCK = {
  treatment: 'treatment_choice',
  other: 'treatment_other',
  on: 'treatment_on',
  reason: 'treatment_reason',
} as const;

const OTHER = 'other';

export function buildTreatmentModal(
  target: ModalTarget,
  options: readonly TreatmentOptionId[],
  decided: string | null,
): ModalView {
  const choices = [...new Set<TreatmentOptionId>([...options, 'best-supportive-care'])];
  const blocks: KnownBlock[] = [
    context(
      `Case *${target.caseId}* · decision: ${decided ? esc(decided) : 'none recorded'}. If the treatment differs, say why (patient choice, comorbidity, new information).`,
    ),
    staticSelect(
      TREATMENT_BLOCK.treatment,
      'Treatment given',
      [
        ...choices.map((id) => option(id, TREATMENT_OPTION_LABELS[id])),
        option(OTHER, 'Other (type it below)'),
      ],
      false,
    ),
    textInput(TREATMENT_BLOCK.other, 'Other treatment', { max: 200 }),
    {
      type: 'input',
      block_id: TREATMENT_BLOCK.on,
      label: { type: 'plain_text', text: 'Given (or started) on' },
      element: { type: 'datepicker', action_id: 'date' },
    },
    textInput(TREATMENT_BLOCK.reason, 'Why it differs from the decision', {
      multiline: true,
      max: 1000,
      hint: 'Needed only when it differs. No names, record numbers or dates of birth.',
    }),
  ];
  return modal(TREATMENT_MODAL_CALLBACK_ID, 'Record treatment', 'Record', JSON.stringify(target), blocks);
}

export type TreatmentModalReading =
  | { ok: true; form: TreatmentFormJson }
  | { ok: false; errors: Record<string, string> };

export function readTreatmentModal(values: ModalValues): TreatmentModalReading {
  const chosen = readChoice(values, TREATMENT_BLOCK.treatment);
  const other = readText(values, TREATMENT_BLOCK.other);
  const on = readDate(values, TREATMENT_BLOCK.on);
  const errors: Record<string, string> = {};
  let treatment: TreatmentFormJson['treatment'] | undefined;
  if (chosen === OTHER || (!chosen && other)) {
    if (other) treatment = { kind: 'other', text: other };
    else errors[TREATMENT_BLOCK.other] = 'Type the treatment';
  } else if (chosen) {
    const id = TreatmentOptionIdSchema.safeParse(chosen);
    if (id.success) treatment = { kind: 'option', id: id.data };
    if (other)
      errors[TREATMENT_BLOCK.other] = 'Choose "Other" above to give the treatment as text, or clear this';
  } else errors[TREATMENT_BLOCK.treatment] = 'Choose the treatment given';
  if (!on) errors[TREATMENT_BLOCK.on] = 'Pick the date';
  if (Object.keys(errors).length > 0 || !treatment || !on) return { ok: false, errors };
  const reason = readText(values, TREATMENT_BLOCK.reason);
  return { ok: true, form: { treatment, on, ...(reason ? { reason } : {}) } };
}

export const treatmentModalErrors = (problems: readonly Problem[]) =>
  modalErrors(
    problems,
    (p) => (TREATMENT_BLOCK as Record<string, string>)[p.split('.')[0]!],
    TREATMENT_BLOCK.treatment,
  );
