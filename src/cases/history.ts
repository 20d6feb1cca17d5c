import { z } from 'zod';
import { type CaseField, FIELD_LABEL, formatValue } from './fields.js';
import type { KeyScores, Snapshot } from './snapshot.js';
import type { CaseValues } from './values.js';

/**
 * The case over time: the key scores at each snapshot and what changed between snapshots, with the reason in the
 * clinic's words: "BCLC B → C: macrovascular invasion (PVTT) reported 2026-11-20".
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

const CHILD_PUGH_INPUTS: readonly CaseField[] = [
  'bilirubin',
  'albumin',
  'inr',
  'ptProlongationSeconds',
  'ascites',
  'encephalopathy',
  'cholestatic',
];
/** The inputs each history score depends on, so a change is explained only by inputs that can move it. */
const SCORE_INPUTS: Record<(typeof HISTORY_SCORES)[number], readonly CaseField[]> = {
  albi: ['bilirubin', 'albumin'],
  childPugh: CHILD_PUGH_INPUTS,
  meldNa: ['bilirubin', 'inr', 'creatinine', 'sodium', 'dialysis'],
  afp: ['afp'],
  bclc: [
    ...CHILD_PUGH_INPUTS,
    'ecog',
    'ecogCancerRelated',
    'nodulesCm',
    'noduleCount',
    'largestNoduleCm',
    'totalDiameterCm',
    'macrovascularInvasion',
    'extrahepaticSpread',
    'infiltrative',
    'portalHypertension',
  ],
};

export const ScoreChangeSchema = z.strictObject({
  score: z.enum(HISTORY_SCORES),
  from: z.string(),
  to: z.string(),
  /** The changed inputs that explain it, e.g. "macrovascular invasion (PVTT) reported 2026-11-20". */
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

/** One changed input in words: "ECOG 1 → 0 (corrected 2026-11-21)", "macrovascular invasion (PVTT) reported …". */
export function describeChange(field: CaseField, before: CaseValues, after: CaseValues): string {
  const label = FIELD_LABEL[field];
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
      const because = described.filter(([f]) => SCORE_INPUTS[score].includes(f)).map(([, text]) => text);
      if (from !== to) changes.push({ score, from, to, because });
    }
    const inputChanges = described.map(([, text]) => text);
    return { seq: snap.seq, at: snap.at, by: snap.by, scores: scoresOf(snap), changes, inputChanges };
  });
}

const scoresOf = (snap: Snapshot) =>
  Object.fromEntries(HISTORY_SCORES.map((s) => [s, showScore(snap.scores, s)]));

/** A change in one line: "BCLC B → C: macrovascular invasion (PVTT) reported 2026-11-20". */
export function describeScoreChange(change: ScoreChange): string {
  const head = `${SCORE_LABEL[change.score]} ${change.from} → ${change.to}`;
  return change.because.length > 0 ? `${head}: ${change.because.join('; ')}` : head;
}
