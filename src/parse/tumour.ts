import { LABEL } from './fields.js';
import { clip, type Reader, SEP_WORDS, type Statement } from './reader.js';
import { readNumber } from './tokenize.js';
import { tidy } from './units.js';

/**
 * Tumour burden: lesion counts and sizes in cm or mm ("3 lesions largest 4.2 cm", "2.1 x 1.8 cm", "4.5, 2 and
 * 1.5 cm lesions", "lesions x3", "total diameter 8 cm"), gathered as statements and reconciled at the end into
 * nodulesCm, noduleCount, largestNoduleCm and totalDiameterCm; and location words that carry numbers (LR-5,
 * seg 7, S8; TNM M1/N1), which are never read as counts.
 */

const LIST_SEPS = new Set([',', '&', '+', ';']);
const AXIS = new Set(['x', '×', '*', 'by']);

/** Location words that carry numbers (not read, not counts): LR-5, LI-RADS 5, segment 7, S8; TNM M1/N1 is spread. */
export function locationWord(r: Reader, i: number): number {
  const t = r.toks[i]!;
  const l = t.lower;
  const n1 = r.tok(i + 1);
  // LR-5, LIRADS 5, LI-RADS 5, LI RADS 5: a category, never a count. Then segment 7, seg 4/8, S7.
  if (l === 'lr' || l === 'lirads' || l === 'li') {
    let j = i + 1;
    if (l === 'li') {
      if (r.tok(j)?.text === '-' && !r.toks[j]!.spaceBefore) j++;
      if (r.lower(j) !== 'rads') j = -1;
      else j++;
    }
    if (j > 0) {
      const sep = r.tok(j)?.text;
      if (sep === '-' || sep === ':') j++;
      if (r.tok(j)?.type === 'num' || r.lower(j) === 'm' || r.lower(j) === 'tiv')
        return r.claim(i, numList(r, j), 'tumour');
    }
  }
  // TNM: "M1", "N1" are spread, "M0", "N0" none.
  if (
    (l === 'm' || l === 'n') &&
    n1 &&
    n1.type === 'num' &&
    !n1.spaceBefore &&
    (n1.text === '0' || n1.text === '1')
  ) {
    const end = r.claim(i, i + 2, 'spread');
    // N0 says only that nodes are clear, not that there is no spread elsewhere.
    if (!(l === 'n' && n1.text === '0')) r.set('extrahepaticSpread', n1.text === '1', i, end);
    return end;
  }
  if ((l === 'seg' || l === 'segment' || l === 'segments' || l === 'segs') && n1) {
    let j = i + 1;
    if (n1.text === '.' || n1.text === ':') j++;
    if (r.tok(j)?.type === 'num') return r.claim(i, numList(r, j), 'tumour');
  }
  if ((l === 's' || l === 'sg') && t.text !== 's' && n1 && n1.type === 'num' && !n1.spaceBefore)
    return r.claim(i, numList(r, i + 1), 'tumour');
  if (
    l === 's' &&
    n1 &&
    n1.type === 'num' &&
    !n1.spaceBefore &&
    /^[1-8]$/.test(n1.text) &&
    !r.tok(i - 1)?.type?.startsWith('num')
  )
    return r.claim(i, numList(r, i + 1), 'tumour');
  return i;
}

function numList(r: Reader, j: number): number {
  let end = j;
  if (r.tok(end)?.type === 'num' || r.lower(end) === 'm' || r.lower(end) === 'tiv') end++;
  for (let guard = 0; guard < 8; guard++) {
    const sep = r.tok(end);
    const nx = r.tok(end + 1);
    if (
      sep &&
      nx &&
      (sep.text === '/' || sep.text === '-' || sep.text === ',') &&
      !sep.spaceBefore &&
      nx.type === 'num' &&
      /^[1-8]$/.test(nx.text)
    )
      end += 2;
    else break;
  }
  return end;
}

function sizeUnitAt(r: Reader, k: number): 'cm' | 'mm' | undefined {
  const c = r.concept(k);
  if (c !== 'u:cm' && c !== 'u:mm') return undefined;
  // "50 mm Hg" is a pressure, "700 cm³/day" and "12 cm2" a volume or an area, "20 cm H2O" a pressure: not sizes.
  const n = r.tok(k + 1);
  if (n && (n.lower === 'hg' || n.lower === 'h' || n.lower === 'water')) return undefined;
  if (
    n &&
    !n.spaceBefore &&
    (n.text === '³' || n.text === '²' || n.text === '^' || n.text === '2' || n.text === '3')
  )
    return undefined;
  return c === 'u:cm' ? 'cm' : 'mm';
}

