import type { BclcStage } from '../clinical/assessment.js';
import type { TreatmentOptionId } from '../clinical/treatmentOptionIds.js';
import { biomarkers } from './data/biomarkers.js';
import { drugs } from './data/drugs.js';
import { emerging } from './data/emerging.js';
import { guidelines } from './data/guidelines.js';
import { OPTION_EVIDENCE } from './data/optionEvidence.js';
import { procedures } from './data/procedures.js';
import { trials } from './data/trials.js';
import { citationLabel, effectLine, trialEffect } from './format.js';
import type { OptionEvidence, ReferenceEntry } from './schema.js';

/**
 * Lookup over the curated evidence base: an entry by id, and the evidence for a BCLC option at a stage. The JSON
 * shape lives in `json.ts`, free-text search in `search.ts`.
 */

const ALL: readonly ReferenceEntry[] = [
  ...trials,
  ...drugs,
  ...procedures,
  ...guidelines,
  ...biomarkers,
  ...emerging,
];
const BY_ID = new Map<string, ReferenceEntry>(ALL.map((e) => [e.id, e]));

export function allReferences(): readonly ReferenceEntry[] {
  return ALL;
}

export function getReference(id: string): ReferenceEntry | undefined {
  return BY_ID.get(id);
}

// ---------------------------------------------------------------------------------------------- option evidence

/**
 * The curated evidence for an option at a stage: the entry written for that stage when there is one (EBRT in
 * very early HCC is not backed by a trial in macrovascular invasion), else the option's general entry.
 */
function sourceFor(id: TreatmentOptionId, stage: BclcStage | undefined) {
  const forOption = OPTION_EVIDENCE.filter((s) => s.optionId === id);
  return (
    (stage ? forOption.find((s) => s.stages?.includes(stage)) : undefined) ??
    forOption.find((s) => !s.stages) ??
    forOption[0]
  );
}

/**
 * One line of evidence, its conditions and its link for a BCLC option, at a stage when given. Throws only on a
 * data error (tested).
 */
export function evidenceForOption(id: TreatmentOptionId, stage?: BclcStage): OptionEvidence {
  // The evidence base is fixed for the life of the process, and every answer asks for its options' lines, so each
  // is built once; frozen, so no caller can change what the next one reads.
  const key = `${id}|${stage ?? ''}`;
  let evidence = EVIDENCE_MEMO.get(key);
  if (!evidence) {
    evidence = buildEvidence(id, stage);
    Object.freeze(evidence.conditions);
    Object.freeze(evidence.referenceIds);
    EVIDENCE_MEMO.set(key, Object.freeze(evidence));
  }
  return evidence;
}

const EVIDENCE_MEMO = new Map<string, OptionEvidence>();

function buildEvidence(id: TreatmentOptionId, stage: BclcStage | undefined): OptionEvidence {
  const source = sourceFor(id, stage);
  if (!source) throw new Error(`no evidence curated for option "${id}"`);
  const primary = BY_ID.get(source.primaryId);
  if (!primary) throw new Error(`option "${id}" cites unknown reference "${source.primaryId}"`);
  const oneLine =
    source.oneLine ??
    (primary.kind === 'trial' ? `${primary.name}: ${trialEffect(primary)}` : primary.summary);
  const citation = primary.citations[0];
  if (!citation) throw new Error(`reference "${primary.id}" has no citation`);
  return {
    optionId: id,
    oneLine,
    conditions: [...source.conditions],
    referenceIds: [primary.id, ...source.supportingIds.filter((s) => s !== primary.id)],
    verified: primary.verified,
    url: citation.url,
    urlLabel: citationLabel(citation),
  };
}

const optionLine = (optionId: TreatmentOptionId): string | undefined =>
  OPTION_EVIDENCE.some((s) => s.optionId === optionId) ? evidenceForOption(optionId).oneLine : undefined;

/** The effect line of an entry (see `effectLine`), with this evidence base as the lookup. */
export function entryEffect(e: ReferenceEntry): string {
  let line = EFFECT_MEMO.get(e);
  if (line === undefined) {
    line = effectLine(e, { reference: getReference, optionLine });
    EFFECT_MEMO.set(e, line);
  }
  return line;
}

/** Effect lines by entry object: the entries are fixed data, so each line is formatted once. */
const EFFECT_MEMO = new WeakMap<ReferenceEntry, string>();

/** The latest review date in the evidence base (YYYY-MM-DD): the one "Evidence reviewed" date users see. */
export function evidenceReviewed(): string {
  return (
    ALL.map((e) => e.lastReviewed)
      .sort()
      .at(-1) ?? ''
  );
}

/**
 * Whether the figures an entry's effect line shows were checked against their primary source. A drug card shows
 * its option's trial line, so it follows that trial, not the drug's approval years.
 */
export function effectConfirmed(e: ReferenceEntry): boolean {
  if (e.kind !== 'drug') return e.verified;
  const option = e.optionIds.find((id) => OPTION_EVIDENCE.some((s) => s.optionId === id));
  if (option) return evidenceForOption(option).verified;
  const trial = e.trialIds.map(getReference).find((t) => t?.kind === 'trial');
  return trial?.verified ?? e.verified;
}
