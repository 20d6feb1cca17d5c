import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaseInputJson, CaseInputSchema } from '../../src/clinical/caseInput.js';
import {
  albuminPoints,
  bilirubinPoints,
  CHOLESTATIC_ASSUMED,
  childPugh,
  childPughClass,
  inrPoints,
  ptProlongationPoints,
} from '../../src/clinical/childPugh.js';
import { msg } from './fixtures.js';
import { CHILD_PUGH_SOURCE, CHILD_PUGH_VECTORS, childPughInput } from './vectors.js';

const cpOf = (json: CaseInputJson) => childPugh(CaseInputSchema.parse(json));

type Asc = 'none' | 'mild' | 'moderate-severe';
type He = 'none' | 'grade-1-2' | 'grade-3-4';
const standard = (
  bili: number,
  alb: number,
  inr: number,
  ascites: Asc,
  encephalopathy: He,
  cholestatic = false,
) =>
  cpOf({
    bilirubin: { value: bili, unit: 'mg/dL' },
    albumin: { value: alb, unit: 'g/dL' },
    inr,
    ascites,
    encephalopathy,
    cholestatic,
  });

describe(`Child-Pugh worked vectors (${CHILD_PUGH_SOURCE})`, () => {
  it.each(CHILD_PUGH_VECTORS)('$id', (v) => {
    const result = cpOf(childPughInput(v));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const c = result.value.components;
    expect([c.bilirubin, c.albumin, c.coagulation, c.ascites, c.encephalopathy]).toEqual(v.components);
    expect(result.value.points).toBe(v.points);
    expect(result.value.class).toBe(v.class);
    expect(result.value.components.coagulationBy).toBe('inr');
    expect(result.value.bilirubinBands).toBe(v.cholestatic ? 'cholestatic' : 'standard');
  });
  it('C7 with the standard bands would be class B', () => {
    const result = standard(5.0, 3.6, 1.2, 'none', 'none', false);
    expect(result.ok && result.value.points).toBe(7);
    expect(result.ok && result.value.class).toBe('B');
  });
});

describe('Child-Pugh cut-offs, both sides and exactly at each (middle bands inclusive)', () => {
  it('bilirubin <2 | 2-3 | >3 mg/dL', () => {
    expect([1.99, 2, 2.01, 2.99, 3, 3.01].map((b) => bilirubinPoints(b, false))).toEqual([1, 2, 2, 2, 2, 3]);
  });
  it('cholestatic bilirubin <4 | 4-10 | >10 mg/dL', () => {
    expect([3.99, 4, 4.01, 9.99, 10, 10.01].map((b) => bilirubinPoints(b, true))).toEqual([1, 2, 2, 2, 2, 3]);
  });
  it('albumin >3.5 | 2.8-3.5 | <2.8 g/dL', () => {
    expect([3.51, 3.5, 3.49, 2.81, 2.8, 2.79].map(albuminPoints)).toEqual([1, 2, 2, 2, 2, 3]);
  });
  it('INR <1.7 | 1.7-2.3 | >2.3', () => {
    expect([1.69, 1.7, 1.71, 2.29, 2.3, 2.31].map(inrPoints)).toEqual([1, 2, 2, 2, 2, 3]);
  });
  it('PT prolongation <4 | 4-6 | >6 s', () => {
    expect([3.9, 4, 4.1, 5.9, 6, 6.1].map(ptProlongationPoints)).toEqual([1, 2, 2, 2, 2, 3]);
  });
  it('classes A 5-6, B 7-9, C 10-15', () => {
    expect([5, 6, 7, 9, 10, 15].map(childPughClass)).toEqual(['A', 'A', 'B', 'B', 'C', 'C']);
  });
});

describe('Child-Pugh cut-offs after unit conversion', () => {
  const base = { inr: 1.1, ascites: 'none', encephalopathy: 'none' } as const;
  const bili = (value: number, cholestatic = false) =>
    cpOf({ ...base, cholestatic, bilirubin: { value, unit: 'umol/L' }, albumin: { value: 40, unit: 'g/L' } });
  const alb = (value: number) =>
    cpOf({ ...base, bilirubin: { value: 10, unit: 'umol/L' }, albumin: { value, unit: 'g/L' } });
  const points = (r: ReturnType<typeof childPugh>, key: 'bilirubin' | 'albumin') =>
    r.ok ? r.value.components[key] : null;

  it('34.2 µmol/L is exactly 2 mg/dL (2 points); 34.1 is 1 point', () => {
    expect(points(bili(34.2), 'bilirubin')).toBe(2);
    expect(points(bili(34.1), 'bilirubin')).toBe(1);
  });
  it('51.3 µmol/L is exactly 3 mg/dL (2 points); 51.4 is 3 points', () => {
    expect(points(bili(51.3), 'bilirubin')).toBe(2);
    expect(points(bili(51.4), 'bilirubin')).toBe(3);
  });
  it('cholestatic: 68.4 and 171 µmol/L (4 and 10 mg/dL) are 2 points', () => {
    expect(points(bili(68.3, true), 'bilirubin')).toBe(1);
    expect(points(bili(68.4, true), 'bilirubin')).toBe(2);
    expect(points(bili(171, true), 'bilirubin')).toBe(2);
    expect(points(bili(171.1, true), 'bilirubin')).toBe(3);
  });
  it('35 g/L is 3.5 g/dL (2 points); 28 g/L is 2.8 g/dL (2 points)', () => {
    expect(points(alb(35.1), 'albumin')).toBe(1);
    expect(points(alb(35), 'albumin')).toBe(2);
    expect(points(alb(28), 'albumin')).toBe(2);
    expect(points(alb(27.9), 'albumin')).toBe(3);
  });
});

