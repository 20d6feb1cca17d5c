import type { KnownBlock } from '@slack/types';
import type { TreatmentOptionId } from '../clinical/treatmentOptionIds.js';
import { TREATMENT_OPTION_LABELS } from '../clinical/treatmentOptionIds.js';
import { defaultEvidenceSource } from './defaultEvidence.js';
import { citationLink, effectLine } from './evidenceModel.js';
import {
  type EvidenceSource,
  type ReferenceLike,
  type ReferenceSearchResult,
  safeEffectLine,
  safeEvidence,
  safeReference,
} from './evidenceSource.js';
import { enforceBlockKitLimits } from './limits.js';
import { codeSpan, context, esc, header, link, section } from './mrkdwn.js';
import type { SlackMessage } from './slackMessage.js';
import { DECISION_SUPPORT } from './summaryModel.js';
import { truncateText } from './truncate.js';

const UNVERIFIED_NOTE = 'Items marked (unverified) were not re-checked against the primary source.';
const MAX_CARDS = 10;

/** One reference as a compact line: title, kind, effect size, link, unverified mark. */
function referenceLine(r: ReferenceLike, source: EvidenceSource): string {
  let s = `*${esc(truncateText(r.title, 200))}* _(${esc(r.kind)})_`;
  const effect = safeEffectLine(source, r) ?? effectLine(r);
  if (effect) s += ` — ${esc(truncateText(effect, 300))}`;
  const c = r.citations[0];
  if (c) {
    const l = citationLink(c);
    s += ` · ${link(l.url, l.label)}`;
  }
  if (!r.verified) s += ' _(unverified)_';
  return s;
}

const validStage = (stage: string | undefined) => (stage && /^[0ABCD]$/.test(stage) ? stage : undefined);

/**
 * Full evidence cards for the options of a summary (the "Show evidence" button): per option its evidence line,
 * conditions and each reference with effect size and link.
 */
export function renderEvidenceMessage(
  optionIds: readonly TreatmentOptionId[],
  stage?: string,
  source: EvidenceSource = defaultEvidenceSource,
): SlackMessage {
  const st = validStage(stage);
  const title = st ? `Evidence for the BCLC ${st} options` : 'Evidence for the treatment options';
  const blocks: KnownBlock[] = [header(title)];
  for (const id of [...new Set(optionIds)]) {
    const label = TREATMENT_OPTION_LABELS[id] ?? id;
    const ev = safeEvidence(source, id);
    const lines = [`*${esc(label)}*`];
    if (!ev) lines.push('_No evidence entry found._');
    else {
      lines.push(`${esc(truncateText(ev.oneLine, 400))}${ev.verified ? '' : ' _(unverified)_'}`);
      if (ev.conditions.length)
        lines.push(`_Conditions: ${esc(truncateText(ev.conditions.join('; '), 600))}_`);
      for (const refId of ev.referenceIds.slice(0, 6)) {
        const r = safeReference(source, refId);
        if (r) lines.push(`• ${referenceLine(r, source)}`);
      }
      if (ev.url && !ev.referenceIds.length) lines.push(link(ev.url, 'source'));
    }
    blocks.push(section(lines.join('\n')));
  }
  blocks.push(context(`_${UNVERIFIED_NOTE} ${DECISION_SUPPORT}_`));
  return enforceBlockKitLimits({ text: `${title}.`, blocks });
}

/**
 * Results of `refs <query>` as compact cards (effect size and a PubMed or DOI link), or, when nothing matched,
 * the suggestions. The query (a drug or trial term) is shown in the blocks, not in the `text` fallback.
 */
export function renderReferenceResults(
  query: string,
  found: ReferenceSearchResult,
  source: EvidenceSource = defaultEvidenceSource,
): SlackMessage {
  const q = codeSpan(query, 80);
  const blocks: KnownBlock[] = [];
  if (found.results.length === 0) {
    const tries = found.suggestions.slice(0, 8).map((s) => codeSpan(s, 40));
    blocks.push(
      section(
        `No reference matched ${q}.${tries.length ? ` Try: ${tries.join(', ')}.` : ' Try a drug, trial, procedure or `stage C`.'}`,
      ),
    );
  } else {
    const shown = found.results.slice(0, MAX_CARDS);
    blocks.push(section(`*References for* ${q}`));
    for (const r of shown) blocks.push(section(referenceLine(r, source)));
    if (found.results.length > shown.length)
      blocks.push(context(`${found.results.length - shown.length} more: narrow the query to see them.`));
  }
  blocks.push(context(`_${UNVERIFIED_NOTE} ${DECISION_SUPPORT}_`));
  const n = found.results.length;
  const text = n ? `HCC MDT references: ${n} found.` : 'HCC MDT references: no match.';
  return enforceBlockKitLimits({ text, blocks });
}
