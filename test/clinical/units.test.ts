import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  albuminGdl,
  albuminGl,
  bilirubinMgDl,
  bilirubinUmolL,
  creatinineMgDl,
  roundHalfUp,
  roundTo,
} from '../../src/clinical/units.js';

describe('bilirubin', () => {
  it('leaves a value in the asked unit untouched', () => {
    expect(bilirubinMgDl({ value: 1.3, unit: 'mg/dL' })).toBe(1.3);
    expect(bilirubinUmolL({ value: 22, unit: 'umol/L' })).toBe(22);
  });
  it('converts the Child-Pugh cut-off equivalents exactly', () => {
    expect(bilirubinMgDl({ value: 34.2, unit: 'umol/L' })).toBe(2);
    expect(bilirubinMgDl({ value: 51.3, unit: 'umol/L' })).toBe(3);
    expect(bilirubinMgDl({ value: 68.4, unit: 'umol/L' })).toBe(4);
    expect(bilirubinMgDl({ value: 171, unit: 'umol/L' })).toBe(10);
    expect(bilirubinUmolL({ value: 1.2, unit: 'mg/dL' })).toBe(20.52);
    expect(bilirubinUmolL({ value: 1, unit: 'mg/dL' })).toBe(17.1);
  });
});

describe('albumin and creatinine', () => {
  it('converts g/L and g/dL both ways', () => {
    expect(albuminGdl({ value: 35, unit: 'g/L' })).toBe(3.5);
    expect(albuminGdl({ value: 28, unit: 'g/L' })).toBe(2.8);
    expect(albuminGl({ value: 3.5, unit: 'g/dL' })).toBe(35);
    expect(albuminGl({ value: 2.9, unit: 'g/dL' })).toBe(29);
    expect(albuminGl({ value: 40, unit: 'g/L' })).toBe(40);
  });
  it('converts creatinine µmol/L to mg/dL', () => {
    expect(creatinineMgDl({ value: 88.4, unit: 'umol/L' })).toBe(1);
    expect(creatinineMgDl({ value: 353.6, unit: 'umol/L' })).toBe(4);
    expect(creatinineMgDl({ value: 1.1, unit: 'mg/dL' })).toBe(1.1);
  });
  it('a value and its converted twin give the same scores (creatinine 1.5 mg/dL = 132.6 µmol/L)', () => {
    expect(creatinineMgDl({ value: 132.6, unit: 'umol/L' })).toBe(1.5);
    expect(albuminGl({ value: 3.6, unit: 'g/dL' })).toBe(36);
  });
  it('round-trips within a millionth', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.1, max: 60, noNaN: true }), (v) => {
        const back = bilirubinMgDl({ value: bilirubinUmolL({ value: v, unit: 'mg/dL' }), unit: 'umol/L' });
        expect(Math.abs(back - v)).toBeLessThan(1e-5);
      }),
    );
  });
});

describe('rounding helpers', () => {
  it('rounds half up after removing floating-point noise', () => {
    expect(roundHalfUp(29.5)).toBe(30);
    expect(roundHalfUp(29.499999999999996)).toBe(30);
    expect(roundHalfUp(29.49)).toBe(29);
    expect(roundHalfUp(16.65)).toBe(17);
    expect(roundTo(0.1 + 0.2, 6)).toBe(0.3);
    expect(roundTo(-30.000000000000004, 6)).toBe(-30);
  });
});
