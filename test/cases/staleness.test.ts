import { describe, expect, it } from 'vitest';
import { ageOf, STALE_AFTER_DAYS } from '../../src/cases/staleness.js';

const STATED = new Date('2026-10-01T12:00:00.000Z');
const plus = (days: number, ms = 0) => new Date(STATED.getTime() + days * 86_400_000 + ms);

describe('ageOf', () => {
  it('uses 30 days for labs and clinical findings, 90 for imaging, none for fixed facts', () => {
    expect(STALE_AFTER_DAYS).toEqual({ lab: 30, clinical: 30, imaging: 90, fixed: null });
  });

  it('flags a lab as stale only once more than 30 days have passed', () => {
    expect(ageOf('bilirubin', STATED, plus(30))).toEqual({ days: 30, stale: false, limitDays: 30 });
    expect(ageOf('bilirubin', STATED, plus(30, 1)).stale).toBe(true);
    expect(ageOf('inr', STATED, plus(29)).stale).toBe(false);
    expect(ageOf('ecog', STATED, plus(31)).stale).toBe(true);
  });

  it('gives imaging 90 days', () => {
    expect(ageOf('macrovascularInvasion', STATED, plus(90)).stale).toBe(false);
    expect(ageOf('macrovascularInvasion', STATED, plus(90, 1)).stale).toBe(true);
    expect(ageOf('nodulesCm', STATED, plus(45)).stale).toBe(false);
  });

  it('never ages sex or cholestatic disease', () => {
    expect(ageOf('sex', STATED, plus(4000))).toEqual({ days: 4000, stale: false, limitDays: null });
  });

  it('counts whole days and never reports a negative age for a clock slightly behind', () => {
    expect(ageOf('afp', STATED, plus(0, 23 * 3_600_000)).days).toBe(0);
    expect(ageOf('afp', STATED, plus(1)).days).toBe(1);
    expect(ageOf('afp', STATED, plus(0, -5000)).days).toBe(0);
  });
});
