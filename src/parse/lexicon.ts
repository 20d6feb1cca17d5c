import { tokenize } from './tokenize.js';
import { type Concept, VOCABULARY } from './vocabulary.js';

/**
 * The phrase matcher built from the vocabulary: each phrase tokenized once, indexed by its first token, longest
 * first, so the reader finds the longest phrase at a token by trying only the phrases that start with it.
 */

/** Token sequences for every phrase, longest first within the same first token. */
export interface LexEntry {
  tokens: string[];
  concept: Concept;
  /** tokens.length, kept so a match needs no allocation. */
  len: number;
}

const LEXICON: Map<string, LexEntry[]> = (() => {
  const map = new Map<string, LexEntry[]>();
  for (const entry of VOCABULARY) {
    for (const phrase of entry.phrases) {
      const tokens = tokenize(phrase).map((t) => t.lower);
      const first = tokens[0];
      if (first === undefined) continue;
      const list = map.get(first) ?? [];
      list.push({ tokens, concept: entry.concept, len: tokens.length });
      map.set(first, list);
    }
  }
  for (const list of map.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return map;
})();

const NO_ENTRIES: readonly LexEntry[] = [];

export function lexiconFor(firstLower: string): readonly LexEntry[] {
  return LEXICON.get(firstLower) ?? NO_ENTRIES;
}
