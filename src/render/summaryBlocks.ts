import type { ActionsBlock, Button, KnownBlock, SectionBlock } from '@slack/types';
import {
  ACTION_SHARE,
  ACTION_SHOW_EVIDENCE,
  type ShareValue,
  type ShowEvidenceValue,
  type SummaryView,
} from './actions.js';
import { defaultEvidenceSource } from './defaultEvidence.js';
import type { EvidenceSource } from './evidenceSource.js';
import { headline } from './headline.js';
import { BLOCK_KIT_LIMITS, enforceBlockKitLimits } from './limits.js';
import { capLines, context, esc, header, link, mention, mrkdwn, packLines, section } from './mrkdwn.js';
import type { SlackMessage } from './slackMessage.js';
import {
  albiItem,
  assumptionLines,
  BRANCH_UNVERIFIED_MARK,
  bclcModel,
  childPughItem,
  DECISION_SUPPORT,
  meldItems,
  notComputedLines,
  type OptionGroup,
  type OptionModel,
  optionGroups,
  rulesLine,
  type ScoreItem,
  type SummaryOutcome,
  taceItems,
  transplantItems,
  treatmentNotes,
  viewRules,
  warningLines,
} from './summaryModel.js';
import { truncateText } from './truncate.js';

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

/** Budgets (characters) that keep any one list from crowding the others out of the message. */
const LIST_BUDGET = 1500;
const BCLC_BUDGET = 2500;
const EVIDENCE_LINE = 200;
const CONDITION_LINE = 240;

const bullet = (s: string) => `• ${s}`;

const fieldText = (item: ScoreItem) =>
  `*${esc(item.label)}*\n${esc(item.value)}${item.version ? `\n_${esc(item.version)}_` : ''}`;

const scoreLine = (item: ScoreItem) =>
  `*${esc(item.label)}* ${esc(item.value)}${item.version ? `  _${esc(item.version)}_` : ''}`;

function fieldsSection(title: string, items: ScoreItem[]): SectionBlock[] {
  if (items.length === 0) return [];
  const out: SectionBlock[] = [];
  for (let i = 0; i < items.length; i += BLOCK_KIT_LIMITS.fieldsPerSection) {
    out.push({
      type: 'section',
      ...(i === 0 ? { text: mrkdwn(`*${title}*`) } : {}),
      fields: items.slice(i, i + BLOCK_KIT_LIMITS.fieldsPerSection).map((it) => mrkdwn(fieldText(it))),
    });
  }
  return out;
}

/** A titled bullet list in one section, capped at `budget` characters. */
function listSection(title: string, lines: string[], budget = LIST_BUDGET, prefix = bullet): SectionBlock[] {
  if (lines.length === 0) return [];
  const capped = capLines(
    lines.map((l) => prefix(esc(truncateText(l, 600)))),
    budget,
  );
  return [section(`*${title}*\n${capped.join('\n')}`)];
}

function bclcSection(outcome: SummaryOutcome): SectionBlock[] {
  const m = bclcModel(outcome.assessment);
  if (!m) {
    return [section('*BCLC not evaluable* — see _Not computed_ for the missing inputs.')];
  }
  const lines = [
    `*${esc(m.title)}*${m.version ? `  _${esc(m.version)}_` : ''}`,
    esc(truncateText(m.basis, 600)),
  ];
  if (m.subgroup) lines.push(`Subgroup: ${esc(truncateText(m.subgroup, 600))}`);
  if (m.decidingInputs) lines.push(`To decide it: ${esc(truncateText(m.decidingInputs, 400))}`);
  const notes = m.notes.map((n) => bullet(esc(truncateText(n, 600))));
  return [section(capLines([...lines, ...notes], BCLC_BUDGET).join('\n'))];
}

