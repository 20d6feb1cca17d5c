import type { KnownBlock } from '@slack/types';
import type { BclcStage } from '../clinical/assessment.js';
import type { TreatmentOptionId } from '../clinical/treatmentOptionIds.js';
import { TREATMENT_OPTION_LABELS } from '../clinical/treatmentOptionIds.js';
import { citationLabel, shortName } from '../references/format.js';
import { defaultEvidenceSource } from './defaultEvidence.js';
import {
  type EvidenceSource,
  type ReferenceEntry,
  type SearchResult,
  safeConfirmed,
  safeEffectLine,
  safeEvidence,
  safeReference,
} from './evidenceSource.js';
import { enforceBlockKitLimits, totalBlockText } from './limits.js';
import { context, esc, header, link, section } from './mrkdwn.js';
import type { SlackMessage } from './slackMessage.js';
import { DECISION_SUPPORT } from './summaryModel.js';
import { truncateText } from './truncate.js';

/** The one mark for a figure not yet checked against its primary source, and its one footnote. */
export const UNCONFIRMED_MARK = '†';
export const UNCONFIRMED_FOOTNOTE = `${UNCONFIRMED_MARK} Not yet checked against the primary source.`;

/** The neutral curation line every evidence message ends with. */
export const reviewedLine = (source: EvidenceSource) => `Evidence reviewed ${source.reviewed}.`;

/** The Evidence view fits one message a phone can read: at most this many visible characters. */
export const EVIDENCE_BUDGET = 6000;
const MAX_CARDS = 10;

const citationLink = (e: ReferenceEntry): string => {
  const c = e.citations[0];
  return c ? ` · ${link(c.url, citationLabel(c))}` : '';
};

const validStage = (stage: string | undefined): BclcStage | undefined =>
  stage && /^[0ABCD]$/.test(stage) ? (stage as BclcStage) : undefined;

/** One option of the Evidence view, in parts that can be shed from the least needed up. */
interface OptionCard {
  label: string;
  line: string;
  conditions: string | null;
  trials: string[];
}

function optionCards(
  ids: readonly TreatmentOptionId[],
  stage: BclcStage | undefined,
  source: EvidenceSource,
): { cards: OptionCard[]; guidelines: ReferenceEntry[]; marked: boolean } {
  const shown = new Set<string>();
  const guidelines: ReferenceEntry[] = [];
  let marked = false;
  const mark = (confirmed: boolean) => {
    if (confirmed) return '';
    marked = true;
    return ` ${UNCONFIRMED_MARK}`;
  };
  const cards = ids.map((id): OptionCard => {
    const label = TREATMENT_OPTION_LABELS[id] ?? id;
    const ev = safeEvidence(source, id, stage);
    if (!ev) return { label, line: '_No evidence entry for this option._', conditions: null, trials: [] };
    const refs = ev.referenceIds.map((r) => safeReference(source, r)).filter((r): r is ReferenceEntry => !!r);
    const primary = refs[0];
    if (primary) shown.add(primary.id);
    const line = `${esc(truncateText(ev.oneLine, 300))}${mark(ev.verified)}${primary ? citationLink(primary) : ''}`;
    const trials: string[] = [];
    for (const r of refs.slice(1)) {
      if (r.kind === 'guideline') {
        if (!guidelines.some((g) => g.id === r.id)) guidelines.push(r);
        continue;
      }
      // Drug cards repeat their trial; procedures and biomarkers are background. Each trial is shown once.
      if (r.kind !== 'trial' || shown.has(r.id)) continue;
      shown.add(r.id);
      const effect = safeEffectLine(source, r);
      trials.push(
        `• ${esc(shortName(r))}${effect ? `: ${esc(truncateText(effect, 220))}` : ''}${mark(safeConfirmed(source, r))}${citationLink(r)}`,
      );
    }
    const conditions = ev.conditions.length ? `_${esc(truncateText(ev.conditions.join('; '), 400))}_` : null;
    return { label, line, conditions, trials };
  });
  return { cards, guidelines, marked };
}

const cardText = (c: OptionCard) =>
  [`*${esc(c.label)}* — ${c.line}`, ...(c.conditions ? [c.conditions] : []), ...c.trials].join('\n');

/**
 * The *Evidence* view for the options of a summary, for the stage they were given at: per option the evidence
 * that supports it at this stage, its conditions and the other trials behind it, each trial once; the guidelines
 * once at the end. It fits one message of at most EVIDENCE_BUDGET visible characters; when it must shed parts
 * (supporting trials first, then conditions, from the last option up) it says which, and how to see them.
 */
