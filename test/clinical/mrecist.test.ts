import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MrecistInputSchema } from '../../src/clinical/assessment.js';
import { mrecist } from '../../src/clinical/mrecist.js';
import { MRECIST_RULE } from '../../src/clinical/rules.js';
import { MRECIST_SOURCE, MRECIST_VECTORS } from './vectors.js';

const run = (baselineMm: number, nadirMm: number, currentMm: number, newLesion = false) =>
  mrecist(MrecistInputSchema.parse({ baselineMm, nadirMm, currentMm, newLesion }));

describe(`mRECIST worked vectors (${MRECIST_SOURCE})`, () => {
  it.each(MRECIST_VECTORS)('baseline $baselineMm, nadir $nadirMm, current $currentMm → $response', (v) => {
    expect(run(v.baselineMm, v.nadirMm, v.currentMm).response).toBe(v.response);
  });
  it('a new lesion is PD whatever the sums, even with no viable target tumour', () => {
    expect(run(50, 50, 20, true).response).toBe('PD');
    expect(run(50, 50, 0, true).response).toBe('PD');
  });
});

describe('mRECIST thresholds without floating-point error', () => {
  it('exactly −30 % is PR and −29.9 % is SD', () => {
    expect(run(50, 50, 35)).toMatchObject({ response: 'PR', changeFromBaselinePct: -30 });
    expect(run(100, 100, 70.1).response).toBe('SD');
    expect(run(10, 10, 7).response).toBe('PR');
    expect(run(33.3, 33.3, 23.31).response).toBe('PR');
  });
  it('exactly +20 % from the nadir is PD and +19.9 % is not', () => {
    expect(run(50, 30, 36)).toMatchObject({ response: 'PD', changeFromNadirPct: 20 });
    expect(run(100, 10, 12).response).toBe('PD');
    expect(run(100, 100, 119.9).response).toBe('SD');
    expect(run(33.3, 33.3, 39.96).response).toBe('PD');
  });
  it('PD outranks PR (growth from nadir while still 30 % below baseline)', () => {
    const r = run(100, 20, 30);
    expect(r.response).toBe('PD');
    expect(r.changeFromBaselinePct).toBe(-70);
  });
  it('a nadir of 0 followed by viable tumour is PD (reappearance), with no percentage from nadir', () => {
    const r = run(50, 0, 5);
    expect(r).toMatchObject({ response: 'PD', changeFromNadirPct: null });
    expect(run(50, 0, 0).response).toBe('CR');
  });
  it('names the rule and gives a reason', () => {
    const r = run(50, 50, 36);
    expect(r.rule).toEqual(MRECIST_RULE);
    expect(r.reason.length).toBeGreaterThan(10);
    expect(r.ok).toBe(true);
  });
});

describe('mRECIST properties', () => {
  const mm = fc.double({ min: 0, max: 1000, noNaN: true });
  it('never throws or returns NaN in the valid domain', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 1000, noNaN: true }), mm, mm, fc.boolean(), (b, n0, c, nl) => {
        const n = Math.min(b, n0);
        const r = run(b, n, c, nl);
        expect(Number.isFinite(r.changeFromBaselinePct)).toBe(true);
        if (r.changeFromNadirPct !== null) expect(Number.isFinite(r.changeFromNadirPct)).toBe(true);
        expect(['CR', 'PR', 'SD', 'PD']).toContain(r.response);
      }),
    );
  });
  it('a larger current sum never gives a better response', () => {
    const rank = { CR: 0, PR: 1, SD: 2, PD: 3 } as const;
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 1000, noNaN: true }), mm, mm, mm, (b, n0, c1, c2) => {
        const n = Math.min(b, n0);
        const small = run(b, n, Math.min(c1, c2));
        const large = run(b, n, Math.max(c1, c2));
        expect(rank[large.response]).toBeGreaterThanOrEqual(rank[small.response]);
      }),
    );
  });
});
