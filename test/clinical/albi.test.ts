import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { albi, albiGrade, albiScore, mAlbiGrade } from '../../src/clinical/albi.js';
import { type CaseInputJson, CaseInputSchema } from '../../src/clinical/caseInput.js';
import { ALBI_SOURCE, ALBI_VECTORS, albiInput } from './vectors.js';

const albiOf = (json: CaseInputJson) => albi(CaseInputSchema.parse(json));

describe(`ALBI worked vectors (${ALBI_SOURCE}; coefficient −0.085)`, () => {
  it.each(ALBI_VECTORS)('$id: bilirubin $bilirubinUmolL µmol/L, albumin $albuminGL g/L', (v) => {
    const result = albiOf(albiInput(v));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.score).toBeCloseTo(v.score, 4);
    expect(result.value.grade).toBe(v.grade);
    expect(result.value.mAlbiGrade).toBe(v.mAlbiGrade);
  });

  it.each(ALBI_VECTORS.filter((v) => v.usUnits))('$id gives the same score typed in mg/dL or g/dL', (v) => {
    const result = albiOf(v.usUnits ?? {});
    expect(result.ok && result.value.score).toBeCloseTo(v.score, 3);
    expect(result.ok && result.value.grade).toBe(v.grade);
  });
});

describe('ALBI grade cut-offs (Hiraoka 2017), both sides and exactly at each', () => {
  it('grade 1 up to and including −2.60', () => {
    expect(albiGrade(-2.6)).toBe('1');
    expect(albiGrade(-2.6001)).toBe('1');
    expect(albiGrade(-2.5999)).toBe('2');
  });
  it('grade 2 up to and including −1.39, grade 3 above', () => {
    expect(albiGrade(-1.39)).toBe('2');
    expect(albiGrade(-1.3901)).toBe('2');
    expect(albiGrade(-1.3899)).toBe('3');
  });
  it('mALBI 2a up to and including −2.270, 2b above', () => {
    expect(mAlbiGrade(-2.27)).toBe('2a');
    expect(mAlbiGrade(-2.2701)).toBe('2a');
    expect(mAlbiGrade(-2.2699)).toBe('2b');
    expect(mAlbiGrade(-2.6)).toBe('1');
    expect(mAlbiGrade(-1.39)).toBe('2b');
    expect(mAlbiGrade(-1.3)).toBe('3');
  });
});

describe('ALBI missing inputs', () => {
  it('names each missing input', () => {
    expect(albiOf({})).toEqual({ ok: false, missing: ['bilirubin', 'albumin'] });
    expect(albiOf({ albumin: { value: 40, unit: 'g/L' } })).toEqual({ ok: false, missing: ['bilirubin'] });
    expect(albiOf({ bilirubin: { value: 10, unit: 'umol/L' } })).toEqual({ ok: false, missing: ['albumin'] });
  });
});

describe('ALBI properties', () => {
  const bili = fc.double({ min: 1.7, max: 1026, noNaN: true });
  const alb = fc.double({ min: 10, max: 60, noNaN: true });
  it('is finite over the whole accepted range', () => {
    fc.assert(fc.property(bili, alb, (b, a) => Number.isFinite(albiScore(b, a))));
  });
  it('a higher bilirubin or a lower albumin never lowers the score or improves the grade', () => {
    fc.assert(
      fc.property(bili, bili, alb, alb, (b1, b2, a1, a2) => {
        const better = albiScore(Math.min(b1, b2), Math.max(a1, a2));
        const worse = albiScore(Math.max(b1, b2), Math.min(a1, a2));
        expect(worse).toBeGreaterThanOrEqual(better);
        expect(Number(albiGrade(worse))).toBeGreaterThanOrEqual(Number(albiGrade(better)));
      }),
    );
  });
});