/** Reads sizes in cm or mm; each item may have axes ("2.1 x 1.8"), the unit may come once at the end. */
export function readSizes(r: Reader, i: number): { sizes: number[]; end: number } | undefined {
  // A list already scanned without finding a unit fails the same way from any later item: keeps this linear.
  if (i > r.sizeFail.from && i < r.sizeFail.to) return undefined;
  const committed: number[] = [];
  let pending: number[][] = [];
  let committedEnd = -1;
  let j = i;
  for (let guard = 0; guard < 60; guard++) {
    const t = r.tok(j);
    if (t?.type !== 'num') break;
    const first = readNumber(t.text, false);
    if (!first) break;
    const dims = [first.value];
    j++;
    let unit: 'cm' | 'mm' | undefined;
    const u = sizeUnitAt(r, j);
    if (u) {
      unit = u;
      j = r.after(j);
    }
    for (let axes = 0; axes < 3; axes++) {
      const x = r.tok(j);
      const nx = r.tok(j + 1);
      if (!x || !nx || nx.type !== 'num' || !AXIS.has(x.lower)) break;
      const d = readNumber(nx.text, false);
      if (!d) break;
      // After "2.5 cm", "x3" is a count, not an axis: a later axis needs its own unit ("2.1 cm x 1.8 cm").
      const u2 = sizeUnitAt(r, j + 2);
      if (unit && !u2) break;
      dims.push(d.value);
      j += 2;
      if (u2) {
        unit = u2;
        j = r.after(j);
      }
    }
    if (unit) {
      for (const p of pending) committed.push(toCm(Math.max(...p), unit));
      committed.push(toCm(dims.length === 1 ? dims[0]! : Math.max(...dims), unit));
      pending = [];
      // "42 mm (segment 7)": a location in brackets; "5.1 cm (previously 4.2 cm)": an earlier size. Both skipped.
      const aside = bracketAside(r, j);
      if (aside > j) j = aside;
      committedEnd = j;
    } else pending.push(dims);
    const sep = r.tok(j);
    if (sep && (LIST_SEPS.has(sep.text) || sep.lower === 'and') && r.tok(j + 1)?.type === 'num') {
      j++;
      continue;
    }
    break;
  }
  if (committed.length === 0) {
    r.sizeFail = { from: i, to: j };
    return undefined;
  }
  return { sizes: committed, end: committedEnd };
}

/**
 * Records a statement about liver lesions and returns the index after it. Lesions placed in another organ ("a 6 mm
 * nodule in the right lung") are extrahepatic spread instead, never liver nodules. Satellites ("plus 2
 * satellites") are marked so they add to the dominant lesion rather than restate it.
 */
const ASIDE_WORDS = new Set([
  'seg',
  'segment',
  'segments',
  's',
  'previously',
  'prev',
  'was',
  'prior',
  'from',
  'left',
  'right',
  'lobe',
]);

/** The index after a short bracketed aside that starts with a location or "previously", or j. */
function bracketAside(r: Reader, j: number): number {
  if (r.tok(j)?.text !== '(') return j;
  const l = r.lower(j + 1);
  if (l === undefined || !(ASIDE_WORDS.has(l) || /^s\d/.test(l))) return j;
  for (let k = j + 2; k < j + 8; k++) {
    const t = r.tok(k);
    if (!t || t.text === '(') return j;
    if (t.text === ')') return k + 1;
  }
  return j;
}

export function addStatement(r: Reader, s: Statement): number {
  const elsewhere = organAfter(r, s.to);
  if (elsewhere > s.to) {
    const end = r.claim(s.from, elsewhere, 'spread');
    r.set('extrahepaticSpread', true, s.from, end);
    return end;
  }
  for (let k = s.from; k < s.to; k++) {
    const l = r.toks[k]!.lower;
    if (r.concept(k) === 'tumour' && (l.startsWith('satellite') || l.startsWith('daughter'))) s.extra = true;
  }
  r.statements.push(s);
  return s.to;
}

