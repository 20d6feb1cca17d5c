import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaseInputJson, CaseInputSchema } from '../../src/clinical/caseInput.js';
import { meld, meldInteger, meldUnrounded } from '../../src/clinical/meld.js';
import { MELD_CALCULATOR_EXAMPLES, MELD_SOURCE, MELD_VECTORS } from './vectors.js';

const meldOf = (json: CaseInputJson) => meld(CaseInputSchema.parse(json));
const labs = (bili: number, inr: number, cr: number, extra: CaseInputJson = {}): CaseInputJson => ({
  bilirubin: { value: bili, unit: 'mg/dL' },
  inr,
  creatinine: { value: cr, unit: 'mg/dL' },
  ...extra,
});
const value = (r: ReturnType<typeof meld>) => (r.ok ? r.value : null);

describe(`MELD worked vectors (${MELD_SOURCE})`, () => {
  it.each(MELD_VECTORS)('$id → $meld', (v) => {
    expect(value(meldOf(v.input))).toBe(v.meld);
  });
  it('MELD(i) matches the hand-computed value to three decimals', () => {
    for (const { input: json, unrounded } of MELD_VECTORS) {
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
  it.each(MELD_CALCULATOR_EXAMPLES)('agrees with the $id', (e) => {
    expect(value(meldOf(e.input))).toBe(e.meld);
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
