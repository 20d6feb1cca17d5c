import { z } from 'zod';
import type { Assessment } from '../clinical/assessment.js';
import { SCORE_NAMES } from '../clinical/scores.js';
import { TUMOUR_MISSING } from '../clinical/tumourBurden.js';
import { type StatedScore, StatedScoreKeySchema } from './parseResult.js';

/**
 * A score the message states ("Child-Pugh B8", "MELD 14", "BCLC B") beside the one computed from the values. The
 * stated score is never used in place of the computed one; a disagreement is for the first screen, because it means
 * a value or the stated score is wrong. A score that could not be computed says what to add.
 */

export const StatedScoreCheckSchema = z.strictObject({
  score: StatedScoreKeySchema,
  /** As typed, e.g. "CP-A5". */
  stated: z.string(),
  /** The computed score in the same terms ("Child-Pugh C10"), or null when it could not be computed. */
  computed: z.string().nullable(),
  /** null when there is nothing to compare with. */
  agrees: z.boolean().nullable(),
  message: z.string(),
});
export type StatedScoreCheck = z.infer<typeof StatedScoreCheckSchema>;

/** The clinic's words for the missing inputs ("ascites and encephalopathy"). */
const MISSING_WORDS: Record<string, string> = {
  bilirubin: 'bilirubin',
  albumin: 'albumin',
  inr: 'INR (or PT prolongation)',
  ptProlongationSeconds: 'PT prolongation',
  creatinine: 'creatinine',
  sodium: 'sodium',
  ascites: 'ascites',
  encephalopathy: 'encephalopathy',
  ecog: 'ECOG',
  sex: 'sex',
  nodules: 'the lesion sizes and number',
  [TUMOUR_MISSING]: 'the lesion sizes (or their number and the largest)',
};
const words = (fields: string[]): string => {
  const w = [...new Set(fields.map((f) => MISSING_WORDS[f] ?? f))];
  return w.length <= 1 ? (w[0] ?? '') : `${w.slice(0, -1).join(', ')} and ${w[w.length - 1]}`;
};

function computedOf(s: StatedScore, a: Assessment): { text: string; agrees: boolean } | null {
  switch (s.score) {
    case 'childPugh': {
      const cp = a.childPugh;
      if (!cp) return null;
      const agrees =
        (s.class === undefined || s.class === cp.class) && (s.points === undefined || s.points === cp.points);
      return { text: `Child-Pugh ${cp.class}${cp.points}`, agrees };
    }
    case 'meld':
    case 'meldNa':
    case 'meld3': {
      const m = a.meld;
      const own = m[s.score];
      if (s.score !== 'meld')
        return own === null ? null : { text: `${SCORE_NAMES[s.score]} ${own}`, agrees: own === s.points };
      // A bare "MELD 14" may mean any of the three: it agrees when one of them is 14.
      const all = (['meld', 'meldNa', 'meld3'] as const).filter((k) => m[k] !== null);
      if (all.length === 0) return null;
      return {
        text: all.map((k) => `${SCORE_NAMES[k]} ${m[k]}`).join(', '),
        agrees: all.some((k) => m[k] === s.points),
      };
    }
    case 'albi': {
      const albi = a.albi;
      if (!albi) return null;
      const agrees =
        s.class !== undefined
          ? s.class === albi.grade
          : Math.abs((s.points ?? Number.NaN) - albi.score) < 0.05;
      return { text: `ALBI grade ${albi.grade} (${albi.score.toFixed(2)})`, agrees };
    }
    case 'bclc': {
      const b = a.bclc;
      if (!b) return null;
      return { text: `BCLC ${b.stage}`, agrees: s.class === b.stage };
    }
  }
}

const NOT_EVALUABLE_NAME: Record<StatedScore['score'], string> = {
  childPugh: 'Child-Pugh',
  meld: 'MELD',
  meldNa: 'MELD-Na',
  meld3: 'MELD 3.0',
  albi: 'ALBI',
  bclc: 'BCLC',
};

export function compareStatedScores(stated: readonly StatedScore[], a: Assessment): StatedScoreCheck[] {
  return stated.map((s) => {
    const c = computedOf(s, a);
    if (c === null) {
      const missing = a.notEvaluable.find(
        (n) => n.about === s.score || n.score === NOT_EVALUABLE_NAME[s.score],
      );
      const add = missing
        ? `: add ${words(missing.missing)} to compute it`
        : ', but it could not be computed from the values given';
      return {
        score: s.score,
        stated: s.text,
        computed: null,
        agrees: null,
        message: `You wrote ${s.text}${add}.`,
      };
    }
    return {
      score: s.score,
      stated: s.text,
      computed: c.text,
      agrees: c.agrees,
      message: c.agrees
        ? `You wrote ${s.text}; the values give ${c.text}.`
        : `You wrote ${s.text}, but the values give ${c.text}: check the values or the stated score.`,
    };
  });
}