/** Words between a lesion and the organ it lies in: "in the right lower lobe of the lung". */
const PLACE_WORDS = new Set([
  'in',
  'within',
  'the',
  'both',
  'of',
  'right',
  'left',
  'lower',
  'upper',
  'middle',
  'lobe',
  'lobes',
  'bilateral',
]);

/** The index after "in the (right) lung" following a lesion, or -1 when no organ other than the liver follows. */
function organAfter(r: Reader, j0: number): number {
  const l = r.lower(j0);
  if (l !== 'in' && l !== 'within') return -1;
  let j = j0 + 1;
  for (let guard = 0; guard < 6 && PLACE_WORDS.has(r.lower(j) ?? ''); guard++) j++;
  if (r.concept(j) !== 'organ') return -1;
  return r.after(j);
}

/** "lung nodules", "2 pulmonary nodules 5 mm", "bone and lung lesions": extrahepatic spread, not liver lesions. */
export function organLesion(r: Reader, from: number, organAt: number): number {
  let j = r.after(organAt);
  for (let guard = 0; guard < 4; guard++) {
    const sep = r.tok(j);
    if (
      sep &&
      (sep.text === ',' || sep.text === '/' || sep.text === '&' || sep.lower === 'and') &&
      r.concept(j + 1) === 'organ'
    )
      j = r.after(j + 1);
    else break;
  }
  if (r.concept(j) !== 'tumour') return from;
  j = r.after(j);
  let k = skipSepsTumour(r, j);
  if (r.concept(k) === 'largest') k = r.skipSeps(r.after(k), 2);
  const sizes = readSizes(r, k);
  const end = r.claim(from, sizes ? sizes.end : j, 'spread');
  r.set('extrahepaticSpread', true, from, end);
  return end;
}

/** After a count (word or number) at i: "single 1.8 cm", "two 2.5 cm nodules", "3 lesions largest 4.2 cm". */
export function countFirst(r: Reader, i: number, count: number): number {
  let j = r.after(i);
  if (r.concept(j) === 'organ') return organLesion(r, i, j);
  let noun = false;
  if (r.concept(j) === 'tumour') {
    noun = true;
    j = r.after(j);
  }
  const k = skipSepsTumour(r, j);
  if (r.concept(k) === 'largest') {
    const l = largestSize(r, k);
    if (l) {
      const end = r.claim(i, l.end, 'tumour');
      return addStatement(r, { count, sizes: [], largest: l.size, from: i, to: end });
    }
  }
  const sizes = readSizes(r, k);
  if (sizes) {
    let end = sizes.end;
    const each = r.concept(end) === 'each';
    if (each) end = r.after(end);
    let nounAfter = false;
    if (r.concept(end) === 'tumour') {
      nounAfter = true;
      end = r.after(end);
    }
    if (r.tok(end)?.text === ')' && r.tok(k - 1)?.text === '(') end++;
    r.claim(i, end, 'tumour');
    let list = sizes.sizes;
    let sizeAsLargest = false;
    if (list.length === 1 && count > 1) {
      if (each || nounAfter || !noun) list = new Array<number>(count).fill(list[0]!);
      else sizeAsLargest = true;
    }
    return addStatement(r, { count, sizes: list, sizeAsLargest, from: i, to: end });
  }
  if (!noun && r.toks[i]!.type === 'num') return i;
  if (!noun) {
    // "single" alone says one lesion only when a lesion word or size follows; otherwise unknown.
    return i;
  }
  const end = r.claim(i, j, 'tumour');
  return addStatement(r, { count, sizes: [], from: i, to: end });
}

function skipSepsTumour(r: Reader, j: number): number {
  let k = j;
  for (let g = 0; g < 3; g++) {
    const t = r.tok(k);
    if (!t) break;
    if (
      (t.type === 'punct' &&
        (t.text === ':' || t.text === '(' || t.text === ',' || t.text === '-' || t.text === '=')) ||
      (t.type === 'word' && SEP_WORDS.has(t.lower))
    )
      k++;
    else break;
  }
  // only skip if something tumour-like follows
  return r.tok(k)?.type === 'num' || r.concept(k) === 'largest' ? k : j;
}

