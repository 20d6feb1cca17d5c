import type { Assessment } from '../clinical/assessment.js';
import { fixed } from './format.js';

/**
 * The one-line headline of an assessment, e.g. `BCLC B · Child-Pugh A6 · ALBI 2 (-2.31) · MELD 3.0 9`.
 * Parts that were not computed are left out, except BCLC, which says "BCLC not evaluable". When MELD 3.0 could
 * not be computed (it needs sex) but MELD-Na or MELD could, that one is shown under its own name. Built only from
 * computed values, never from anything the user typed, so it is safe for notifications.
 */
export function headline(a: Assessment): string {
  const parts: string[] = [a.bclc ? `BCLC ${a.bclc.stage}` : 'BCLC not evaluable'];
  if (a.childPugh) parts.push(`Child-Pugh ${a.childPugh.class}${a.childPugh.points}`);
  if (a.albi) parts.push(`ALBI ${a.albi.grade} (${fixed(a.albi.score, 2)})`);
  if (a.meld.meld3 !== null) parts.push(`MELD 3.0 ${a.meld.meld3}`);
  else if (a.meld.meldNa !== null) parts.push(`MELD-Na ${a.meld.meldNa}`);
  else if (a.meld.meld !== null) parts.push(`MELD ${a.meld.meld}`);
  return parts.join(' · ');
}
