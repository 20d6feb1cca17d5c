import { z } from 'zod';
import { CaseInputSchema } from './caseInput.js';
import { SCORE_KEYS } from './scoreKeys.js';

/**
 * The scores the clinical core computes, by key (scoreKeys.ts). Every assumption, warning and not-evaluable entry
 * names the score(s) it belongs to with these keys, so a renderer selects what a view shows by key, never by
 * reading prose.
 */
export { SCORE_KEYS, TRANSPLANT_KEYS } from './scoreKeys.js';
export const ScoreKeySchema = z.enum(SCORE_KEYS);
export type ScoreKey = z.infer<typeof ScoreKeySchema>;

/**
 * What the clinic calls each score; these are the `notEvaluable[].score` names of the JSON contract, which are
 * never renamed.
 */
export const SCORE_NAMES = {
  albi: 'ALBI',
  malbi: 'mALBI',
  childPugh: 'Child-Pugh',
  meld: 'MELD',
  meldNa: 'MELD-Na',
  meld3: 'MELD 3.0',
  milan: 'Milan',
  ucsf: 'UCSF',
  upToSeven: 'Up-to-seven',
  metroticket2: 'Metroticket 2.0',
  afpModel: 'AFP model',
  hap: 'HAP',
  mhap2: 'mHAP-II',
  sixAndTwelve: 'Six-and-twelve',
  bclc: 'BCLC',
  mrecist: 'mRECIST',
} as const satisfies Record<ScoreKey, string>;

export const CaseInputFieldSchema = CaseInputSchema.keyof();
export type CaseInputField = z.infer<typeof CaseInputFieldSchema>;

/**
 * An assumption or a warning, with the score(s) it belongs to (one message read by several rules names them all)
 * and the CaseInput field(s) whose value would settle it (empty when no input would: a policy, a definition).
 */
export const NoteSchema = z.strictObject({
  about: z.array(ScoreKeySchema).min(1),
  fields: z.array(CaseInputFieldSchema),
  message: z.string(),
});
export type Note = z.infer<typeof NoteSchema>;

/** A note about one score or several, settled by `fields` when given. */
export function note(
  about: ScoreKey | readonly ScoreKey[],
  message: string,
  fields: readonly CaseInputField[] = [],
): Note {
  return { about: typeof about === 'string' ? [about] : [...about], fields: [...fields], message };
}

/**
 * Notes with the same message merged into one that names every score it came from, in first-seen order. Two rules
 * that read the same absent flag say the same thing once. The notes are few (tens at most), so a linear scan beats
 * a map.
 */
export function mergeNotes(notes: readonly Note[]): Note[] {
  const out: Note[] = [];
  // Which entries of `out` are merged copies (a note is copied only when a second one joins it, never mutated).
  const merged: boolean[] = [];
  for (const n of notes) {
    let i = 0;
    while (i < out.length && (out[i] as Note).message !== n.message) i++;
    if (i === out.length) {
      out.push(n);
      merged.push(false);
      continue;
    }
    let seen = out[i] as Note;
    if (!merged[i]) {
      seen = { about: [...seen.about], fields: [...seen.fields], message: seen.message };
      out[i] = seen;
      merged[i] = true;
    }
    for (const k of n.about) if (!seen.about.includes(k)) seen.about.push(k);
    for (const f of n.fields) if (!seen.fields.includes(f)) seen.fields.push(f);
  }
  return out;
}