describe('Child-Pugh coagulation source and missing inputs', () => {
  const rest = {
    bilirubin: { value: 1, unit: 'mg/dL' },
    albumin: { value: 4, unit: 'g/dL' },
    ascites: 'none',
    encephalopathy: 'none',
  } as const;
  it('uses PT prolongation only when INR is absent, and says so', () => {
    const byPt = cpOf({ ...rest, ptProlongationSeconds: 5 });
    expect(byPt.ok && byPt.value.components.coagulationBy).toBe('pt');
    expect(byPt.ok && byPt.value.components.coagulation).toBe(2);
    expect(byPt.ok && byPt.assumptions.length).toBe(1);
    const byInr = cpOf({ ...rest, inr: 1.1, ptProlongationSeconds: 7 });
    expect(byInr.ok && byInr.value.components.coagulationBy).toBe('inr');
    expect(byInr.ok && byInr.value.components.coagulation).toBe(1);
    expect(byInr.ok && byInr.assumptions.map(msg)).toEqual([]);
  });
  it('lists every missing input and imputes nothing', () => {
    expect(cpOf({})).toEqual({
      ok: false,
      missing: ['bilirubin', 'albumin', 'inr or ptProlongationSeconds', 'ascites', 'encephalopathy'],
    });
    expect(cpOf({ ...rest })).toEqual({ ok: false, missing: ['inr or ptProlongationSeconds'] });
    const { ascites: _a, ...noAscites } = rest;
    expect(cpOf({ ...noAscites, inr: 1 })).toEqual({ ok: false, missing: ['ascites'] });
  });
});

describe('Child-Pugh properties', () => {
  const ascites = fc.constantFrom('none', 'mild', 'moderate-severe') as fc.Arbitrary<Asc>;
  const he = fc.constantFrom('none', 'grade-1-2', 'grade-3-4') as fc.Arbitrary<He>;
  const ASC: Asc[] = ['none', 'mild', 'moderate-severe'];
  const HE: He[] = ['none', 'grade-1-2', 'grade-3-4'];
  const labs = fc.record({
    bili: fc.double({ min: 0.1, max: 60, noNaN: true }),
    alb: fc.double({ min: 1, max: 6, noNaN: true }),
    inr: fc.double({ min: 0.5, max: 10, noNaN: true }),
    ascites,
    he,
    cholestatic: fc.boolean(),
  });
  it('always scores 5-15 with a matching class', () => {
    fc.assert(
      fc.property(labs, (l) => {
        const r = standard(l.bili, l.alb, l.inr, l.ascites, l.he, l.cholestatic);
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(r.value.points).toBeGreaterThanOrEqual(5);
        expect(r.value.points).toBeLessThanOrEqual(15);
        expect(r.value.class).toBe(childPughClass(r.value.points));
      }),
    );
  });
  it('a worse value never lowers the points', () => {
    fc.assert(
      fc.property(labs, labs, (a, b) => {
        const worst = <T>(order: T[], x: T, y: T) => (order.indexOf(x) >= order.indexOf(y) ? x : y);
        const best = <T>(order: T[], x: T, y: T) => (order.indexOf(x) <= order.indexOf(y) ? x : y);
        const better = standard(
          Math.min(a.bili, b.bili),
          Math.max(a.alb, b.alb),
          Math.min(a.inr, b.inr),
          best(ASC, a.ascites, b.ascites),
          best(HE, a.he, b.he),
          a.cholestatic,
        );
        const worse = standard(
          Math.max(a.bili, b.bili),
          Math.min(a.alb, b.alb),
          Math.max(a.inr, b.inr),
          worst(ASC, a.ascites, b.ascites),
          worst(HE, a.he, b.he),
          a.cholestatic,
        );
        expect(better.ok && worse.ok).toBe(true);
        if (better.ok && worse.ok) expect(worse.value.points).toBeGreaterThanOrEqual(better.value.points);
      }),
    );
  });
});

describe('Child-Pugh: PBC/PSC not stated', () => {
  const at = (mgDl: number, cholestatic?: boolean) =>
    cpOf({
      bilirubin: { value: mgDl, unit: 'mg/dL' },
      albumin: { value: 4, unit: 'g/dL' },
      inr: 1,
      ascites: 'none',
      encephalopathy: 'none',
      ...(cholestatic === undefined ? {} : { cholestatic }),
    });
  const assumed = (r: ReturnType<typeof at>) =>
    r.ok ? r.assumptions.map(msg).includes(CHOLESTATIC_ASSUMED) : null;

  it('scores the standard bands and says so only where the PBC/PSC bands would differ (2-10 mg/dL)', () => {
    expect(assumed(at(1.9))).toBe(false);
    expect(assumed(at(2))).toBe(true);
    expect(assumed(at(10))).toBe(true);
    expect(assumed(at(10.1))).toBe(false);
    const r = at(2);
    expect(r.ok && r.value.components.bilirubin).toBe(2);
    expect(r.ok && r.value.bilirubinBands).toBe('standard');
  });

  it('stated either way, nothing is assumed', () => {
    expect(assumed(at(5, false))).toBe(false);
    expect(assumed(at(5, true))).toBe(false);
  });
});
