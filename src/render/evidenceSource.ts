import type { TreatmentOptionId } from '../clinical/treatmentOptionIds.js';

/**
 * What the renderers need from the references module, written structurally so that the real lookup
 * (`src/references/lookup.ts`) satisfies it and tests can pass a fake. Only the fields rendered are listed.
 */

/** One line of evidence for a treatment option (`evidenceForOption`). */
export interface OptionEvidence {
  optionId: TreatmentOptionId;
  /** e.g. "IMbrave150: OS 19.2 vs 13.4 mo, HR 0.66 (0.52–0.85)". */
  oneLine: string;
  /** Trial population and label conditions: "AFP >= 400 ng/mL", "Child-Pugh A". */
  conditions: readonly string[];
  referenceIds: readonly string[];
  verified: boolean;
  url: string;
}

export interface CitationLike {
  pmid?: string | undefined;
  doi?: string | undefined;
  url: string;
}

export interface SurvivalLike {
  experimentalMonths?: number | null;
  controlMonths?: number | null;
  hazardRatio?: number | null;
  ci?: readonly [number, number] | readonly number[] | null;
}

/** A reference entry (trial, drug, procedure, guideline, biomarker, emerging therapy). */
export interface ReferenceLike {
  id: string;
  kind: string;
  title: string;
  citations: readonly CitationLike[];
  verified: boolean;
  /** Trials: overall survival per arm and hazard ratio. */
  overallSurvival?: SurvivalLike | null;
  /** Trials whose benefit is PFS only (EMERALD-1, LEAP-012). */
  progressionFreeSurvival?: SurvivalLike | null;
  /** Curated trial entries (`src/references/schema.ts` TrialSchema). */
  medianOsMonths?: ArmMediansLike | null;
  medianPfsMonths?: ArmMediansLike | null;
  osHazardRatio?: HazardRatioLike | null;
  otherHazardRatios?: readonly HazardRatioLike[];
  benefit?: string;
  primaryEndpointMet?: boolean;
  /** Biomarkers and emerging therapy: approved, in-trials, preclinical. */
  status?: string;
  /** A short effect or status line (the JSON shape), or a procedure's evidence sentence. */
  effect?: string | null;
  evidence?: string;
  summary?: string | null;
}

export interface ArmMediansLike {
  experimental: number | null;
  control: number | null;
}

export interface HazardRatioLike {
  endpoint: string;
  comparison?: string | undefined;
  value: number;
  ci: readonly [number, number] | readonly number[];
  ciLevel: number;
}

export interface ReferenceSearchResult {
  results: readonly ReferenceLike[];
  suggestions: readonly string[];
}

export interface EvidenceSource {
  evidenceForOption(id: TreatmentOptionId): OptionEvidence | undefined;
  getReference(id: string): ReferenceLike | undefined;
  /** The references module's own card line for an entry, when it has one (the renderers fall back to theirs). */
  effectLine?(entry: ReferenceLike): string | undefined;
}

/** Calls the source without ever letting it break a render. */
export function safeEvidence(source: EvidenceSource, id: TreatmentOptionId): OptionEvidence | undefined {
  try {
    return source.evidenceForOption(id) ?? undefined;
  } catch {
    return undefined;
  }
}

export function safeReference(source: EvidenceSource, id: string): ReferenceLike | undefined {
  try {
    return source.getReference(id) ?? undefined;
  } catch {
    return undefined;
  }
}

/** The source's effect line for an entry, or undefined (never throws). */
export function safeEffectLine(source: EvidenceSource, entry: ReferenceLike): string | undefined {
  try {
    return source.effectLine?.(entry) ?? undefined;
  } catch {
    return undefined;
  }
}
