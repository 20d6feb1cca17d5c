import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaseInputJson, CaseInputSchema } from '../../src/clinical/caseInput.js';
import { MELD3_SEX_ASSUMPTION, meld3, meld3Unrounded } from '../../src/clinical/meld3.js';
import { msg } from './fixtures.js';
import { MELD3_SOURCE, MELD3_VECTORS, meld3Labs } from './vectors.js';

const m3Of = (json: CaseInputJson) => meld3(CaseInputSchema.parse(json));
const value = (r: ReturnType<typeof meld3>) => (r.ok ? r.value : null);

describe(`MELD 3.0 worked vectors (${MELD3_SOURCE})`, () => {
  it.each(MELD3_VECTORS)('$id → $score', (v) => {
    const r = m3Of(v.input);
    expect(value(r)).toBe(v.score);
    expect(r.ok && r.assumptions.map(msg)).toEqual([MELD3_SEX_ASSUMPTION]);
  });
  it('T7 is 29.50002 unrounded, and T3 16.943', () => {
    const t7 = meld3Unrounded({
      female: false,
      bilirubinMgDl: 2,
      inr: 1.5,
      creatinineMgDl: 3,
      sodium: 130,
      albuminGdl: 2.5,
    });
    expect(t7).toBeCloseTo(29.50002, 5);
    const t3 = meld3Unrounded({
      female: false,
      bilirubinMgDl: 2,
      inr: 1.5,
      creatinineMgDl: 1.2,
      sodium: 135,
      albuminGdl: 3,
    });
    expect(t3).toBeCloseTo(16.943, 3);
  });
  it('takes g/L albumin and µmol/L labs', () => {
    const r = m3Of({
      bilirubin: { value: 34.2, unit: 'umol/L' },
      inr: 1.5,
      creatinine: { value: 106.08, unit: 'umol/L' },
      sodium: 135,
      albumin: { value: 30, unit: 'g/L' },
      sex: 'male',
    });
    expect(value(r)).toBe(17);
  });
});

describe('MELD 3.0 bounds', () => {
  it('caps creatinine at 3.0 (3.0 and 3.5 alike) and uses 3.0 with dialysis without a creatinine', () => {
    expect(value(m3Of(meld3Labs(2, 1.5, 3.5, 135, 3, 'male')))).toBe(
      value(m3Of(meld3Labs(2, 1.5, 3, 135, 3, 'male'))),
    );
    const noCr = m3Of({
      bilirubin: { value: 2, unit: 'mg/dL' },
      inr: 1.5,
      sodium: 130,
      albumin: { value: 2.5, unit: 'g/dL' },
      sex: 'male',
      dialysis: true,
    });
    expect(value(noCr)).toBe(30);
  });
  it('clamps albumin to 1.5-3.5 g/dL and sodium to 125-137', () => {
    const at = (alb: number, na: number) => value(m3Of(meld3Labs(2, 1.5, 1.2, na, alb, 'male')));
    expect(at(1.2, 130)).toBe(at(1.5, 130));
    expect(at(4.5, 130)).toBe(at(3.5, 130));
    expect(at(3, 120)).toBe(at(3, 125));
    expect(at(3, 140)).toBe(at(3, 137));
  });
  it('caps at 40 by OPTN policy and says so', () => {
    const r = m3Of(meld3Labs(30, 4, 3, 125, 1.5, 'female'));
    expect(value(r)).toBe(40);
    expect(r.ok && r.assumptions.map(msg)).toHaveLength(2);
    expect(r.ok && r.assumptions[1]?.message).toContain('47');
  });
});

describe('MELD 3.0 missing inputs', () => {
  it('needs sex, sodium and albumin besides the MELD labs', () => {
    expect(m3Of({})).toEqual({
      ok: false,
      missing: ['bilirubin', 'inr', 'creatinine (or dialysis)', 'sodium', 'albumin', 'sex'],
    });
    const { sex: _s, ...noSex } = meld3Labs(2, 1.5, 1.2, 135, 3, 'male') as Record<string, unknown>;
    expect(m3Of(noSex as CaseInputJson)).toEqual({ ok: false, missing: ['sex'] });
  });
});

describe('MELD 3.0 properties', () => {
  const bili = fc.double({ min: 0.1, max: 60, noNaN: true });
  const inr = fc.double({ min: 0.5, max: 10, noNaN: true });
  const cr = fc.double({ min: 0.1, max: 20, noNaN: true });
  const na = fc.double({ min: 100, max: 180, noNaN: true });
  const alb = fc.double({ min: 1, max: 6, noNaN: true });
  const sex = fc.constantFrom('female', 'male') as fc.Arbitrary<'female' | 'male'>;
  it('is an integer from 6 to 40 everywhere', () => {
    fc.assert(
      fc.property(bili, inr, cr, na, alb, sex, fc.boolean(), (b, i, c, n, a, s, d) => {
        const v = value(m3Of(meld3Labs(b, i, c, n, a, s, { dialysis: d })));
        expect(Number.isInteger(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(6);
        expect(v).toBeLessThanOrEqual(40);
      }),
    );
  });
  it('a higher bilirubin, INR or creatinine never lowers MELD 3.0', () => {
    fc.assert(
      fc.property(bili, bili, inr, inr, cr, cr, na, alb, sex, (b1, b2, i1, i2, c1, c2, n, a, s) => {
        const low = value(m3Of(meld3Labs(Math.min(b1, b2), Math.min(i1, i2), Math.min(c1, c2), n, a, s)));
        const high = value(m3Of(meld3Labs(Math.max(b1, b2), Math.max(i1, i2), Math.max(c1, c2), n, a, s)));
        expect(high).toBeGreaterThanOrEqual(low ?? 0);
      }),
    );
  });
  // The equation's interaction terms make a lower sodium lower the score when bilirubin > e^(0.82/0.24) ≈ 30.5
  // mg/dL, and a lower albumin lower it when creatinine > e^(1.85/1.83) ≈ 2.75 mg/dL. Monotonicity is asserted
  // where the equation has it.
  it('a lower sodium (bilirubin ≤ 30 mg/dL) or a lower albumin (creatinine ≤ 2.7 mg/dL) never lowers it', () => {
    const lowBili = fc.double({ min: 0.1, max: 30, noNaN: true });
    const lowCr = fc.double({ min: 0.1, max: 2.7, noNaN: true });
    fc.assert(
      fc.property(lowBili, inr, lowCr, na, na, alb, alb, sex, (b, i, c, n1, n2, a1, a2, s) => {
        const better = value(m3Of(meld3Labs(b, i, c, Math.max(n1, n2), Math.max(a1, a2), s)));
        const worse = value(m3Of(meld3Labs(b, i, c, Math.min(n1, n2), Math.min(a1, a2), s)));
        expect(worse).toBeGreaterThanOrEqual(better ?? 0);
      }),
    );
  });
  it('female never scores below male', () => {
    fc.assert(
      fc.property(bili, inr, cr, na, alb, (b, i, c, n, a) => {
        expect(value(m3Of(meld3Labs(b, i, c, n, a, 'female')))).toBeGreaterThanOrEqual(
          value(m3Of(meld3Labs(b, i, c, n, a, 'male'))) ?? 0,
        );
      }),
    );
  });
});