function largestSize(r: Reader, k: number): { size: number; end: number } | undefined {
  let j = r.after(k);
  if (r.concept(j) === 'tumour' || r.lower(j) === 'one') j = r.after(j);
  j = r.skipSeps(j, 2);
  const sizes = readSizes(r, j);
  if (sizes?.sizes.length !== 1) return undefined;
  let end = sizes.end;
  if (r.tok(end)?.text === ')') end++;
  return { size: sizes.sizes[0]!, end };
}

export function tumourNoun(r: Reader, i: number): number {
  let j = r.after(i);
  // "Lesions: x4"
  if (r.tok(j)?.text === ':' && (r.lower(j + 1) === 'x' || r.tok(j + 1)?.text === '×')) j++;
  // "lesions x3"
  if ((r.lower(j) === 'x' || r.tok(j)?.text === '×') && r.tok(j + 1)?.type === 'num') {
    const c = readNumber(r.toks[j + 1]!.text, false);
    if (c && Number.isInteger(c.value)) {
      const end = r.claim(i, j + 2, 'tumour');
      return addStatement(r, { count: c.value, sizes: [], from: i, to: end });
    }
  }
  const k = skipSepsTumour(r, j);
  if (r.concept(k) === 'largest') {
    const end = claimLargest(r, i, k);
    if (end !== null) return end;
  }
  const sizes = readSizes(r, k);
  if (sizes) {
    let end = sizes.end;
    if (r.concept(end) === 'each') end = r.after(end);
    if (r.tok(end)?.text === ')' && r.tok(k - 1)?.text === '(') end++;
    r.claim(i, end, 'tumour');
    return addStatement(r, { sizes: sizes.sizes, from: i, to: end });
  }
  return r.claim(i, j, 'tumour');
}

export function largest(r: Reader, i: number): number {
  return claimLargest(r, i, i) ?? i;
}

/** "largest 4.2 cm" read at token `at` and claimed from token `from`; null when no size follows the word. */
function claimLargest(r: Reader, from: number, at: number): number | null {
  const l = largestSize(r, at);
  if (!l) return null;
  const end = r.claim(from, l.end, 'tumour');
  return addStatement(r, { sizes: [], largest: l.size, from, to: end });
}

export function multiFirst(r: Reader, i: number): number {
  let j = r.after(i);
  r.multi = r.multi ?? r.range(i, j);
  if (r.concept(j) === 'tumour') j = r.after(j);
  const k = skipSepsTumour(r, j);
  if (r.concept(k) === 'largest') {
    const end = claimLargest(r, i, k);
    if (end !== null) return end;
  }
  const sizes = readSizes(r, k);
  if (sizes) {
    const end = r.claim(i, sizes.end, 'tumour');
    return addStatement(r, { sizes: sizes.sizes, from: i, to: end });
  }
  return r.claim(i, j, 'tumour');
}

export function total(r: Reader, i: number): number {
  const j = r.skipSeps(r.after(i), 2);
  const sizes = readSizes(r, j);
  if (sizes?.sizes.length !== 1) return i;
  const end = r.claim(i, sizes.end, 'tumour');
  const v = sizes.sizes[0]!;
  if (r.scalar('totalDiameterCm', 'totalDiameterCm', v, i, end, true)) r.set('totalDiameterCm', v, i, end);
  return end;
}

