import type { Button, ContextBlock } from '@slack/types';
import { z } from 'zod';
import { MrecistInputSchema } from '../clinical/assessment.js';
import { TreatmentOptionIdSchema } from '../clinical/treatmentOptionIds.js';
import { context, mention } from './mrkdwn.js';
import { NO_PARSE_NOTES, type ParseNotes, type StatedScoreNote } from './parseNotes.js';

/**
 * The interactive elements the renderers put into messages: their action ids and the JSON their button values
 * carry. The Slack listeners parse a button's value with these schemas, so what is rendered and what is read
 * back cannot drift apart.
 */

export const ACTION_SHOW_EVIDENCE = 'hcc_show_evidence';
export const ACTION_SHARE = 'hcc_share';
export const ACTION_OPEN_FORM = 'hcc_open_form';
export const ACTION_ALL_SCORES = 'hcc_all_scores';
export const ACTION_SHARE_MRECIST = 'hcc_share_mrecist';

/** `full` is the answer (first reply); `details` is what the *All scores* button shows; the rest are focused views. */
export const SummaryViewSchema = z.enum([
  'full',
  'details',
  'albi',
  'childpugh',
  'meld',
  'bclc',
  'transplant',
]);
export type SummaryView = z.infer<typeof SummaryViewSchema>;

/** Value of the "Show evidence" button: `{"stage":"B","options":["tace", …]}`. */
export const ShowEvidenceValueSchema = z.object({
  stage: z.enum(['0', 'A', 'B', 'C', 'D']).optional(),
  options: z.array(TreatmentOptionIdSchema).max(40),
});
export type ShowEvidenceValue = z.infer<typeof ShowEvidenceValueSchema>;

/**
 * Value of the "Share with channel" and "All scores" buttons. It carries the validated CaseInput (never the text
 * the user typed), the caveats the parser added when the case was typed (`parseCaveats`: assumptions, warnings,
 * ignored fragments; a structured re-assessment has none of its own), the stated-score lines, and the view. `input` is left `unknown`
 * here: the listener validates it with `CaseInputSchema` through `assessCaseInput`.
 */
/** A carried caveat: its message and the input field it is about ('' when none); a bare string is one with no field. */
const CarriedSchema = z.union([
  z.string().transform((message) => ({ field: '', message })),
  z.strictObject({ field: z.string().max(60), message: z.string() }),
]);

/** A carried stated-score line: which score, whether it agreed (null: not computable) and the line as shown. */
const CarriedStatedSchema = z.strictObject({
  score: z.string().max(20),
  agrees: z.boolean().nullable(),
  message: z.string().max(300),
});

export const ShareValueSchema = z.object({
  v: z.literal(1),
  input: z.record(z.string(), z.unknown()),
  assumptions: z.array(CarriedSchema).default([]),
  /** The stated-score lines of the preview ("You wrote CP-B8, but the values give Child-Pugh C10 …"). */
  stated: z.array(CarriedStatedSchema).max(12).default([]),
  view: SummaryViewSchema.default('full'),
});
export type ShareValue = z.infer<typeof ShareValueSchema>;

/**
 * The parse of a re-assessed button value: the caveats the button carried, as parser assumptions, so the
 * re-rendered summary shows exactly the lines the preview showed, each with the field it is about.
 */
export function carriedParse(value: ShareValue): ParseNotes {
  return {
    ...NO_PARSE_NOTES,
    assumptions: value.assumptions.map(({ field, message }) => ({ field, message })),
  };
}

/**
 * Value of the mRECIST "Share with channel" button: the sums as read (numbers only, nothing typed). The listener
 * recomputes the response from them, so the channel sees exactly what the preview showed.
 */
export const MrecistShareValueSchema = z.strictObject({ v: z.literal(1), input: MrecistInputSchema });
export type MrecistShareValue = z.infer<typeof MrecistShareValueSchema>;

/** The "Share with channel" button of a private preview. */
export const shareButton = (value: string, actionId: string = ACTION_SHARE): Button => ({
  type: 'button',
  action_id: actionId,
  text: { type: 'plain_text', text: 'Share with channel' },
  style: 'primary',
  value,
});

/** "Shared by <@U…>" on a shared post; nothing for an id that is no Slack user id. */
export function sharedByBlock(sharedBy: string | undefined): ContextBlock[] {
  const who = sharedBy ? mention(sharedBy) : null;
  return who ? [context(`Shared by ${who}`)] : [];
}

/**
 * What a button carries back into the summary beside the re-assessed case: the parser's caveats and the
 * stated-score lines, so the shared or re-opened summary says exactly what the preview said.
 */
export function carriedNotes(value: ShareValue): { parse: ParseNotes; statedScores: StatedScoreNote[] } {
  return { parse: carriedParse(value), statedScores: value.stated.map((s) => ({ ...s })) };
}
