import type { MrecistInput, MrecistResult } from '../clinical/assessment.js';
import type { TreatmentOptionId } from '../clinical/treatmentOptionIds.js';
import type { ParseIssue, ParseResult } from '../parse/parseResult.js';
import type { PipelineOptions, PipelineOutcome, StructuredOutcome } from '../pipeline.js';
import type { SearchResult as ReferenceSearchResult } from '../references/search.js';
import type { MrecistMessageOptions } from '../render/mrecist.js';
import type { SlackMessage } from '../render/slackMessage.js';
import type { SummaryOutcome } from '../render/summaryModel.js';

/**
 * What the Slack doors need from the rest of the system: the pipeline, the mRECIST parser and calculator,
 * the reference lookup and the renderers. Listeners receive this object instead of importing the modules, so
 * tests can drive the real app with fakes. `defaultServices.ts` holds the real modules, and `main.ts` (the
 * composition root) passes them to `createApp`.
 */

export type { SummaryView } from '../render/actions.js';

import type { SummaryView } from '../render/actions.js';
export type AssessedOutcome = Extract<PipelineOutcome, { status: 'assessed' }>;
export type NotAssessedReason = Extract<PipelineOutcome, { status: 'not-assessed' }>['reason'];

export type MrecistParse =
  | { ok: true; input: MrecistInput }
  | { ok: false; errors: ParseIssue[]; notUnderstood: ParseResult['notUnderstood'] };

export interface SummaryOptions {
  view?: SummaryView;
  /** Slack user id of the person who pressed Share. */
  sharedBy?: string;
  /** Adds the "Share with channel" button. */
  shareable?: boolean;
}

export interface Services {
  assessText(text: string, options: PipelineOptions): PipelineOutcome;
  assessCaseInput(raw: unknown): StructuredOutcome;
  parseMrecist(text: string): MrecistParse;
  mrecist(input: MrecistInput): MrecistResult;
  /** The references found and, when none, suggestions; the door passes them on to `render.references`. */
  searchReferences(query: string, limit?: number): ReferenceSearchResult;
  render: {
    /** An assessed outcome, or a re-assessed one with the notes its button carried. */
    summary(outcome: SummaryOutcome, options: SummaryOptions): SlackMessage;
    problems(parse: ParseResult, reason: NotAssessedReason): SlackMessage;
    privacy(parse: ParseResult): SlackMessage | null;
    /** The fragments of an assessed message that were ignored, named for its author only; null when none. */
    ignored(parse: ParseResult): SlackMessage | null;
    help(options: { withFormButton: boolean }): SlackMessage;
    mrecist(result: MrecistResult, options: MrecistMessageOptions): SlackMessage;
    evidence(optionIds: readonly TreatmentOptionId[], stage?: string): SlackMessage;
    references(query: string, found: ReferenceSearchResult): SlackMessage;
  };
}
