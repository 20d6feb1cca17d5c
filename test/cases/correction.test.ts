import { describe, expect, it } from 'vitest';
import { readCorrection } from '../../src/cases/correction.js';
import { parseCase } from '../../src/parse/parseCase.js';

const read = (text: string) => readCorrection(parseCase(text, {}));

describe('readCorrection', () => {
  it.each([
    'ECOG is 0, not 1',
    'correction: ECOG 0',
    'sorry, albumin 31 g/L',
    'typo - INR 1.3',
    'actually AFP 12',
  ])('reads "%s" as a correction and drops the correcting words from "not understood"', (text) => {
    const r = read(text);
    expect(r.correction).toBe(true);
    expect(r.parse.notUnderstood.filter((n) => n.kind === 'unknown')).toEqual([]);
  });

  it('does not read an ordinary message, or one with other unknown words, as a correction', () => {
    expect(read('ECOG 1, AFP 20').correction).toBe(false);
    const other = read('ECOG 0 blurb');
    expect(other.correction).toBe(false);
    expect(other.parse.notUnderstood).toHaveLength(1);
  });

  it('keeps the values the parser read', () => {
    expect(read('ECOG is 0, not 1').parse.input).toEqual({ ecog: 0 });
  });
});
