import { z } from 'zod';
import { FIELD_INFO } from '../clinical/fields.js';
import type { ScoreKey } from '../clinical/scores.js';
import { type CaseField, fieldLabel, formatValue } from './fields.js';
import type { KeyScores, Snapshot } from './snapshot.js';
import type { CaseValues } from './values.js';

/**
 * The case over time: the key scores at each snapshot and what changed between snapshots, with the reason in the
 * clinic's words: "BCLC B → C: macrovascular invasion reported 2026-11-20".
 */

export const SCORE_LABEL: Record<keyof KeyScores, string> = {
  albi: 'ALBI',
  albiGrade: 'ALBI grade',
  childPugh: 'Child-Pugh',
  meldNa: 'MELD-Na',
  afp: 'AFP',
  bclc: 'BCLC',
};
/** The scores a history row shows, in order (ALBI grade is shown beside the ALBI score). */
export const HISTORY_SCORES = ['albi', 'childPugh', 'meldNa', 'afp', 'bclc'] as const;

/** The history's scores as the clinical core names them (AFP is an input, not a score: it explains itself). */
const CORE_SCORE: Record<(typeof HISTORY_SCORES)[number], ScoreKey | null> = {
  albi: 'albi',
  childPugh: 'childPugh',
  meldNa: 'meldNa',
  afp: null,
  bclc: 'bclc',
};
/** Whether a changed input can explain a change of a score: the core's field table says which scores read it. */
function explains(field: CaseField, score: (typeof HISTORY_SCORES)[number]): boolean {
  const key = CORE_SCORE[score];
  return key === null ? field === score : (FIELD_INFO[field].readBy as readonly ScoreKey[]).includes(key);
}

export const ScoreChangeSchema = z.strictObject({
  score: z.enum(HISTORY_SCORES),
  from: z.string(),
  to: z.string(),
  /** The changed inputs that explain it, e.g. "macrovascular invasion reported 2026-11-20". */
  because: z.array(z.string()),
});
export type ScoreChange = z.infer<typeof ScoreChangeSchema>;

export const HistoryRowSchema = z.strictObject({
  seq: z.number().int(),
  at: z.string(),
  by: z.string(),
  scores: z.record(z.string(), z.string()),
  /** Changes from the previous snapshot (empty for the first). */
  changes: z.array(ScoreChangeSchema),
  /** Every input this snapshot changed, described, including those that moved no score. */
  inputChanges: z.array(z.string()),
});
export type HistoryRow = z.infer<typeof HistoryRowSchema>;

/** A score in words; "—" when it could not be computed. */
export function showScore(scores: KeyScores, score: (typeof HISTORY_SCORES)[number]): string {
  const v = scores[score];
  if (v === null) return '—';
  if (score === 'albi') return `${Number(v).toFixed(2)} (grade ${scores.albiGrade})`;
  if (score === 'afp') return `${v} ng/mL`;
  return String(v);
}

/** The UTC calendar date of a stored instant ("2026-11-20"): the same on every machine. */
export const dayOf = (instant: string) => instant.slice(0, 10);

/** One changed input in words: "ECOG 1 → 0 (corrected 2026-11-21)", "macrovascular invasion reported …". */
export function describeChange(field: CaseField, before: CaseValues, after: CaseValues): string {
  const label = fieldLabel(field);
  const now = after[field];
  const was = before[field];
  if (!now) return `${label} no longer stated (replaced by a newer ${groupWord(field)})`;
  const day = dayOf(now.statedAt);
  if (now.corrects)
    return `${label} ${formatValue(now.corrects.value, field)} → ${formatValue(now.value, field)} (corrected ${day})`;
  if (now.value === true && (!was || was.value === false)) return `${label} reported ${day}`;
  if (now.value === false && was?.value === true) return `${label} no longer reported ${day}`;
  if (!was) return `${label} ${formatValue(now.value, field)} (${day})`;
  return `${label} ${formatValue(was.value, field)} → ${formatValue(now.value, field)} (${day})`;
}

const groupWord = (field: CaseField) =>
  field === 'ecogCancerRelated' || field === 'ecog' ? 'ECOG' : 'tumour description';

export function caseHistory(snapshots: readonly Snapshot[]): HistoryRow[] {
  const ordered = [...snapshots].sort((a, b) => a.seq - b.seq);
  return ordered.map((snap, i) => {
    const prev = ordered[i - 1];
    const changes: ScoreChange[] = [];
    if (!prev)
      return { seq: snap.seq, at: snap.at, by: snap.by, scores: scoresOf(snap), changes, inputChanges: [] };
    const described = snap.changed.map((f) => [f, describeChange(f, prev.values, snap.values)] as const);
    for (const score of HISTORY_SCORES) {
      const from = showScore(prev.scores, score);
      const to = showScore(snap.scores, score);
      const because = described.filter(([f]) => explains(f, score)).map(([, text]) => text);
      if (from !== to) changes.push({ score, from, to, because });
    }
    const inputChanges = described.map(([, text]) => text);
    return { seq: snap.seq, at: snap.at, by: snap.by, scores: scoresOf(snap), changes, inputChanges };
  });
}

const scoresOf = (snap: Snapshot) =>
  Object.fromEntries(HISTORY_SCORES.map((s) => [s, showScore(snap.scores, s)]));

/** A change in one line: "BCLC B → C: macrovascular invasion reported 2026-11-20". */
export function describeScoreChange(change: ScoreChange): string {
  const head = `${SCORE_LABEL[change.score]} ${change.from} → ${change.to}`;
  return change.because.length > 0 ? `${head}: ${change.because.join('; ')}` : head;
}
