import type { KnownBlock, ModalView } from '@slack/types';
import type { DecisionFormJson } from '../../cases/decision.js';
import {
  DECISION_OUTCOMES,
  type Decision,
  MISSING_ITEMS,
  MISSING_LABELS,
  OUTCOME_LABELS,
  SPECIALTIES,
  SPECIALTY_LABELS,
} from '../../cases/decisionSchema.js';
import type { Problem } from '../../cases/decisionScreen.js';
import type { BclcStage } from '../../clinical/assessment.js';
import {
  TREATMENT_OPTION_LABELS,
  type TreatmentOptionId,
  TreatmentOptionIdSchema,
} from '../../clinical/treatmentOptionIds.js';
import { context } from '../../render/mrkdwn.js';
import { DECISION_MODAL_CALLBACK_ID, type ModalTarget } from './actions.js';
import {
  checkboxes,
  type ModalValues,
  modal,
  modalErrors,
  option,
  radios,
  readChecked,
  readChoice,
  readText,
  readUsers,
  staticSelect,
  textInput,
} from './modalKit.js';

/** The decision modal: the structured outcome form the case card's *Record decision* opens. */

export const DECISION_BLOCK = {
  outcome: 'decision_outcome',
  treatment: 'decision_treatment',
  treatmentOther: 'decision_treatment_other',
  missing: 'decision_missing',
  missingOther: 'decision_missing_other',
  rationale: 'decision_rationale',
  preference: 'decision_preference',
  specialties: 'decision_specialties',
  dissenters: 'decision_dissenters',
  dissentReason: 'decision_dissent_reason',
  amendReason: 'decision_amend_reason',
} as const;

const OTHER = 'other';
const NO_PHI = 'No names, record numbers or dates of birth: the record keeps none.';

export interface DecisionModalInput {
  target: ModalTarget;
  stage: BclcStage | null;
  /** The case's BCLC options, in the order the summary shows them. */
  options: readonly TreatmentOptionId[];
  /** When amending: the version amended (its values are not pre-filled into free text; the form starts clean). */
  amending?: Pick<Decision, 'version'>;
}

export function buildDecisionModal(input: DecisionModalInput): ModalView {
  const { target, stage, options } = input;
  const treatmentOptions = [
    ...options.map((id) => option(id, TREATMENT_OPTION_LABELS[id])),
    option(OTHER, 'Other (type it below)'),
  ];
  const blocks: KnownBlock[] = [
    context(
      `Case *${target.caseId}* · ${stage ? `BCLC ${stage}` : 'not staged yet'}. The stage and key scores are kept with the decision as they are now. ${NO_PHI}`,
    ),
    radios(
      DECISION_BLOCK.outcome,
      'Outcome',
      DECISION_OUTCOMES.map((o) => option(o, OUTCOME_LABELS[o])),
      false,
    ),
    staticSelect(DECISION_BLOCK.treatment, "Treatment (from this case's BCLC options)", treatmentOptions),
    textInput(DECISION_BLOCK.treatmentOther, 'Other treatment', {
      max: 200,
      placeholder: 'e.g. TACE then reassess',
    }),
    checkboxes(
      DECISION_BLOCK.missing,
      'Deferred: what is missing',
      MISSING_ITEMS.map((m) => option(m, MISSING_LABELS[m][0]!.toUpperCase() + MISSING_LABELS[m].slice(1))),
      'Only for a deferred outcome. The case comes back on the agenda when the labs, imaging or ECOG arrive.',
    ),
    textInput(DECISION_BLOCK.missingOther, 'Missing: other', { max: 300 }),
    textInput(DECISION_BLOCK.rationale, 'Rationale', { multiline: true, max: 3000, hint: NO_PHI }),
    radios(DECISION_BLOCK.preference, "Patient's preference discussed?", [
      option('yes', 'Yes'),
      option('no', 'No'),
    ]),
    checkboxes(
      DECISION_BLOCK.specialties,
      'Specialties present',
      SPECIALTIES.map((s) => option(s, SPECIALTY_LABELS[s])),
      'The core HCC MDT is hepatology, surgery, radiology and oncology; the decision notes any that is absent.',
    ),
    {
      type: 'input',
      block_id: DECISION_BLOCK.dissenters,
      optional: true,
      label: { type: 'plain_text', text: 'Dissent: who' },
      element: { type: 'multi_users_select', action_id: 'users', max_selected_items: 20 },
    },
    textInput(DECISION_BLOCK.dissentReason, 'Dissent: why', { multiline: true, max: 1000 }),
  ];
  if (input.amending) {
    blocks.push(
      textInput(DECISION_BLOCK.amendReason, `Why amend version ${input.amending.version}?`, {
        optional: false,
        max: 1000,
        hint: 'Both versions stay in the record.',
      }),
    );
  }
  return modal(
    DECISION_MODAL_CALLBACK_ID,
    input.amending ? 'Amend MDT decision' : 'Record MDT decision',
    input.amending ? 'Amend' : 'Record',
    JSON.stringify(target),
    blocks,
  );
}

