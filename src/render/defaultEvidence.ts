import {
  effectConfirmed,
  entryEffect,
  evidenceForOption,
  evidenceReviewed,
  getReference,
} from '../references/lookup.js';
import type { EvidenceSource } from './evidenceSource.js';

/** The curated evidence base (`src/references/`), which the renderers use unless a caller injects another. */
export const defaultEvidenceSource: EvidenceSource = {
  evidenceForOption,
  getReference,
  effectLine: entryEffect,
  effectConfirmed,
  reviewed: evidenceReviewed(),
};
