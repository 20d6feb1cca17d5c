import type { Note } from './scores.js';

/**
 * The outcome of one calculator: a value with the assumptions and warnings the user must see beside it, each
 * tagged with the score it belongs to, or the list of inputs that are missing. Nothing is ever imputed.
 */
export type Computed<T> =
  | { ok: true; value: T; assumptions: Note[]; warnings: Note[] }
  | { ok: false; missing: string[] };

export type NotComputed = Extract<Computed<never>, { ok: false }>;

/** A computed value, with optional assumptions and warnings. */
export function computed<T>(value: T, notes: { assumptions?: Note[]; warnings?: Note[] } = {}): Computed<T> {
  return { ok: true, value, assumptions: notes.assumptions ?? [], warnings: notes.warnings ?? [] };
}

/** A score that cannot be computed; `missing` names the inputs in the CaseInput field names' plain words. */
export function notComputed(missing: string[]): NotComputed {
  return { ok: false, missing };
}
