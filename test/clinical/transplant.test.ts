import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaseInputJson, CaseInputSchema } from '../../src/clinical/caseInput.js';
import { SCORE_NAMES } from '../../src/clinical/scores.js';
import {
  AFP_MODEL_AFP_NOT_NEEDED,
  AFP_MODEL_SIZE_NOT_NEEDED,
  afpModel,
  afpModelPoints,
  METROTICKET_AFP_NOT_NEEDED,
  METROTICKET_SIZE_NOT_NEEDED,
  metroticket2,
  metroticketLimit,
  milan,
  transplantCriteria,
  UCSF_DIAMETERS_MISSING,
  ucsf,
  upToSeven,
  withinMilan,
  withinUcsf,
  withinUpToSeven,
} from '../../src/clinical/transplant.js';
import { TUMOUR_MISSING, type TumourBurden } from '../../src/clinical/tumourBurden.js';
import { TRANSPLANT_SOURCE, TRANSPLANT_VECTORS } from './vectors.js';

const CRITERIA = { milan, ucsf, upToSeven, metroticket2, afpModel } as const;

/** The five criteria on one case: their values, what each could not evaluate, and their warnings (merged). */
const tOf = (json: CaseInputJson) => {
  const input = CaseInputSchema.parse(json);
  const notEvaluable: { score: string; missing: string[] }[] = [];
  const notes = new Set<string>();
  for (const [key, criterion] of Object.entries(CRITERIA)) {
    const c = criterion(input);
    if (!c.ok) notEvaluable.push({ score: SCORE_NAMES[key as keyof typeof CRITERIA], missing: c.missing });
    else for (const w of c.warnings) notes.add(w.message);
  }
  return { result: transplantCriteria(input), notEvaluable, notes: [...notes] };
};
const listed = (d: number[]): TumourBurden => ({
  count: d.length,
  largestCm: Math.max(...d),
  totalCm: d.reduce((a, b) => a + b, 0),
  diametersCm: d,
});

describe(`transplant criteria worked vectors (${TRANSPLANT_SOURCE})`, () => {
  it.each(TRANSPLANT_VECTORS)('$nodulesCm, AFP $afp', ({ nodulesCm, afp, ...expected }) => {
    const { result, notEvaluable, notes } = tOf({ nodulesCm, afp });
    expect(result).toEqual(expected);
    expect(notEvaluable).toEqual([]);
    expect(notes).toEqual([]);
  });
});

describe('transplant cut-offs, both sides and exactly at each', () => {
  it('Milan: single ≤ 5; 2-3 nodules each ≤ 3; 4 nodules never', () => {
    expect([4.9, 5, 5.01].map((d) => withinMilan(listed([d])))).toEqual([true, true, false]);
    expect(withinMilan(listed([3, 3]))).toBe(true);
    expect(withinMilan(listed([3.01, 1]))).toBe(false);
    expect(withinMilan(listed([1, 1, 1, 1]))).toBe(false);
  });
  it('UCSF: single ≤ 6.5; ≤ 3 nodules, largest ≤ 4.5, total ≤ 8', () => {
    expect([6.5, 6.51].map((d) => withinUcsf(listed([d])))).toEqual([true, false]);
    expect(withinUcsf(listed([4.5, 3.5]))).toBe(true);
    expect(withinUcsf(listed([4.51, 1]))).toBe(false);
    expect(withinUcsf(listed([4, 2, 2.01]))).toBe(false);
    expect(withinUcsf(listed([1, 1, 1, 1]))).toBe(false);
  });
  it('up-to-seven: largest + number ≤ 7', () => {
    expect(withinUpToSeven(listed([5, 1]))).toBe(true);
    expect(withinUpToSeven(listed([5.01, 1]))).toBe(false);
    expect(withinUpToSeven(listed([4.9, 1]))).toBe(true);
  });
  it('AFP model size bands ≤ 3 | > 3-≤ 6 | > 6; count 1-3 | ≥ 4; AFP ≤ 100 | > 100-≤ 1000 | > 1000', () => {
    expect([3, 3.01, 6, 6.01].map((d) => afpModelPoints(listed([d]), 10))).toEqual([0, 1, 1, 4]);
    expect(afpModelPoints(listed([1, 1, 1]), 10)).toBe(0);
    expect(afpModelPoints(listed([1, 1, 1, 1]), 10)).toBe(2);
    expect([100, 100.1, 1000, 1000.1].map((a) => afpModelPoints(listed([1]), a))).toEqual([0, 2, 2, 3]);
  });
  it('AFP model is low risk at ≤ 2 points', () => {
    expect(tOf({ nodulesCm: [3, 1], afp: 101 }).result.afpModel).toEqual({ points: 2, lowRisk: true });
    expect(tOf({ nodulesCm: [3.1, 1], afp: 101 }).result.afpModel).toEqual({ points: 3, lowRisk: false });
  });
  it('Metroticket 2.0 bands: AFP < 200 → 7; 200-400 → 5; > 400-1000 → 4; > 1000 not eligible', () => {
    expect([199.9, 200, 400, 400.1, 1000, 1000.1].map(metroticketLimit)).toEqual([7, 5, 5, 4, 4, null]);
    expect(tOf({ nodulesCm: [2, 1], afp: 1000 }).result.metroticket2).toBe(true);
    expect(tOf({ nodulesCm: [2.01, 1], afp: 1000 }).result.metroticket2).toBe(false);
    expect(tOf({ nodulesCm: [1], afp: 1000.1 }).result.metroticket2).toBe(false);
    expect(tOf({ nodulesCm: [3, 1], afp: 400 }).result.metroticket2).toBe(true);
    expect(tOf({ nodulesCm: [3.01, 1], afp: 400 }).result.metroticket2).toBe(false);
    expect(tOf({ nodulesCm: [5, 1], afp: 199 }).result.metroticket2).toBe(true);
    expect(tOf({ nodulesCm: [5.01, 1], afp: 199 }).result.metroticket2).toBe(false);
  });
});

