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

/**
 * The phrases that start with one token, split by the token after it, so a lookup tries only the phrases that
 * can match there. A one-token phrase always matches, so only the first (longest-first order) is kept.
 */
export interface LexHead {
  /** Phrases of two or more tokens by their second token, in the list's longest-first order. */
  byNext: ReadonlyMap<string, readonly LexEntry[]>;
  single: LexEntry | undefined;
}

const HEADS: Map<string, LexHead> = (() => {
  const heads = new Map<string, LexHead>();
  for (const [first, list] of LEXICON) {
    const byNext = new Map<string, LexEntry[]>();
    let single: LexEntry | undefined;
    for (const entry of list) {
      const next = entry.tokens[1];
      if (next === undefined) {
        single ??= entry;
        continue;
      }
      const group = byNext.get(next) ?? [];
      group.push(entry);
      byNext.set(next, group);
    }
    heads.set(first, { byNext, single });
  }
  return heads;
})();

export function lexiconHead(firstLower: string): LexHead | undefined {
  return HEADS.get(firstLower);
}

export function lexiconFor(firstLower: string): readonly LexEntry[] {
  return LEXICON.get(firstLower) ?? NO_ENTRIES;
}
