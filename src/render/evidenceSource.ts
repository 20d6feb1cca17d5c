import type { BclcStage } from '../clinical/assessment.js';
import type { TreatmentOptionId } from '../clinical/treatmentOptionIds.js';
import type { OptionEvidence, ReferenceEntry } from '../references/schema.js';

export type { OptionEvidence, ReferenceEntry } from '../references/schema.js';
export type { SearchResult } from '../references/search.js';

/**
 * What the renderers read from the evidence base. The real one is `defaultEvidence.ts`; tests may pass another.
 * The types are the references module's own: nothing here re-declares them.
 */
export interface EvidenceSource {
  evidenceForOption(id: TreatmentOptionId, stage?: BclcStage): OptionEvidence | undefined;
  getReference(id: string): ReferenceEntry | undefined;
  /** The effect line of an entry: the references module's one formatter. */
  effectLine(entry: ReferenceEntry): string;
  /** Whether the figures of that line were checked against their primary source. */
  effectConfirmed(entry: ReferenceEntry): boolean;
  /** The date the evidence base was last reviewed (YYYY-MM-DD). */
  reviewed: string;
}

/** Calls the source without ever letting it break a render. */
export function safeEvidence(
  source: EvidenceSource,
  id: TreatmentOptionId,
  stage?: BclcStage,
): OptionEvidence | undefined {
  try {
    return source.evidenceForOption(id, stage) ?? undefined;
  } catch {
    return undefined;
  }
}

export function safeReference(source: EvidenceSource, id: string): ReferenceEntry | undefined {
  try {
    return source.getReference(id) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The source's effect line for an entry, or undefined (never throws). */
export function safeEffectLine(source: EvidenceSource, entry: ReferenceEntry): string | undefined {
  try {
    return source.effectLine(entry) || undefined;
  } catch {
    return undefined;
  }
}

/** Whether an entry's effect line is confirmed; false when the source fails (the footnote then shows). */
export function safeConfirmed(source: EvidenceSource, entry: ReferenceEntry): boolean {
  try {
    return source.effectConfirmed(entry);
  } catch {
    return false;
  }
}
