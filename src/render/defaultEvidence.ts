import { effectLine } from '../references/format.js';
import { evidenceForOption, getReference } from '../references/lookup.js';
import type { EvidenceSource } from './evidenceSource.js';

/** A source with no evidence: options render without their evidence line. */
export const NO_EVIDENCE: EvidenceSource = {
  evidenceForOption: () => undefined,
  getReference: () => undefined,
};

/** The curated evidence base (`src/references/`), which the renderers use unless a caller injects another. */
export const defaultEvidenceSource: EvidenceSource = {
  evidenceForOption,
  getReference,
  effectLine: (entry) => {
    const e = getReference(entry.id);
    return e ? effectLine(e, getReference) : undefined;
  },
};
