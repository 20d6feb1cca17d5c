import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaseInputJson, CaseInputSchema } from '../../src/clinical/caseInput.js';
import { sixAndTwelve, sixAndTwelveBand } from '../../src/clinical/sixAndTwelve.js';
import { TUMOUR_MISSING } from '../../src/clinical/tumourBurden.js';
import { SIX_AND_TWELVE_SOURCE, SIX_AND_TWELVE_VECTORS } from './vectors.js';

const s12 = (json: CaseInputJson) => sixAndTwelve(CaseInputSchema.parse(json));

describe(`six-and-twelve worked vectors (${SIX_AND_TWELVE_SOURCE})`, () => {
  it.each(SIX_AND_TWELVE_VECTORS)(
    'largest $largestCm cm, $count nodules → $band',
    ({ largestCm, count, sum, band }) => {
      const r = s12({ largestNoduleCm: largestCm, noduleCount: count });
      expect(r).toEqual({ ok: true, value: { sum, band }, assumptions: [], warnings: [] });
    },
  );
  it('reads nodulesCm too, and sums without floating-point noise', () => {
    const r = s12({ nodulesCm: [4.1, 0.9] });
    expect(r.ok && r.value).toEqual({ sum: 6.1, band: '>6-12' });
  });
});

describe('six-and-twelve cut-offs', () => {
  it('≤ 6 | > 6 and ≤ 12 | > 12 (6.5 is middle, not the "7-12" misprint)', () => {
    expect([5.99, 6, 6.01, 6.5, 11.99, 12, 12.01].map(sixAndTwelveBand)).toEqual([
      '<=6',
      '<=6',
      '>6-12',
      '>6-12',
      '>6-12',
      '>6-12',
      '>12',
    ]);
  });
  it('needs nodule sizes', () => {
    expect(s12({})).toEqual({ ok: false, missing: [TUMOUR_MISSING] });
  });
  it('a larger burden never gives a better band', () => {
    const rank = { '<=6': 0, '>6-12': 1, '>12': 2 } as const;
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (a, b) => {
          expect(rank[sixAndTwelveBand(Math.max(a, b))]).toBeGreaterThanOrEqual(
            rank[sixAndTwelveBand(Math.min(a, b))],
          );
        },
      ),
    );
  });
});
