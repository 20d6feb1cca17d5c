/**
 * Edit distance between two short words, capped: anything above `max` comes back as `max + 1`, and the work stops
 * as soon as a whole row exceeds it. With `transpositions` (the default) an adjacent swap costs one edit (optimal
 * string alignment, Damerau-Levenshtein's restricted form: "blii" → "bili" is 1); without it, plain Levenshtein.
 * Shared by the parser's "did you mean" and the evidence search. One scratch buffer is reused across calls, since
 * both call it in tight loops.
 */
let scratch = new Int32Array(64 * 64);
const DEFAULTS: { transpositions?: boolean } = { transpositions: true };

export function editDistance(
  a: string,
  b: string,
  max = Number.POSITIVE_INFINITY,
  options: { transpositions?: boolean } = DEFAULTS,
): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const swaps = options.transpositions ?? true;
  const rows = a.length + 1;
  const cols = b.length + 1;
  if (scratch.length < rows * cols) scratch = new Int32Array(rows * cols);
  const d = scratch;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    let rowMin = Number.POSITIVE_INFINITY;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(
        d[(i - 1) * cols + j]! + 1,
        d[i * cols + j - 1]! + 1,
        d[(i - 1) * cols + j - 1]! + cost,
      );
      if (swaps && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return d[rows * cols - 1]!;
}