export function finishTumour(r: Reader): void {
  const st = r.statements;
  if (st.length === 0) {
    if (r.multi)
      r.warnings.push({
        code: 'not-understood',
        field: 'noduleCount',
        message:
          'Several lesions were mentioned without a number; give the count and sizes, e.g. "3 lesions largest 4.2 cm".',
        spans: [r.multi],
      });
    return;
  }
  let ok = true;
  const span = (s: Statement) => r.range(s.from, s.to);
  // Sizes must be plausible.
  for (const s of st) {
    for (const v of s.sizes) if (!r.scalar('noduleCm', 'nodulesCm', v, s.from, s.to, true)) ok = false;
    if (s.largest !== undefined && !r.scalar('noduleCm', 'nodulesCm', s.largest, s.from, s.to, true))
      ok = false;
    if (s.count !== undefined && !r.scalar('noduleCount', 'noduleCount', s.count, s.from, s.to)) ok = false;
    if (s.count !== undefined && !Number.isInteger(s.count)) ok = false;
  }
  if (!ok) return;
  if (st.some((s) => s.extra) && st.some((s) => !s.extra)) {
    withSatellites(r, st);
    return;
  }
  const counted = st.filter((s) => s.count !== undefined);
  const count = counted[0]?.count;
  const conflict = (what: string, a: Statement, b: Statement): void => {
    r.errors.push({
      code: 'contradiction',
      field: what,
      message: `"${clip(r.frag(a.from, a.to))}" and "${clip(r.frag(b.from, b.to))}" disagree about the ${LABEL[what] ?? 'lesion sizes'}; say which is right.`,
      spans: [span(a), span(b)],
    });
  };
  for (const s of counted)
    if (s.count !== count) {
      conflict('noduleCount', counted[0]!, s);
      return;
    }
  const withLargest = st.filter((s) => s.largest !== undefined || s.sizeAsLargest);
  const largestOf = (s: Statement) => s.largest ?? s.sizes[0]!;
  let largest = withLargest[0] ? largestOf(withLargest[0]) : undefined;
  for (const s of withLargest)
    if (largestOf(s) !== largest) {
      conflict('largestNoduleCm', withLargest[0]!, s);
      return;
    }
  const sizes: number[] = [];
  for (const s of st) if (!s.sizeAsLargest) for (const v of s.sizes) sizes.push(v);
  const first = st[0]!;
  const last = st[st.length - 1]!;
  if (sizes.length > 0) {
    const max = Math.max(...sizes);
    if (largest !== undefined && largest < max) {
      conflict('largestNoduleCm', withLargest[0]!, st.find((s) => s.sizes.includes(max))!);
      return;
    }
    if (largest !== undefined && largest > max && count === undefined) {
      sizes.push(largest);
      largest = undefined;
    }
    const n = count ?? sizes.length;
    if (sizes.length > n) {
      r.errors.push({
        code: 'contradiction',
        field: 'noduleCount',
        message: `The message gives ${n} lesion(s) but ${sizes.length} sizes; say which is right.`,
        spans: [span(first), span(last)],
      });
      return;
    }
    if (sizes.length > MAX_SIZES) {
      r.errors.push({
        code: 'implausible',
        field: 'nodulesCm',
        message: `The message lists ${sizes.length} lesion sizes ("${clip(r.frag(first.from, last.to))}"); I read up to ${MAX_SIZES}. Give the number and the largest instead, e.g. "${sizes.length} lesions largest ${Math.max(...sizes)} cm".`,
        spans: [span(first), span(last)],
      });
      return;
    }
    if (sizes.length === n && (largest === undefined || largest === Math.max(...sizes))) {
      r.set('nodulesCm', sizes, first.from, last.to);
      r.set('noduleCount', n, first.from, last.to);
      return;
    }
    r.set('noduleCount', n, first.from, last.to);
    const big = largest ?? max;
    r.set('largestNoduleCm', big, first.from, last.to);
    if (largest === undefined)
      r.assume(
        'largestNoduleCm',
        `Only ${sizes.length} of ${n} lesion sizes given; the largest given (${big} cm) is taken as the largest.`,
      );
    return;
  }
  if (count !== undefined) r.set('noduleCount', count, first.from, last.to);
  if (largest !== undefined) {
    if (count === undefined) {
      r.warnings.push({
        code: 'not-understood',
        field: 'noduleCount',
        message: `The largest lesion (${largest} cm) was read but not the number of lesions, so it was not used; e.g. "3 lesions largest ${largest} cm".`,
        spans: [span(withLargest[0]!)],
      });
      return;
    }
    if (withLargest[0]?.sizeAsLargest)
      r.assume(
        'largestNoduleCm',
        `"${r.frag(withLargest[0].from, withLargest[0].to)}" read as ${count} lesions, the largest ${largest} cm.`,
      );
    r.set('largestNoduleCm', largest, first.from, last.to);
  }
}

/** The most sizes one case lists (the case schema's limit on nodulesCm). */
const MAX_SIZES = 50;

/**
 * A stated total diameter against the lesions: it cannot be smaller than the largest lesion, and when every size is
 * listed it must be their sum (within 0.1 cm). Either disagreement is asked about, naming both fragments.
 */
