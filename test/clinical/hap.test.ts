import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaseInputJson, CaseInputSchema } from '../../src/clinical/caseInput.js';
import { hap, hapGrade, mhap2 } from '../../src/clinical/hap.js';
import { TUMOUR_MISSING } from '../../src/clinical/tumourBurden.js';
import { HAP_SOURCE, HAP_VECTORS, hapInput } from './vectors.js';

const caseOf = (albGl: number, afp: number, biliUmol: number, largest: number, count: number) =>
  CaseInputSchema.parse({
    albumin: { value: albGl, unit: 'g/L' },
    afp,
    bilirubin: { value: biliUmol, unit: 'umol/L' },
    noduleCount: count,
    largestNoduleCm: largest,
  } satisfies CaseInputJson);
const points = (r: ReturnType<typeof hap>) => (r.ok ? [r.value.points, r.value.grade] : null);

describe('bilirubin cut per score: HAP > 17 µmol/L (Kadalayil 2013), mHAP-II > 0.9 mg/dL (Park 2016)', () => {
  const bili = (value: number, unit: 'mg/dL' | 'umol/L') =>
    CaseInputSchema.parse({
      albumin: { value: 40, unit: 'g/L' },
      afp: 10,
      bilirubin: { value, unit },
      nodulesCm: [3],
    } satisfies CaseInputJson);
  it('HAP: 17 µmol/L scores 0, 17.1 scores 1', () => {
    expect(points(hap(bili(17, 'umol/L')))).toEqual([0, 'A']);
    expect(points(hap(bili(17.1, 'umol/L')))).toEqual([1, 'B']);
  });
  it('mHAP-II: 0.9 mg/dL scores 0, 0.91 scores 1 (and 16 µmol/L, 0.94 mg/dL, scores 1 where HAP scores 0)', () => {
    expect(points(mhap2(bili(0.9, 'mg/dL')))).toEqual([0, 'A']);
    expect(points(mhap2(bili(0.91, 'mg/dL')))).toEqual([1, 'B']);
    expect(points(mhap2(bili(16, 'umol/L')))).toEqual([1, 'B']);
    expect(points(hap(bili(16, 'umol/L')))).toEqual([0, 'A']);
  });
});

describe(`HAP and mHAP-II worked vectors (${HAP_SOURCE})`, () => {
  it.each(HAP_VECTORS)('$id', (v) => {
    const input = CaseInputSchema.parse(hapInput(v));
    expect(points(hap(input))).toEqual([v.hap.points, v.hap.grade]);
    expect(points(mhap2(input))).toEqual([v.mhap2.points, v.mhap2.grade]);
  });
});

describe('HAP items, each on both sides of its cut-off', () => {
  const base: [number, number, number, number, number] = [40, 10, 12, 3, 1];
  const one = (i: number, v: number) => {
    const args = [...base] as [number, number, number, number, number];
    args[i] = v;
    const r = hap(caseOf(...args));
    return r.ok ? r.value.points : null;
  };
  it('albumin < 36 g/L', () => expect([35.9, 36, 36.1].map((v) => one(0, v))).toEqual([1, 0, 0]));
  it('AFP > 400 ng/mL', () => expect([399, 400, 400.1].map((v) => one(1, v))).toEqual([0, 0, 1]));
  it('bilirubin > 17 µmol/L', () => expect([16.9, 17, 17.1].map((v) => one(2, v))).toEqual([0, 0, 1]));
  it('largest > 7 cm', () => expect([6.9, 7, 7.1].map((v) => one(3, v))).toEqual([0, 0, 1]));
  it('mHAP-II: ≥ 2 nodules', () => {
    const m = (count: number) => {
      const r = mhap2(caseOf(40, 10, 12, 3, count));
      return r.ok ? r.value.points : null;
    };
    expect([1, 2, 3].map(m)).toEqual([0, 1, 1]);
  });
  it('converts units: 1.0 mg/dL is 17.1 µmol/L (> 17); 3.6 g/dL is 36 g/L (not < 36)', () => {
    const r = hap(
      CaseInputSchema.parse({
        albumin: { value: 3.6, unit: 'g/dL' },
        afp: 10,
        bilirubin: { value: 1, unit: 'mg/dL' },
        nodulesCm: [3],
      }),
    );
    expect(points(r)).toEqual([1, 'B']);
  });
  it('grades A 0, B 1, C 2, D ≥ 3', () => {
    expect([0, 1, 2, 3, 4, 5].map(hapGrade)).toEqual(['A', 'B', 'C', 'D', 'D', 'D']);
  });
});

describe('HAP missing inputs', () => {
  it('names each one', () => {
    const none = CaseInputSchema.parse({});
    const missing = ['albumin', 'afp', 'bilirubin', TUMOUR_MISSING];
    expect(hap(none)).toEqual({ ok: false, missing });
    expect(mhap2(none)).toEqual({ ok: false, missing });
  });
});

describe('HAP properties', () => {
  const arb = fc.tuple(
    fc.double({ min: 10, max: 60, noNaN: true }),
    fc.double({ min: 0.1, max: 10_000_000, noNaN: true }),
    fc.double({ min: 1.7, max: 1026, noNaN: true }),
    fc.double({ min: 0.1, max: 30, noNaN: true }),
    fc.integer({ min: 1, max: 50 }),
  );
  it('HAP 0-4, mHAP-II 0-5, mHAP-II ≥ HAP; worse values never lower either', () => {
    fc.assert(
      fc.property(arb, arb, ([a1, f1, b1, l1, n1], [a2, f2, b2, l2, n2]) => {
        const better = caseOf(
          Math.max(a1, a2),
          Math.min(f1, f2),
          Math.min(b1, b2),
          Math.min(l1, l2),
          Math.min(n1, n2),
        );
        const worse = caseOf(
          Math.min(a1, a2),
          Math.max(f1, f2),
          Math.max(b1, b2),
          Math.max(l1, l2),
          Math.max(n1, n2),
        );
        const [hb, hw, mb, mw] = [hap(better), hap(worse), mhap2(better), mhap2(worse)];
        if (!hb.ok || !hw.ok || !mb.ok || !mw.ok) throw new Error('should compute');
        expect(hw.value.points).toBeGreaterThanOrEqual(hb.value.points);
        expect(mw.value.points).toBeGreaterThanOrEqual(mb.value.points);
        expect(hw.value.points).toBeLessThanOrEqual(4);
        expect(mw.value.points).toBeLessThanOrEqual(5);
        expect(mw.value.points).toBeGreaterThanOrEqual(hw.value.points);
      }),
    );
  });
});
