import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import {
  ACTION_ALL_SCORES,
  ACTION_SHOW_EVIDENCE,
  type ShareValue,
  type ShowEvidenceValue,
  type SummaryView,
  shareButton,
  sharedByBlock,
} from './actions.js';
import { defaultEvidenceSource } from './defaultEvidence.js';
import type { EvidenceSource } from './evidenceSource.js';
import { headline } from './headline.js';
import { BLOCK_KIT_LIMITS, enforceBlockKitLimits } from './limits.js';
import { capLines, context, esc, header, mrkdwn, packLines, section } from './mrkdwn.js';
import type { ScoreItem } from './scoreItems.js';
import type { SlackMessage } from './slackMessage.js';
import { toMrkdwn } from './spans.js';
import {
  DECISION_SUPPORT,
  evaluable,
  parseCaveats,
  type Section,
  type SummaryOutcome,
  summaryModel,
} from './summaryModel.js';

export type { SummaryView } from './actions.js';
export type { SummaryOutcome } from './summaryModel.js';

export interface SummaryOptions {
  view?: SummaryView;
  /** Slack user id of the person who shared the summary to the channel; adds "Shared by <@U…>". */
  sharedBy?: string;
  /** Show the "Share with channel" button (ephemeral copies only). */
  shareable?: boolean;
  /** The evidence base; defaults to the project's references. */
  evidence?: EvidenceSource;
}

/** Block ids of the sections tests and listeners look for (the caveats travel with a shared post). */
export const BLOCK_IDS = { caveats: 'hcc_caveats', actions: 'hcc_summary_actions' } as const;

/** A list longer than this is cut with "…and N more", so one list cannot crowd the others out. */
const LIST_BUDGET = 1500;

const fieldText = (item: ScoreItem) =>
  `*${esc(item.label)}*\n${esc(item.value)}${item.version ? `\n_${esc(item.version)}_` : ''}`;

const scoreLine = (item: ScoreItem) =>
  `*${esc(item.label)}* ${esc(item.value)}${item.version ? `  _${esc(item.version)}_` : ''}`;

/** One model section as blocks: score grids as fields (or lines when short), lists packed into sections. */
function sectionBlocks(s: Section, compactScores: boolean): SectionBlock[] {
  if (s.kind === 'scores') {
    if (compactScores)
      return [section([...(s.title ? [`*${esc(s.title)}*`] : []), ...s.items.map(scoreLine)].join('\n'))];
    const out: SectionBlock[] = [];
    for (let i = 0; i < s.items.length; i += BLOCK_KIT_LIMITS.fieldsPerSection) {
      out.push({
        type: 'section',
        ...(i === 0 && s.title ? { text: mrkdwn(`*${esc(s.title)}*`) } : {}),
        fields: s.items.slice(i, i + BLOCK_KIT_LIMITS.fieldsPerSection).map((it) => mrkdwn(fieldText(it))),
      });
    }
    return out;
  }
  const prefix = s.bullets === 'dot' ? '• ' : s.bullets === 'warning' ? ':warning: ' : '';
  const lines = capLines(
    s.lines.map((l) => prefix + toMrkdwn(l)),
    LIST_BUDGET,
    900,
  );
  const title = s.title ? [`*${esc(s.title)}*`] : [];
  const texts = packLines([...title, ...lines], BLOCK_KIT_LIMITS.sectionText - 100);
  return texts.map((t, i) => section(t, s.id === 'caveats' && i === 0 ? BLOCK_IDS.caveats : undefined));
}

/**
 * The value of the "Share with channel" and "All scores" buttons: the CaseInput (never the typed text), the
 * parser's caveats, the stated-score lines and the view. The caveats are dropped only when the value would pass 2000 characters; the
 * schema's limits keep the CaseInput itself well under that (a test checks the longest valid case), and null
 * means no button.
 */
