import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/text/editDistance.js';

describe('editDistance', () => {
  it('counts an adjacent transposition as one edit by default (optimal string alignment)', () => {
    expect(editDistance('ab', 'ba', 2)).toBe(1);
    expect(editDistance('kitten', 'sitting', 5)).toBe(3);
    expect(editDistance('abc', 'abc', 1)).toBe(0);
  });

  it('without transpositions it is plain Levenshtein: a swap costs two', () => {
    expect(editDistance('ab', 'ba', 5, { transpositions: false })).toBe(2);
    expect(editDistance('lenvatinib', 'lenavtinib', 5, { transpositions: false })).toBe(2);
    expect(editDistance('kitten', 'sitting', 5, { transpositions: false })).toBe(3);
  });

  it('caps at max + 1, including when the lengths alone exceed max', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
    expect(editDistance('bili', 'bilirubin')).toBe(5);
  });

  it('is symmetric, zero only for equal strings, and never more than the longer length', () => {
    const word = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(word, word, fc.boolean(), (a, b, transpositions) => {
        const d = editDistance(a, b, Number.POSITIVE_INFINITY, { transpositions });
        expect(editDistance(b, a, Number.POSITIVE_INFINITY, { transpositions })).toBe(d);
        expect(d === 0).toBe(a === b);
        expect(d).toBeLessThanOrEqual(Math.max(a.length, b.length));
      }),
    );
  });
});