describe('invasion and spread', () => {
  it('macrovascular invasion excludes every size rule even without sizes', () => {
    const { result, notEvaluable, notes } = tOf({ macrovascularInvasion: true });
    expect(result).toEqual({
      milan: false,
      ucsf: false,
      upToSeven: false,
      metroticket2: false,
      afpModel: { points: null, lowRisk: false },
    });
    expect(notEvaluable).toEqual([]);
    expect(notes).toHaveLength(1);
  });
  it('extrahepatic spread does the same; the AFP model is still scored when its inputs are there, but fails', () => {
    const { result, notes } = tOf({ extrahepaticSpread: true, nodulesCm: [2], afp: 10 });
    expect(result.milan).toBe(false);
    expect(result.afpModel).toEqual({ points: 0, lowRisk: false });
    expect(tOf({ extrahepaticSpread: false, nodulesCm: [2], afp: 10 }).result.afpModel).toEqual({
      points: 0,
      lowRisk: true,
    });
    expect(notes).toHaveLength(1);
  });
});

describe('missing inputs and partial decisions', () => {
  it('nothing given: every rule names what it needs', () => {
    const { result, notEvaluable } = tOf({});
    expect(result).toEqual({ milan: null, ucsf: null, upToSeven: null, metroticket2: null, afpModel: null });
    expect(notEvaluable).toEqual([
      { score: 'Milan', missing: [TUMOUR_MISSING] },
      { score: 'UCSF', missing: [TUMOUR_MISSING] },
      { score: 'Up-to-seven', missing: [TUMOUR_MISSING] },
      { score: 'Metroticket 2.0', missing: [TUMOUR_MISSING] },
      { score: 'AFP model', missing: [TUMOUR_MISSING, 'afp'] },
    ]);
  });
  it('AFP > 1000 settles Metroticket 2.0 without sizes', () => {
    expect(tOf({ afp: 5000 }).result.metroticket2).toBe(false);
  });
  it('without AFP, a size + count beyond 7 settles Metroticket 2.0; within 7 it needs AFP', () => {
    expect(tOf({ nodulesCm: [6.5] }).result.metroticket2).toBe(false);
    const within = tOf({ nodulesCm: [3] });
    expect(within.result.metroticket2).toBeNull();
    expect(within.notEvaluable).toEqual([
      { score: 'Metroticket 2.0', missing: ['afp'] },
      { score: 'AFP model', missing: ['afp'] },
    ]);
  });
  it('Metroticket 2.0 without AFP: 8 nodules, largest 6 cm fail every AFP band → beyond, and AFP was not needed', () => {
    const t = tOf({ noduleCount: 8, largestNoduleCm: 6 });
    expect(t.result.metroticket2).toBe(false);
    expect(t.notes).toContain(METROTICKET_AFP_NOT_NEEDED(14));
    expect(t.notEvaluable.map((n) => n.score)).not.toContain('Metroticket 2.0');
    // Both sides of the widest band: 7 is within it, so AFP decides.
    expect(tOf({ noduleCount: 2, largestNoduleCm: 5 }).result.metroticket2).toBeNull();
    expect(tOf({ noduleCount: 2, largestNoduleCm: 5.1 }).result.metroticket2).toBe(false);
  });
  it('Metroticket 2.0 with AFP > 1000 and no sizes: beyond, and the sizes were not needed', () => {
    expect(tOf({ afp: 1000.1 }).notes).toContain(METROTICKET_SIZE_NOT_NEEDED);
    expect(tOf({ afp: 1000 }).result.metroticket2).toBeNull();
  });
  it('AFP model without AFP: high risk once size and number alone pass 2 points, and AFP was not needed', () => {
    const t = tOf({ noduleCount: 8, largestNoduleCm: 6 });
    expect(t.result.afpModel).toEqual({ points: null, lowRisk: false });
    expect(t.notes).toContain(AFP_MODEL_AFP_NOT_NEEDED(3));
    // 4 nodules ≤ 3 cm score 2: AFP could still keep it low risk, so it is not decided.
    expect(tOf({ noduleCount: 4, largestNoduleCm: 3 }).result.afpModel).toBeNull();
    expect(tOf({ noduleCount: 4, largestNoduleCm: 3.1 }).result.afpModel).toEqual({
      points: null,
      lowRisk: false,
    });
    expect(tOf({ nodulesCm: [6.1] }).result.afpModel).toEqual({ points: null, lowRisk: false });
    expect(tOf({ nodulesCm: [6] }).result.afpModel).toBeNull();
  });
  it('AFP model with AFP > 1000 and no sizes: high risk, and the sizes were not needed', () => {
    const t = tOf({ afp: 1000.1 });
    expect(t.result.afpModel).toEqual({ points: null, lowRisk: false });
    expect(t.notes).toContain(AFP_MODEL_SIZE_NOT_NEEDED);
    expect(tOf({ afp: 1000 }).notEvaluable).toContainEqual({ score: 'AFP model', missing: [TUMOUR_MISSING] });
  });
  it('UCSF with count and largest only: decided when the bounds allow', () => {
    expect(tOf({ noduleCount: 4, largestNoduleCm: 1 }).result.ucsf).toBe(false);
    expect(tOf({ noduleCount: 2, largestNoduleCm: 4.6 }).result.ucsf).toBe(false);
    expect(tOf({ noduleCount: 2, largestNoduleCm: 4 }).result.ucsf).toBe(true);
    expect(tOf({ noduleCount: 3, largestNoduleCm: 2.5 }).result.ucsf).toBe(true);
    const open = tOf({ noduleCount: 3, largestNoduleCm: 4.2 });
    expect(open.result.ucsf).toBeNull();
    expect(open.notEvaluable).toContainEqual({ score: 'UCSF', missing: [UCSF_DIAMETERS_MISSING] });
    expect(tOf({ noduleCount: 3, largestNoduleCm: 4.2, totalDiameterCm: 8 }).result.ucsf).toBe(true);
    expect(tOf({ noduleCount: 3, largestNoduleCm: 4.2, totalDiameterCm: 8.1 }).result.ucsf).toBe(false);
  });
  it('Milan and up-to-seven need only count and largest', () => {
    const r = tOf({ noduleCount: 3, largestNoduleCm: 2.9, afp: 10 }).result;
    expect(r.milan).toBe(true);
    expect(r.upToSeven).toBe(true);
  });
});