function optionLines(m: OptionModel): string[] {
  const o = m.option;
  const ev = m.evidence;
  let first = `• *${esc(o.label)}*`;
  if (o.basis !== 'BCLC 2022') first += ` _(${esc(o.basis)})_`;
  if (!o.verified) first += ` ${BRANCH_UNVERIFIED_MARK}`;
  if (ev?.oneLine) {
    first += ` — ${esc(truncateText(ev.oneLine, EVIDENCE_LINE))}`;
    if (!ev.verified) first += ' _(unverified)_';
    if (ev.url) first += ` ${link(ev.url, 'source')}`;
  }
  const lines = [first];
  if (o.condition && m.conditionStatus)
    lines.push(`      Condition: ${esc(truncateText(o.condition, CONDITION_LINE))} — *${m.conditionStatus}*`);
  if (ev && ev.conditions.length > 0)
    lines.push(`      _Evidence notes: ${esc(truncateText(ev.conditions.join('; '), CONDITION_LINE))}_`);
  return lines;
}

function treatmentSections(groups: OptionGroup[], notes: readonly string[]): SectionBlock[] {
  const out: SectionBlock[] = [];
  for (const g of groups) {
    const lines = [`*${esc(g.title)}*`, ...g.options.flatMap(optionLines)];
    for (const text of packLines(lines, BLOCK_KIT_LIMITS.sectionText - 100)) out.push(section(text));
  }
  out.push(...listSection('Treatment notes', [...notes], 1000));
  return out;
}

function compactTreatment(groups: OptionGroup[]): SectionBlock[] {
  const lines = groups.map((g) => {
    const opts = g.options.map((m) => {
      let s = esc(m.option.label);
      if (!m.option.verified) s += ` ${BRANCH_UNVERIFIED_MARK}`;
      if (m.conditionStatus) s += ` ${m.conditionStatus.split(' ')[0]}`;
      return s;
    });
    return `*${esc(g.title)}:* ${opts.join(' · ')}`;
  });
  return lines.length ? [section(capLines(lines, 2500).join('\n'))] : [];
}

/**
 * The "Share with channel" value: the CaseInput (never the typed text), the parser's assumptions and the view.
 * Assumptions are dropped when the value would pass 2000 characters; the schema's limits (at most 50 nodules)
 * keep the CaseInput itself well under that (a test checks the longest valid case), and null means no button.
 */
export function shareValue(outcome: SummaryOutcome, view: SummaryView): string | null {
  const assumptions = outcome.parse.assumptions.map((p) => p.message);
  const candidates: ShareValue[] = [
    { v: 1, input: { ...outcome.input }, assumptions, view },
    { v: 1, input: { ...outcome.input }, assumptions: [], view },
  ];
  for (const c of candidates) {
    const json = JSON.stringify(c);
    if (json.length <= BLOCK_KIT_LIMITS.buttonValue) return json;
  }
  return null;
}

function actionsBlock(
  outcome: SummaryOutcome,
  view: SummaryView,
  shareable: boolean,
  withEvidence: boolean,
): KnownBlock[] {
  const elements: Button[] = [];
  const t = outcome.assessment.treatment;
  if (withEvidence && t && t.options.length > 0) {
    const value: ShowEvidenceValue = { stage: t.stage, options: [...new Set(t.options.map((o) => o.id))] };
    elements.push({
      type: 'button',
      action_id: ACTION_SHOW_EVIDENCE,
      text: { type: 'plain_text', text: 'Show evidence' },
      value: JSON.stringify(value),
    });
  }
  if (shareable) {
    const value = shareValue(outcome, view);
    if (value)
      elements.push({
        type: 'button',
        action_id: ACTION_SHARE,
        text: { type: 'plain_text', text: 'Share with channel' },
        style: 'primary',
        value,
      });
  }
  if (elements.length === 0) return [];
  const block: ActionsBlock = { type: 'actions', block_id: 'hcc_summary_actions', elements };
  return [block];
}

function footer(rules: ReturnType<typeof viewRules>): KnownBlock {
  return context(`_${DECISION_SUPPORT}${rulesLine(rules) ? ` ${esc(rulesLine(rules))}` : ''}_`);
}

function sharedByBlock(sharedBy: string | undefined): KnownBlock[] {
  if (!sharedBy) return [];
  const who = mention(sharedBy);
  return who ? [context(`Shared by ${who}`)] : [];
}

