import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaseInputJson, CaseInputSchema } from '../../src/clinical/caseInput.js';
import { meld, meldInteger, meldUnrounded } from '../../src/clinical/meld.js';

const meldOf = (json: CaseInputJson) => meld(CaseInputSchema.parse(json));
const labs = (bili: number, inr: number, cr: number, extra: CaseInputJson = {}): CaseInputJson => ({
  bilirubin: { value: bili, unit: 'mg/dL' },
  inr,
  creatinine: { value: cr, unit: 'mg/dL' },
  ...extra,
});
const value = (r: ReturnType<typeof meld>) => (r.ok ? r.value : null);

describe('MELD worked vectors (digest §3.4, OPTN rounding)', () => {
  const vectors: [string, CaseInputJson, number, number][] = [
    ['M1', labs(2.0, 1.5, 1.2), 1.5336, 15],
    ['M2 floors', labs(0.6, 0.9, 0.7), 0.643, 6],
    ['M3', labs(3.2, 1.8, 1.4), 2.063, 21],
    ['M4', labs(4.0, 1.8, 1.9), 2.4396, 24],
    ['M5 creatinine cap', labs(5.0, 2.0, 5.0), 3.3544, 34],
    ['M6 dialysis', labs(2.0, 1.5, 1.1, { dialysis: true }), 2.6858, 27],
    ['M7', labs(1.3, 1.3, 1.1), 1.1272, 11],
    ['M8 cap 40 (integer 47)', labs(30, 4.0, 3.5), 4.6802, 40],
  ];
  it.each(vectors)('%s', (_id, json, _unrounded, score) => {
    const input = CaseInputSchema.parse(json);
    const r = meld(input);
    expect(value(r)).toBe(score);
  });
  it('MELD(i) matches the digest to four decimals', () => {
    for (const [, json, unrounded] of vectors) {
      const input = CaseInputSchema.parse(json);
      const l = {
        bilirubinMgDl: input.bilirubin?.value ?? 0,
        inr: input.inr ?? 0,
        creatinineMgDl: input.creatinine?.value ?? null,
        dialysis: input.dialysis === true,
      };
      expect(meldUnrounded(l)).toBeCloseTo(unrounded, 3);
    }
    expect(meldInteger({ bilirubinMgDl: 30, inr: 4, creatinineMgDl: 3.5, dialysis: false })).toBe(47);
  });
  it('reproduces the third-party examples (calculatorlib 13; scoutmytool 13)', () => {
    expect(value(meldOf(labs(1.9, 1.2, 1.3)))).toBe(13);
    expect(value(meldOf(labs(1.5, 1.5, 1.0)))).toBe(13);
  });
});

describe('MELD floors, caps and units', () => {
  it('sets values below 1.0 to 1.0 (score 6 at all floors) and counts values just above', () => {
    expect(value(meldOf(labs(0.99, 0.99, 0.99)))).toBe(6);
    expect(value(meldOf(labs(1, 1, 1)))).toBe(6);
    expect(value(meldOf(labs(1.5, 1, 1)))).toBe(8);
  });
  it('caps creatinine at 4.0 mg/dL: 4.0 and 4.1 score alike, 3.5 lower', () => {
    const at = value(meldOf(labs(2, 1.5, 4)));
    expect(value(meldOf(labs(2, 1.5, 4.1)))).toBe(at);
    expect(value(meldOf(labs(2, 1.5, 3.5)))).toBeLessThan(at ?? 0);
  });
  it('takes creatinine as 4.0 with dialysis, with or without a creatinine value', () => {
    const noCr = meldOf({ bilirubin: { value: 2, unit: 'mg/dL' }, inr: 1.5, dialysis: true });
    expect(value(noCr)).toBe(27);
  });
  it('reads µmol/L', () => {
    expect(
      value(
        meldOf({
          bilirubin: { value: 34.2, unit: 'umol/L' },
          inr: 1.5,
          creatinine: { value: 106.08, unit: 'umol/L' },
        }),
      ),
    ).toBe(15);
  });
  it('names the missing inputs; dialysis stands in for creatinine', () => {
    expect(meldOf({})).toEqual({ ok: false, missing: ['bilirubin', 'inr', 'creatinine (or dialysis)'] });
    expect(meldOf({ inr: 1.2, dialysis: true })).toEqual({ ok: false, missing: ['bilirubin'] });
  });
});

const bili = fc.double({ min: 0.1, max: 60, noNaN: true });
const inr = fc.double({ min: 0.5, max: 10, noNaN: true });
const cr = fc.double({ min: 0.1, max: 20, noNaN: true });

describe('MELD properties', () => {
  it('is an integer from 6 to 40 everywhere in the accepted range', () => {
    fc.assert(
      fc.property(bili, inr, cr, fc.boolean(), (b, i, c, d) => {
        const v = value(meldOf(labs(b, i, c, { dialysis: d })));
        expect(Number.isInteger(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(6);
        expect(v).toBeLessThanOrEqual(40);
      }),
    );
  });
  it('a worse laboratory value never lowers MELD; dialysis never lowers it', () => {
    fc.assert(
      fc.property(bili, bili, inr, inr, cr, cr, fc.boolean(), (b1, b2, i1, i2, c1, c2, d) => {
        const low = value(
          meldOf(labs(Math.min(b1, b2), Math.min(i1, i2), Math.min(c1, c2), { dialysis: d })),
        );
        const high = value(
          meldOf(labs(Math.max(b1, b2), Math.max(i1, i2), Math.max(c1, c2), { dialysis: d })),
        );
        expect(high).toBeGreaterThanOrEqual(low ?? 0);
        const dial = value(meldOf(labs(b1, i1, c1, { dialysis: true })));
        expect(dial).toBeGreaterThanOrEqual(value(meldOf(labs(b1, i1, c1))) ?? 0);
      }),
    );
  });
});
