import { z } from 'zod';
import { TreatmentOptionIdSchema } from '../clinical/treatmentOptionIds.js';

/**
 * The interactive elements the renderers put into messages: their action ids and the JSON their button values
 * carry. The Slack listeners parse a button's value with these schemas, so what is rendered and what is read
 * back cannot drift apart.
 */

export const ACTION_SHOW_EVIDENCE = 'hcc_show_evidence';
export const ACTION_SHARE = 'hcc_share';
export const ACTION_OPEN_FORM = 'hcc_open_form';

export const SummaryViewSchema = z.enum(['full', 'albi', 'childpugh', 'meld', 'bclc', 'transplant']);
export type SummaryView = z.infer<typeof SummaryViewSchema>;

/** Value of the "Show evidence" button: `{"stage":"B","options":["tace", …]}`. */
export const ShowEvidenceValueSchema = z.object({
  stage: z.enum(['0', 'A', 'B', 'C', 'D']).optional(),
  options: z.array(TreatmentOptionIdSchema).max(40),
});
export type ShowEvidenceValue = z.infer<typeof ShowEvidenceValueSchema>;

/**
 * Value of the "Share with channel" button. It carries the validated CaseInput (never the text the user typed),
 * the parser's assumption messages (a structured re-assessment has none of its own), and the view. `input` is
 * left `unknown` here: the listener validates it with `CaseInputSchema` through `assessCaseInput`.
 */
export const ShareValueSchema = z.object({
  v: z.literal(1),
  input: z.record(z.string(), z.unknown()),
  assumptions: z.array(z.string()).default([]),
  view: SummaryViewSchema.default('full'),
});
export type ShareValue = z.infer<typeof ShareValueSchema>;

/**
 * The parser assumptions a share value carries, as `ParseResult['assumptions']` for the re-rendered summary (a
 * structured re-assessment has none of its own). The field is not carried, so it is marked "shared".
 */
export function sharedAssumptions(value: ShareValue): { field: string; message: string }[] {
  return value.assumptions.map((message) => ({ field: 'shared', message }));
}