/** The text fallback: the headline, and for the full view the first option. Nothing the user typed. */
function fallbackText(outcome: SummaryOutcome, view: SummaryView): string {
  const a = outcome.assessment;
  const hl = headline(a);
  const first = a.treatment?.options.filter((o) => o.role === 'first-option').map((o) => o.label) ?? [];
  const viewNames: Record<SummaryView, string> = {
    full: '',
    albi: 'ALBI',
    childpugh: 'Child-Pugh',
    meld: 'MELD',
    bclc: 'BCLC',
    transplant: 'transplant criteria',
  };
  if (view !== 'full') return `${hl} (${viewNames[view]}). ${DECISION_SUPPORT}`;
  return `${hl}${first.length ? `. First option: ${first.join(', ')}` : ''}. ${DECISION_SUPPORT}`;
}

function fullBlocks(outcome: SummaryOutcome, evidence: EvidenceSource): KnownBlock[] {
  const a = outcome.assessment;
  const liver = [albiItem(a), childPughItem(a), ...meldItems(a)].filter((x): x is ScoreItem => x !== null);
  return [
    header(headline(a)),
    ...fieldsSection('Liver function', liver),
    ...fieldsSection('Transplant criteria and TACE scores', [...transplantItems(a), ...taceItems(a)]),
    ...listSection('Assumed', assumptionLines(outcome)),
    ...listSection('Not computed', notComputedLines(a)),
    ...listSection('Warnings', warningLines(outcome), LIST_BUDGET, (s) => `:warning: ${s}`),
    ...bclcSection(outcome),
    ...treatmentSections(optionGroups(a, evidence), treatmentNotes(a)),
  ];
}

function focusedBlocks(
  outcome: SummaryOutcome,
  view: Exclude<SummaryView, 'full'>,
  evidence: EvidenceSource,
): KnownBlock[] {
  const a = outcome.assessment;
  const missing = notComputedLines(a, view);
  const body: KnownBlock[] = [];
  const items: Record<Exclude<SummaryView, 'full' | 'bclc'>, { name: string; items: ScoreItem[] }> = {
    albi: { name: 'ALBI', items: [albiItem(a)].filter((x): x is ScoreItem => x !== null) },
    childpugh: { name: 'Child-Pugh', items: [childPughItem(a)].filter((x): x is ScoreItem => x !== null) },
    meld: { name: 'MELD', items: meldItems(a) },
    transplant: { name: 'Transplant criteria', items: transplantItems(a) },
  };
  if (view === 'bclc') {
    body.push(...bclcSection(outcome), ...compactTreatment(optionGroups(a, evidence)));
  } else if (view === 'transplant') {
    body.push(...fieldsSection('Transplant criteria', items.transplant.items));
  } else {
    const { name, items: its } = items[view];
    body.push(
      section(
        its.length
          ? its.map(scoreLine).join('\n')
          : `*${name}* not computed${missing.length ? '' : ' (inputs missing)'}`,
      ),
    );
  }
  body.push(
    ...listSection('Not computed', missing),
    ...listSection('Assumed', assumptionLines(outcome, view)),
  );
  return body;
}

/**
 * The assessment as a Slack message. `view: 'full'` (default) is the MDT summary; the focused views show one
 * score with its missing inputs and assumptions. The `text` fallback starts with the headline and holds nothing
 * the user typed. Limits are enforced before returning.
 */
export function renderSummaryMessage(outcome: SummaryOutcome, options: SummaryOptions = {}): SlackMessage {
  const view = options.view ?? 'full';
  const evidence = options.evidence ?? defaultEvidenceSource;
  const a = outcome.assessment;
  const body = view === 'full' ? fullBlocks(outcome, evidence) : focusedBlocks(outcome, view, evidence);
  // The share line goes under the header (full view) or first (focused views), where it is seen.
  const shared = sharedByBlock(options.sharedBy);
  const blocks: KnownBlock[] =
    view === 'full' && body[0]?.type === 'header'
      ? [body[0], ...shared, ...body.slice(1)]
      : [...shared, ...body];
  blocks.push(
    ...actionsBlock(outcome, view, options.shareable ?? false, view === 'full' || view === 'bclc'),
    footer(viewRules(a, view)),
  );
  return enforceBlockKitLimits({ text: fallbackText(outcome, view), blocks });
}