export type DecisionModalReading =
  | { ok: true; form: DecisionFormJson; amendReason: string | undefined }
  | { ok: false; errors: Record<string, string> };

/** The modal's state as a decision form; only what the modal itself can tell is checked here. */
export function readDecisionModal(values: ModalValues): DecisionModalReading {
  const errors: Record<string, string> = {};
  const outcome = readChoice(values, DECISION_BLOCK.outcome);
  if (!outcome) errors[DECISION_BLOCK.outcome] = 'Choose an outcome';
  const chosen = readChoice(values, DECISION_BLOCK.treatment);
  const other = readText(values, DECISION_BLOCK.treatmentOther);
  let treatment: DecisionFormJson['treatment'];
  if (chosen && chosen !== OTHER) {
    const idParsed = TreatmentOptionIdSchema.safeParse(chosen);
    if (idParsed.success) treatment = { kind: 'option', id: idParsed.data };
    if (other)
      errors[DECISION_BLOCK.treatmentOther] =
        'Choose "Other" above to give the treatment as text, or clear this';
  } else if (other) {
    treatment = { kind: 'other', text: other };
  } else if (chosen === OTHER) {
    errors[DECISION_BLOCK.treatmentOther] = 'Type the treatment';
  }
  const preference = readChoice(values, DECISION_BLOCK.preference);
  const dissenters = readUsers(values, DECISION_BLOCK.dissenters);
  const dissentReason = readText(values, DECISION_BLOCK.dissentReason);
  if (dissenters.length > 0 && !dissentReason) errors[DECISION_BLOCK.dissentReason] = 'Say why they disagree';
  if (dissentReason && dissenters.length === 0) errors[DECISION_BLOCK.dissenters] = 'Choose who disagrees';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  const form: DecisionFormJson = {
    outcome: outcome as DecisionFormJson['outcome'],
    ...(treatment ? { treatment } : {}),
    missing: readChecked(values, DECISION_BLOCK.missing) as DecisionFormJson['missing'],
    ...(readText(values, DECISION_BLOCK.missingOther)
      ? { missingOther: readText(values, DECISION_BLOCK.missingOther) }
      : {}),
    ...(readText(values, DECISION_BLOCK.rationale)
      ? { rationale: readText(values, DECISION_BLOCK.rationale) }
      : {}),
    ...(preference ? { patientPreferenceDiscussed: preference === 'yes' } : {}),
    specialties: readChecked(values, DECISION_BLOCK.specialties) as DecisionFormJson['specialties'],
    dissent: dissenters.length > 0 && dissentReason ? [{ members: dissenters, reason: dissentReason }] : [],
  };
  return { ok: true, form, amendReason: readText(values, DECISION_BLOCK.amendReason) };
}

/** Where a domain problem is shown in the modal. */
export function decisionBlockFor(path: string): string | undefined {
  const head = path.split('.')[0]!;
  if (head === 'dissent')
    return path.includes('members') ? DECISION_BLOCK.dissenters : DECISION_BLOCK.dissentReason;
  if (head === 'treatment') return DECISION_BLOCK.treatment;
  if (head === 'reason') return DECISION_BLOCK.amendReason;
  if (head === 'patientPreferenceDiscussed') return DECISION_BLOCK.preference;
  return (DECISION_BLOCK as Record<string, string>)[head];
}

export const decisionModalErrors = (problems: readonly Problem[]) =>
  modalErrors(problems, decisionBlockFor, DECISION_BLOCK.outcome);
