/**
 * Paste normalisation. Text copied from letters, PDFs and word processors carries typographic characters that
 * mean the same as their plain forms: curly quotes, en and em dashes, the minus sign, non-breaking and thin
 * spaces, and invisible zero-width characters inside words ("bi\u200Bli"). Each is replaced by one plain UTF-16
 * unit, so the normalised text has exactly the length of the original and every span the parser reports is a
 * range into what the person typed. Zero-width characters become U+200B, which the tokenizer skips inside and
 * between tokens (tokenize.ts), so "bi\u200Bli" is the word "bili".
 */

/** Invisible characters that pasting leaves inside words: zero-width space, (non-)joiner, word joiner, BOM, soft hyphen. */
const INVISIBLE = new Set([0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x00ad, 0x180e]);
export const isInvisible = (c: number): boolean => c >= 0xad && INVISIBLE.has(c);

const FOLD = new Map<number, number>([
  // dashes and minus signs → '-'
  [0x2010, 45],
  [0x2011, 45],
  [0x2012, 45],
  [0x2013, 45],
  [0x2014, 45],
  [0x2015, 45],
  [0x2212, 45],
  [0xfe58, 45],
  [0xfe63, 45],
  [0xff0d, 45],
  // single quotes and primes → "'"
  [0x2018, 39],
  [0x2019, 39],
  [0x201a, 39],
  [0x201b, 39],
  [0x2032, 39],
  [0x00b4, 39],
  // double quotes → '"'
  [0x201c, 34],
  [0x201d, 34],
  [0x201e, 34],
  [0x201f, 34],
  [0x2033, 34],
  [0x00ab, 34],
  [0x00bb, 34],
  // full-width punctuation that Asian input methods produce
  [0xff1a, 58],
  [0xff0c, 44],
  [0xff1b, 59],
  [0xff08, 40],
  [0xff09, 41],
  [0xff1d, 61],
  // the ratio and fraction slashes → '/'
  [0x2044, 47],
  [0x2215, 47],
  // the middle dot and bullet operator used as decimal points in some letters stay as they are (not folded).
]);

/** True for a character code that needs folding; checked first so plain ASCII text is returned untouched. */
const needsFold = (c: number): boolean => c >= 0x80 && (FOLD.has(c) || INVISIBLE.has(c) || isSpace(c));
/** Unicode space separators other than the ASCII space (NBSP, en/em/thin/narrow spaces, ideographic space). */
const isSpace = (c: number): boolean =>
  c === 0x00a0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000;

export function normalisePaste(text: string): string {
  let k = 0;
  const n = text.length;
  while (k < n && !needsFold(text.charCodeAt(k))) k++;
  if (k === n) return text;
  let out = text.slice(0, k);
  for (; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80) out += text[k];
    else if (INVISIBLE.has(c)) out += '\u200B';
    else if (isSpace(c)) out += ' ';
    else {
      const f = FOLD.get(c);
      out += f === undefined ? text[k] : String.fromCharCode(f);
    }
  }
  return out;
}