export function checkTotal(r: Reader): void {
  const total = r.fields.get('totalDiameterCm');
  if (!total || r.conflicted.has('totalDiameterCm')) return;
  const list = r.fields.get('nodulesCm');
  const big = r.fields.get('largestNoduleCm');
  const sizes = list && !r.conflicted.has('nodulesCm') ? (list.value as number[]) : undefined;
  const largest = sizes
    ? Math.max(...sizes)
    : big && !r.conflicted.has('largestNoduleCm')
      ? (big.value as number)
      : undefined;
  const other = list ?? big;
  if (largest === undefined || !other) return;
  const t = total.value as number;
  const sum = sizes ? tidy(sizes.reduce((a, b) => a + b, 0)) : undefined;
  let message: string | undefined;
  const ta = clip(r.quote(total.start, total.end));
  const tb = clip(r.quote(other.start, other.end));
  if (t < largest)
    message = `"${ta}" is smaller than the largest lesion in "${tb}" (${largest} cm); say which is right.`;
  else if (sum !== undefined && Math.abs(sum - t) > 0.1)
    message = `"${ta}" is not the sum of the sizes in "${tb}" (${sum} cm); say which is right.`;
  if (!message) return;
  r.conflicted.add('totalDiameterCm');
  r.errors.push({
    code: 'contradiction',
    field: 'totalDiameterCm',
    message,
    spans: [
      { start: total.start, end: total.end },
      { start: other.start, end: other.end },
    ],
  });
}

const toCm = (v: number, unit: 'cm' | 'mm'): number => (unit === 'mm' ? tidy(v / 10) : v);

/**
 * "dominant 5.5 cm lesion plus 2 satellites 1 cm": the satellites add to the other lesions. The main lesions
 * are read as usual (a dominant lesion without a count is one lesion); all sizes are kept only when every
 * lesion has one, otherwise the count and the largest.
 */
function withSatellites(r: Reader, st: Statement[]): void {
  const main = st.filter((s) => !s.extra);
  const extras = st.filter((s) => s.extra);
  const first = st[0]!;
  const last = st[st.length - 1]!;
  const mainCount = main.find((s) => s.count !== undefined)?.count;
  const mainSizes: number[] = [];
  let mainLargest: number | undefined;
  for (const s of main) {
    if (!s.sizeAsLargest) mainSizes.push(...s.sizes);
    const l = s.largest ?? (s.sizeAsLargest ? s.sizes[0] : undefined);
    if (l !== undefined) mainLargest = Math.max(mainLargest ?? 0, l);
  }
  // A dominant lesion named without its own size list is one lesion.
  if (mainLargest !== undefined && mainCount === undefined && !mainSizes.includes(mainLargest))
    mainSizes.push(mainLargest);
  const nMain = mainCount ?? mainSizes.length;
  let nExtra = 0;
  const extraSizes: number[] = [];
  let extraComplete = true;
  for (const e of extras) {
    const c = e.count ?? (e.sizes.length > 0 ? e.sizes.length : undefined);
    if (c === undefined) {
      r.warnings.push({
        code: 'not-understood',
        field: 'noduleCount',
        message: `"${r.frag(e.from, e.to)}" gives no number of satellites, so the lesion count was not read; e.g. "plus 2 satellites".`,
        spans: [r.range(e.from, e.to)],
      });
      return;
    }
    nExtra += c;
    if (!e.sizeAsLargest && e.sizes.length === c) extraSizes.push(...e.sizes);
    else {
      extraComplete = false;
      if (e.sizes.length > 0) extraSizes.push(...e.sizes);
    }
  }
  if (nMain === 0) return;
  const total = nMain + nExtra;
  const all = [...mainSizes, ...extraSizes];
  const largest = Math.max(...all, mainLargest ?? 0);
  if (mainSizes.length === nMain && extraComplete && all.length === total) {
    r.set('nodulesCm', all, first.from, last.to);
  } else if (all.length > 0) {
    r.set('largestNoduleCm', largest, first.from, last.to);
  }
  r.set('noduleCount', total, first.from, last.to);
  r.assume(
    'noduleCount',
    `"${r.frag(first.from, last.to)}" read as ${nMain} lesion${nMain === 1 ? '' : 's'} plus ${nExtra} satellite${nExtra === 1 ? '' : 's'}: ${total} lesions${all.length > 0 ? `, the largest ${largest} cm` : ''}.`,
  );
}
