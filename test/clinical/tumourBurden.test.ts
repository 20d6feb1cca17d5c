import { describe, expect, it } from 'vitest';
import { type CaseInputJson, CaseInputSchema } from '../../src/clinical/caseInput.js';
import { TUMOUR_MISSING, tumourBurden } from '../../src/clinical/tumourBurden.js';

const burdenOf = (json: CaseInputJson) => tumourBurden(CaseInputSchema.parse(json));

describe('tumourBurden', () => {
  it('reads every diameter from nodulesCm', () => {
    expect(burdenOf({ nodulesCm: [4.5, 2, 1.5] })).toEqual({
      count: 3,
      largestCm: 4.5,
      totalCm: 8,
      diametersCm: [4.5, 2, 1.5],
    });
  });
  it('sums without floating-point noise', () => {
    expect(burdenOf({ nodulesCm: [0.1, 0.2] })?.totalCm).toBe(0.3);
  });
  it('uses count and largest when diameters are not listed; the total only when given', () => {
    expect(burdenOf({ noduleCount: 3, largestNoduleCm: 4.2 })).toEqual({
      count: 3,
      largestCm: 4.2,
      totalCm: null,
      diametersCm: null,
    });
    expect(burdenOf({ noduleCount: 3, largestNoduleCm: 4.2, totalDiameterCm: 7 })?.totalCm).toBe(7);
  });
  it("takes a single nodule's total as its diameter", () => {
    expect(burdenOf({ noduleCount: 1, largestNoduleCm: 5.1 })).toEqual({
      count: 1,
      largestCm: 5.1,
      totalCm: 5.1,
      diametersCm: [5.1],
    });
  });
  it('is null without sizes or count', () => {
    expect(burdenOf({})).toBeNull();
    expect(burdenOf({ noduleCount: 2 })).toBeNull();
    expect(burdenOf({ totalDiameterCm: 6 })).toBeNull();
  });
  it('names the missing input the same way everywhere', () => {
    expect(TUMOUR_MISSING).toBe('nodule sizes (nodulesCm, or noduleCount with largestNoduleCm)');
  });
});