export function shareValue(outcome: SummaryOutcome, view: SummaryView): string | null {
  const assumptions = parseCaveats(outcome.parse);
  const stated = (outcome.statedScores ?? []).map(({ score, agrees, message }) => ({
    score,
    agrees,
    message,
  }));
  const candidates: ShareValue[] = [
    { v: 1, input: { ...outcome.input }, assumptions, stated, view },
    { v: 1, input: { ...outcome.input }, assumptions: [], stated, view },
    { v: 1, input: { ...outcome.input }, assumptions: [], stated: [], view },
  ];
  for (const c of candidates) {
    const json = JSON.stringify(c);
    if (json.length <= BLOCK_KIT_LIMITS.buttonValue) return json;
  }
  return null;
}

function actionsBlock(outcome: SummaryOutcome, view: SummaryView, shareable: boolean): KnownBlock[] {
  const elements: Button[] = [];
  const a = outcome.assessment;
  const t = a.treatment;
  const answer = view === 'full' || view === 'bclc';
  if (answer && t && t.options.length > 0) {
    const value: ShowEvidenceValue = { stage: t.stage, options: [...new Set(t.options.map((o) => o.id))] };
    elements.push({
      type: 'button',
      action_id: ACTION_SHOW_EVIDENCE,
      text: { type: 'plain_text', text: 'Evidence' },
      value: JSON.stringify(value),
    });
  }
  if (answer) {
    const value = shareValue(outcome, 'details');
    if (value)
      elements.push({
        type: 'button',
        action_id: ACTION_ALL_SCORES,
        text: { type: 'plain_text', text: 'All scores' },
        value,
      });
  }
  // A result that is not evaluable is not shared: the channel would get a post without an answer.
  if (shareable && view !== 'details' && evaluable(a, view)) {
    const value = shareValue(outcome, view);
    if (value) elements.push(shareButton(value));
  }
  if (elements.length === 0) return [];
  const block: ActionsBlock = { type: 'actions', block_id: BLOCK_IDS.actions, elements };
  return [block];
}

const VIEW_NAMES: Record<SummaryView, string> = {
  full: '',
  details: 'all scores',
  albi: 'ALBI',
  childpugh: 'Child-Pugh',
  meld: 'MELD',
  bclc: 'BCLC',
  transplant: 'transplant criteria',
};

/** The text fallback: the headline, and for the answer the first option. Nothing the user typed. */
function fallbackText(outcome: SummaryOutcome, view: SummaryView): string {
  const a = outcome.assessment;
  const hl = headline(a);
  const first =
    a.treatment?.options
      .filter((o) => o.role === 'first-option' && o.conditionMet !== false)
      .map((o) => o.label) ?? [];
  if (view !== 'full') return `${hl} (${VIEW_NAMES[view]}). ${DECISION_SUPPORT}`;
  return `${hl}${first.length ? `. First option: ${first.join(', ')}` : ''}. ${DECISION_SUPPORT}`;
}

/**
 * The assessment as a Slack message. `view: 'full'` (default) is the answer an MDT reads first, with the
 * *Evidence*, *All scores* and (ephemeral copies) *Share with channel* buttons; `details` is what *All scores*
 * shows; the focused views show one score. The `text` fallback starts with the headline and holds nothing the
 * user typed. Limits are enforced before returning.
 */
export function renderSummaryMessage(outcome: SummaryOutcome, options: SummaryOptions = {}): SlackMessage {
  const view = options.view ?? 'full';
  const model = summaryModel(outcome, view, options.evidence ?? defaultEvidenceSource);
  const compactScores = view !== 'details';
  const blocks: KnownBlock[] = [
    ...(model.headline ? [header(model.headline)] : []),
    ...sharedByBlock(options.sharedBy),
    ...model.sections.flatMap((s) => sectionBlocks(s, compactScores)),
    ...actionsBlock(outcome, view, options.shareable ?? false),
    context(...model.footer.map((f) => `_${esc(f)}_`)),
  ];
  return enforceBlockKitLimits({ text: fallbackText(outcome, view), blocks });
}
