import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { albi, albiGrade, albiScore, mAlbiGrade } from '../../src/clinical/albi.js';
import { type CaseInputJson, CaseInputSchema } from '../../src/clinical/caseInput.js';

const albiOf = (json: CaseInputJson) => albi(CaseInputSchema.parse(json));

describe('ALBI worked vectors (digest §1.4, coefficient −0.085)', () => {
  const vectors: [string, number, number, number, '1' | '2' | '3', '1' | '2a' | '2b' | '3'][] = [
    ['A1', 10, 45, -3.165, '1', '1'],
    ['A2', 17.1, 40, -2.5862, '2', '2a'],
    ['A3', 20.52, 35, -2.109, '2', '2b'],
    ['A4', 34.2, 30, -1.5375, '2', '2b'],
    ['A5', 51.3, 28, -1.2513, '3', '3'],
    ['A6', 17.1, 40.1, -2.5947, '2', '2a'],
    ['A7', 20, 36.8, -2.2693, '2', '2b'],
  ];
  it.each(vectors)('%s: bilirubin %s µmol/L, albumin %s g/L', (_id, bili, alb, score, grade, mGrade) => {
    const result = albiOf({
      bilirubin: { value: bili, unit: 'umol/L' },
      albumin: { value: alb, unit: 'g/L' },
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.score).toBeCloseTo(score, 4);
    expect(result.value.grade).toBe(grade);
    expect(result.value.mAlbiGrade).toBe(mGrade);
  });

  it('gives the same score from mg/dL and g/dL (A3: 1.2 mg/dL, 3.5 g/dL)', () => {
    const result = albiOf({
      bilirubin: { value: 1.2, unit: 'mg/dL' },
      albumin: { value: 3.5, unit: 'g/dL' },
    });
    expect(result.ok && result.value.score).toBeCloseTo(-2.109, 3);
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