export function renderEvidenceMessage(
  optionIds: readonly TreatmentOptionId[],
  stage?: string,
  source: EvidenceSource = defaultEvidenceSource,
): SlackMessage {
  const st = validStage(stage);
  const title = st ? `Evidence for the BCLC ${st} options` : 'Evidence for the treatment options';
  const { cards, guidelines, marked } = optionCards([...new Set(optionIds)], st, source);
  const guidelineLine = guidelines.length
    ? `*Guidelines:* ${guidelines.map((g) => `${esc(shortName(g))}${citationLink(g).replace(/^ · /, ' ')}`).join(' · ')}`
    : null;
  const footer = context(
    `_${reviewedLine(source)}${marked ? ` ${UNCONFIRMED_FOOTNOTE}` : ''} ${DECISION_SUPPORT}_`,
  );
  const shed = { trials: [] as string[], conditions: [] as string[] };
  const build = (): KnownBlock[] => {
    const blocks: KnownBlock[] = [header(title), ...cards.map((c) => section(cardText(c)))];
    if (guidelineLine) blocks.push(section(guidelineLine));
    const left = [
      ...(shed.trials.length ? [`other trials behind ${shed.trials.join(', ')}`] : []),
      ...(shed.conditions.length ? [`conditions of ${shed.conditions.join(', ')}`] : []),
    ];
    if (left.length)
      blocks.push(
        context(
          `Left out to fit one message: ${esc(left.join('; '))}. Look any of them up with \`/hcc refs <trial or drug>\`.`,
        ),
      );
    blocks.push(footer);
    return blocks;
  };
  let blocks = build();
  for (let i = cards.length - 1; i >= 0 && totalBlockText(blocks) > EVIDENCE_BUDGET; i -= 1) {
    const c = cards[i];
    if (!c?.trials.length) continue;
    c.trials = [];
    shed.trials.unshift(c.label);
    blocks = build();
  }
  for (let i = cards.length - 1; i >= 0 && totalBlockText(blocks) > EVIDENCE_BUDGET; i -= 1) {
    const c = cards[i];
    if (!c?.conditions) continue;
    c.conditions = null;
    shed.conditions.unshift(c.label);
    blocks = build();
  }
  return enforceBlockKitLimits({ text: `${title}.`, blocks });
}

/** One reference as a compact card line: name, kind, effect size, link, one mark when not yet confirmed. */
function referenceLine(r: ReferenceEntry, source: EvidenceSource, confirmed: boolean): string {
  let s = `*${esc(truncateText(r.title, 200))}* _(${esc(r.kind)})_`;
  const effect = safeEffectLine(source, r);
  if (effect) s += ` — ${esc(truncateText(effect, 300))}`;
  if (!confirmed) s += ` ${UNCONFIRMED_MARK}`;
  return s + citationLink(r);
}

/**
 * Results of `refs <query>` as compact cards, or, when nothing matched, the nearest names in the evidence base.
 * The query is never repeated: a mention posts this in the thread, and the query may carry an identifier.
 */
export function renderReferenceResults(
  found: SearchResult,
  source: EvidenceSource = defaultEvidenceSource,
): SlackMessage {
  const blocks: KnownBlock[] = [];
  let marked = false;
  if (found.results.length === 0) {
    const tries = found.suggestions.slice(0, 8).map((s) => `\`${esc(truncateText(s, 40))}\``);
    blocks.push(
      section(
        `No reference matched.${tries.length ? ` Try: ${tries.join(', ')}.` : ' Try a drug, trial, procedure or `stage C`.'}`,
      ),
    );
  } else {
    const shown = found.results.slice(0, MAX_CARDS);
    blocks.push(section('*References*'));
    for (const r of shown) {
      const ok = safeConfirmed(source, r);
      if (!ok) marked = true;
      blocks.push(section(referenceLine(r, source, ok)));
    }
    if (found.results.length > shown.length)
      blocks.push(context(`${found.results.length - shown.length} more: narrow the query to see them.`));
  }
  blocks.push(
    context(`_${reviewedLine(source)}${marked ? ` ${UNCONFIRMED_FOOTNOTE}` : ''} ${DECISION_SUPPORT}_`),
  );
  const n = found.results.length;
  const text = n ? `HCC MDT references: ${n} found.` : 'HCC MDT references: no match.';
  return enforceBlockKitLimits({ text, blocks });
}
