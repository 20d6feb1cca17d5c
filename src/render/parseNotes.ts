/**
 * What the renderers read of a parse, written structurally so that render depends on no parser type: the
 * parser's result fits these shapes as it is, and so does the parse a button carries back (`carriedParse`).
 * Only what the messages show is here: the kinds of value recognised, the fragments not understood, the
 * assumptions, errors and warnings (each with the input field it is about, when it names one).
 */

/** A problem or a caveat the parser raised: `code` says which ("privacy", "not-understood", …). */
export interface ParseNote {
  readonly code: string;
  readonly field?: string | undefined;
  readonly message: string;
}

/** A fragment not understood: an unknown word (quoted, with a close vocabulary word) or an identifier (never quoted). */
export type IgnoredFragment =
  | { readonly kind: 'unknown'; readonly text: string; readonly suggestion?: string | undefined }
  | { readonly kind: 'identifier' };

export interface ParseNotes {
  /** The kinds of value recognised, in text order ("bilirubin", "tumour", "filler", …). */
  readonly recognised: readonly { readonly kind: string }[];
  readonly notUnderstood: readonly IgnoredFragment[];
  readonly assumptions: readonly { readonly field: string; readonly message: string }[];
  readonly errors: readonly ParseNote[];
  readonly warnings: readonly ParseNote[];
}

/**
 * A score the text stated beside the one computed ("You wrote Child-Pugh B8, but the values give Child-Pugh
 * C10 …"). `agrees` is null when the stated score could not be computed; the message then says what to add.
 */
export interface StatedScoreNote {
  readonly score: string;
  readonly agrees: boolean | null;
  readonly message: string;
}

/** No parse: what a structured input (the form, a JSON file) brings, nothing typed and nothing assumed. */
export const NO_PARSE_NOTES: ParseNotes = {
  recognised: [],
  notUnderstood: [],
  assumptions: [],
  errors: [],
  warnings: [],
};
