import type { Reader } from './reader.js';
import { readNumber } from './tokenize.js';

/**
 * mRECIST sums inside a case message ("post-TACE baseline 45mm nadir 20 now 22mm"): sums of viable target-lesion
 * diameters at three times. They describe a response, not the lesions now present, so they are never read as
 * lesion sizes; the reply says how to get the mRECIST view. mm unless a unit says cm; one unit at the end applies
 * to every sum (as in the mrecist command).
 */

type Slot = 'baselineMm' | 'nadirMm' | 'currentMm';
const CURRENT_WORDS = new Set(['now', 'current', 'currently', 'today', 'latest', 'fu', 'present', 'follow']);
const SKIP = new Set([
  'sum',
  'of',
  'viable',
  'target',
  'was',
  'is',
  'at',
  'on',
  'scan',
  'ct',
  'mri',
  'up',
  'lesion',
  'lesions',
]);

function slotAt(r: Reader, j: number, first: boolean): { slot: Slot; next: number } | undefined {
  const l = r.lower(j);
  if (l === undefined) return undefined;
  if (l === 'baseline') return { slot: 'baselineMm', next: j + 1 };
  if (l === 'nadir') return { slot: 'nadirMm', next: j + 1 };
  if (!first && CURRENT_WORDS.has(l)) {
    let next = j + 1;
    // "follow-up", "follow up"
    if (l === 'follow' && r.tok(next)?.text === '-') next++;
    if (l === 'follow' && r.lower(next) === 'up') next++;
    return { slot: 'currentMm', next };
  }
  return undefined;
}

export function mrecistInCase(r: Reader, i: number): number {
  const found: { slot: Slot; value: number; unit?: 'mm' | 'cm' }[] = [];
  let j = i;
  let end = i;
  for (let guard = 0; guard < 4; guard++) {
    const s = slotAt(r, j, found.length === 0);
    if (!s) break;
    let k = s.next;
    for (
      let g = 0;
      g < 4 && (SKIP.has(r.lower(k) ?? '') || r.tok(k)?.text === ':' || r.tok(k)?.text === '=');
      g++
    )
      k++;
    const t = r.tok(k);
    const num = t?.type === 'num' ? readNumber(t.text, false) : undefined;
    if (!num) break;
    k++;
    const c = r.concept(k);
    const unit = c === 'u:mm' ? 'mm' : c === 'u:cm' ? 'cm' : undefined;
    if (unit) k = r.after(k);
    found.push(unit ? { slot: s.slot, value: num.value, unit } : { slot: s.slot, value: num.value });
    end = k;
    const sep = r.tok(k);
    j =
      sep &&
      (sep.text === ',' ||
        sep.text === ';' ||
        sep.text === '→' ||
        sep.lower === 'and' ||
        sep.lower === 'then')
        ? k + 1
        : k;
  }
  if (found.length < 2 || found[0]!.slot !== 'baselineMm') return i;
  const lastUnit = [...found].reverse().find((f) => f.unit)?.unit ?? 'mm';
  const mm = (f: { value: number; unit?: 'mm' | 'cm' }) =>
    (f.unit ?? lastUnit) === 'cm' ? Math.round(f.value * 100) / 10 : f.value;
  const sums: { baselineMm: number; nadirMm?: number; currentMm?: number } = { baselineMm: mm(found[0]!) };
  for (const f of found.slice(1)) sums[f.slot] = mm(f);
  r.mrecist = r.mrecist ?? sums;
  r.claim(i, end, 'mrecist');
  const frag = r.frag(i, end);
  r.context.push({ kind: 'mrecist', ...r.range(i, end), text: frag });
  const words = [`baseline ${sums.baselineMm}`];
  if (sums.nadirMm !== undefined) words.push(`nadir ${sums.nadirMm}`);
  if (sums.currentMm !== undefined) words.push(`now ${sums.currentMm}`);
  r.warn(
    'mrecist-in-case',
    '',
    `"${frag}" was read as mRECIST sums (a treatment response), not as lesion sizes. For the response, send "mrecist ${words.join(' ')} mm".`,
    i,
    end,
  );
  return end;
}