describe('transplant properties', () => {
  const nodules = fc.array(fc.double({ min: 0.1, max: 30, noNaN: true }), { minLength: 1, maxLength: 10 });
  const afp = fc.double({ min: 0.1, max: 10_000_000, noNaN: true });
  it('with every diameter and AFP, every rule is decided; Milan ⊂ UCSF', () => {
    fc.assert(
      fc.property(nodules, afp, (d, a) => {
        const { result, notEvaluable } = tOf({ nodulesCm: d, afp: a });
        expect(notEvaluable).toEqual([]);
        for (const v of [result.milan, result.ucsf, result.upToSeven, result.metroticket2]) {
          expect(typeof v).toBe('boolean');
        }
        if (result.milan) expect(result.ucsf).toBe(true);
        expect(result.afpModel?.points).toBeGreaterThanOrEqual(0);
        expect(result.afpModel?.points).toBeLessThanOrEqual(9);
      }),
    );
  });
  it('a larger nodule or a higher AFP never brings a case within a rule or lowers the AFP-model points', () => {
    fc.assert(
      fc.property(nodules, fc.double({ min: 0, max: 5, noNaN: true }), afp, afp, (d, grow, a1, a2) => {
        const base = tOf({ nodulesCm: d, afp: Math.min(a1, a2) }).result;
        const worse = tOf({ nodulesCm: d.map((x) => Math.min(30, x + grow)), afp: Math.max(a1, a2) }).result;
        for (const key of ['milan', 'ucsf', 'upToSeven', 'metroticket2'] as const) {
          if (worse[key]) expect(base[key]).toBe(true);
        }
        expect(worse.afpModel?.points ?? 0).toBeGreaterThanOrEqual(base.afpModel?.points ?? 0);
      }),
    );
  });
});
