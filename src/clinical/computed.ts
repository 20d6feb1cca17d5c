/**
 * The outcome of one calculator: a value with the assumptions and warnings the user must see beside it, or the
 * list of inputs that are missing. Nothing is ever imputed (DESIGN.md, "Never impute a missing value").
 */
export type Computed<T> =
  | { ok: true; value: T; assumptions: string[]; warnings: string[] }
  | { ok: false; missing: string[] };

/** A computed value, with optional assumptions and warnings. */
export function computed<T>(
  value: T,
  notes: { assumptions?: string[]; warnings?: string[] } = {},
): Computed<T> {
  return { ok: true, value, assumptions: notes.assumptions ?? [], warnings: notes.warnings ?? [] };
}

/** A score that cannot be computed; `missing` names the inputs in the CaseInput field names' plain words. */
export function notComputed(missing: string[]): { ok: false; missing: string[] } {
  return { ok: false, missing };
}
