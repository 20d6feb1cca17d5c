import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaseInputJson, CaseInputSchema } from '../../src/clinical/caseInput.js';
import { boundedSodium, meldNa, meldNaFromMeld } from '../../src/clinical/meldNa.js';
import { MELD_CALCULATOR_EXAMPLES, MELD_SOURCE, MELD_VECTORS } from './vectors.js';

const naOf = (json: CaseInputJson) => meldNa(CaseInputSchema.parse(json));
const labs = (
  bili: number,
  inr: number,
  cr: number,
  sodium?: number,
  extra: CaseInputJson = {},
): CaseInputJson => ({
  bilirubin: { value: bili, unit: 'mg/dL' },
  inr,
  creatinine: { value: cr, unit: 'mg/dL' },
  ...(sodium === undefined ? {} : { sodium }),
  ...extra,
});
const value = (r: ReturnType<typeof meldNa>) => (r.ok ? r.value : null);

describe(`MELD-Na worked vectors (${MELD_SOURCE})`, () => {
  it.each(MELD_VECTORS)('$id → $meldNa', (v) => {
    expect(value(naOf(v.input))).toBe(v.meldNa);
  });
  it.each(MELD_CALCULATOR_EXAMPLES.filter((e) => e.meldNa !== undefined))('agrees with the $id', (e) => {
    expect(value(naOf(e.input))).toBe(e.meldNa);
  });
});

describe('the > 11 gate is on the integer MELD', () => {
  it('MELD 11 (MELD(i) 1.127): no sodium term and no sodium needed', () => {
    expect(value(naOf(labs(1.3, 1.3, 1.1)))).toBe(11);
  });
  it('MELD 12: the sodium term applies (12 + 1.32·12 − 0.033·12·12 = 23.088 → 23)', () => {
    expect(value(naOf(labs(1.4, 1.3, 1.1, 125)))).toBe(23);
    expect(value(naOf(labs(1.4, 1.3, 1.1, 137)))).toBe(12);
  });
  it('asks for sodium only when MELD > 11', () => {
    expect(naOf(labs(1.4, 1.3, 1.1))).toEqual({ ok: false, missing: ['sodium (needed because MELD > 11)'] });
    expect(naOf({ sodium: 130 })).toEqual({
      ok: false,
      missing: ['bilirubin', 'inr', 'creatinine (or dialysis)'],
    });
    expect(naOf({ inr: 1.2, dialysis: true })).toEqual({
      ok: false,
      missing: ['bilirubin', 'sodium (needed if MELD > 11)'],
    });
  });
});

describe('sodium bounds 125-137', () => {
  it('clamps below 125 and above 137', () => {
    expect([120, 124.9, 125, 130, 137, 137.1, 150].map(boundedSodium)).toEqual([
      125, 125, 125, 130, 137, 137, 137,
    ]);
    expect(meldNaFromMeld(20, 124)).toBe(meldNaFromMeld(20, 125));
    expect(meldNaFromMeld(20, 138)).toBe(20);
  });
  it('rounds half up (16.65 → 17)', () => {
    expect(meldNaFromMeld(15, 135)).toBe(17);
  });
});

describe('MELD-Na properties', () => {
  const bili = fc.double({ min: 0.1, max: 60, noNaN: true });
  const inr = fc.double({ min: 0.5, max: 10, noNaN: true });
  const cr = fc.double({ min: 0.1, max: 20, noNaN: true });
  const na = fc.double({ min: 100, max: 180, noNaN: true });
  it('is an integer from 6 to 40 everywhere', () => {
    fc.assert(
      fc.property(bili, inr, cr, na, (b, i, c, n) => {
        const v = value(naOf(labs(b, i, c, n)));
        expect(Number.isInteger(v)).toBe(true);
        expect(v).toBeGreaterThanOrEqual(6);
        expect(v).toBeLessThanOrEqual(40);
      }),
    );
  });
  it('worse labs or a lower sodium never lower MELD-Na', () => {
    fc.assert(
      fc.property(bili, bili, inr, inr, cr, cr, na, na, (b1, b2, i1, i2, c1, c2, n1, n2) => {
        const low = value(naOf(labs(Math.min(b1, b2), Math.min(i1, i2), Math.min(c1, c2), Math.max(n1, n2))));
        const high = value(
          naOf(labs(Math.max(b1, b2), Math.max(i1, i2), Math.max(c1, c2), Math.min(n1, n2))),
        );
        expect(high).toBeGreaterThanOrEqual(low ?? 0);
      }),
    );
  });
});
