/**
 * A single linear pass over the text: words (letter runs, Unicode letters included, so `µmol` and `α` are
 * words), numbers (ASCII digits with `.` or `,` between digits) and single punctuation characters.
 * No regular expression runs over more than one code point, so the tokenizer cannot backtrack. Invisible
 * characters (zero-width space and joiners, soft hyphen, BOM) are skipped: inside a word or number they are
 * dropped from `text`/`lower` while `start`/`end` still cover them, and between tokens they are no space.
 */
import { isInvisible } from './normalise.js';

export type TokenType = 'word' | 'num' | 'punct';

export interface Token {
  type: TokenType;
  /** UTF-16 offsets into the text, `end` exclusive. */
  start: number;
  end: number;
  text: string;
  lower: string;
  /** True when whitespace (or the start of the text) precedes the token. */
  spaceBefore: boolean;
  /** True when a line break lies between this token and the previous one. */
  newlineBefore: boolean;
}

const LETTER = /^\p{L}$/u;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isSpace = (ch: string): boolean => ch.trim() === '';
/** ASCII fast path; other code points go through the Unicode letter test (`ch` is set for them). */
const isLetter = (code: number, ch: string): boolean =>
  code < 128 ? (code >= 97 && code <= 122) || (code >= 65 && code <= 90) : LETTER.test(ch);

/** The code point at k is a letter (an invisible character inside a word is kept only before one). */
function isWordCode(text: string, k: number): boolean {
  const c = text.charCodeAt(k);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  const cp = text.codePointAt(k) ?? 0;
  return LETTER.test(String.fromCodePoint(cp));
}

function stripInvisible(s: string): string {
  let out = '';
  for (let k = 0; k < s.length; k++) if (!isInvisible(s.charCodeAt(k))) out += s[k];
  return out;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const n = text.length;
  let i = 0;
  let spaceBefore = true;
  let newlineBefore = false;
  while (i < n) {
    let code = text.charCodeAt(i);
    // ASCII fast path: no code point decoding, no per-character strings.
    if (code === 32 || (code >= 9 && code <= 13)) {
      spaceBefore = true;
      if (code === 10 || code === 13) newlineBefore = true;
      i++;
      continue;
    }
    if (isInvisible(code)) {
      i++;
      continue;
    }
    let width = 1;
    let ch = '';
    if (code >= 128) {
      code = text.codePointAt(i) ?? 0;
      width = code > 0xffff ? 2 : 1;
      ch = text.slice(i, i + width);
      if (isSpace(ch)) {
        spaceBefore = true;
        i += width;
        continue;
      }
    }
    const start = i;
    let type: TokenType;
    /** Whether the token may hold upper-case letters (lower-casing is skipped when it cannot). */
    let mixed = false;
    /** Whether an invisible character lies inside the token (it is then dropped from the token's text). */
    let invisible = false;
    if (isDigit(code)) {
      type = 'num';
      i++;
      for (;;) {
        for (;;) {
          const c = text.charCodeAt(i);
          if (isDigit(c)) i++;
          else if (isInvisible(c) && isDigit(text.charCodeAt(i + 1))) {
            invisible = true;
            i++;
          } else break;
        }
        const sep = text.charCodeAt(i);
        if ((sep === 46 || sep === 44) && i + 1 < n && isDigit(text.charCodeAt(i + 1))) {
          i++;
          continue;
        }
        break;
      }
    } else if (isLetter(code, ch)) {
      type = 'word';
      mixed = code < 97 || code > 122;
      i += width;
      while (i < n) {
        const c = text.charCodeAt(i);
        if (c >= 97 && c <= 122) {
          i++;
          continue;
        }
        if (c >= 65 && c <= 90) {
          mixed = true;
          i++;
          continue;
        }
        if (c < 128) break;
        if (isInvisible(c) && i + 1 < n && isWordCode(text, i + 1)) {
          invisible = true;
          i++;
          continue;
        }
        const cp = text.codePointAt(i) ?? 0;
        const w = cp > 0xffff ? 2 : 1;
        if (!LETTER.test(text.slice(i, i + w))) break;
        mixed = true;
        i += w;
      }
    } else {
      type = 'punct';
      mixed = code >= 128;
      i += width;
    }
    const raw = text.slice(start, i);
    const tokenText = invisible ? stripInvisible(raw) : raw;
    tokens.push({
      type,
      start,
      end: i,
      text: tokenText,
      lower: mixed ? tokenText.toLowerCase() : tokenText,
      spaceBefore,
      newlineBefore,
    });
    spaceBefore = false;
    newlineBefore = false;
  }
  return tokens;
}

/**
 * Reads a number token. A single comma is a decimal comma (`3,2`), except that `thousandsOk` lets a comma
 * followed by exactly three digits group thousands (`AFP 1,200`). Several separators must be thousands groups
 * (`1,200,000`, optionally with a decimal point at the end). Anything else is not a number.
 */
export function readNumber(
  raw: string,
  thousandsOk: boolean,
): { value: number; thousands: boolean } | undefined {
  // Fast path: digits with at most one '.' (no comma) are read as written. Up to 15 digits the value is built
  // exactly (an integer below 2^53 divided once by a power of ten rounds the same way Number() does).
  let dots = 0;
  let commas = 0;
  let mantissa = 0;
  let scale = 1;
  for (let k = 0; k < raw.length; k++) {
    const c = raw.charCodeAt(k);
    if (c === 46) dots++;
    else if (c === 44) commas++;
    else {
      mantissa = mantissa * 10 + (c - 48);
      if (dots > 0) scale *= 10;
    }
  }
  if (commas === 0 && dots <= 1) {
    const v = raw.length - dots <= 15 ? mantissa / scale : Number(raw);
    return Number.isFinite(v) ? { value: v, thousands: false } : undefined;
  }
  const parts: string[] = [];
  const seps: string[] = [];
  let cur = '';
  for (const ch of raw) {
    if (ch === '.' || ch === ',') {
      parts.push(cur);
      seps.push(ch);
      cur = '';
    } else cur += ch;
  }
  parts.push(cur);
  let result: { value: number; thousands: boolean } | undefined;
  if (seps.length === 0) result = { value: Number(raw), thousands: false };
  else if (seps.length === 1) {
    const frac = parts[1] ?? '';
    if (seps[0] === ',' && thousandsOk && frac.length === 3 && (parts[0] ?? '').length <= 3)
      result = { value: Number(`${parts[0]}${frac}`), thousands: true };
    else result = { value: Number(`${parts[0]}.${frac}`), thousands: false };
  } else {
    // 1,200,000 or 1,200.5: every comma group has three digits, at most one final '.'.
    const lastSep = seps[seps.length - 1];
    const commaCount = lastSep === '.' ? seps.length - 1 : seps.length;
    const ok =
      seps.slice(0, commaCount).every((s) => s === ',') &&
      (parts[0] ?? '').length <= 3 &&
      parts.slice(1, commaCount + 1).every((p) => p.length === 3);
    if (ok) {
      const intPart = parts.slice(0, commaCount + 1).join('');
      const value = lastSep === '.' ? Number(`${intPart}.${parts[parts.length - 1]}`) : Number(intPart);
      result = { value, thousands: true };
    }
  }
  if (!result || !Number.isFinite(result.value)) return undefined;
  return result;
}

/** A Roman numeral grade as written in letters ("ECOG II", "HE grade III"): 1-4, or undefined. */
export function romanGrade(lower: string): number | undefined {
  return lower === 'i' ? 1 : lower === 'ii' ? 2 : lower === 'iii' ? 3 : lower === 'iv' ? 4 : undefined;
}
