import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess, unusualValueWarnings } from '../../src/clinical/assess.js';
import { AssessmentSchema } from '../../src/clinical/assessment.js';
import { ECOG_CANCER_RELATED_ASSUMED, INFILTRATIVE_ASSUMED } from '../../src/clinical/bclc.js';
import { type CaseInputJson, CaseInputSchema } from '../../src/clinical/caseInput.js';
import { IMPAIRED_FUNCTION_WARNING } from '../../src/clinical/liverFunction.js';
import { INVASION_SPREAD_ASSUMED, SPREAD_ASSUMED } from '../../src/clinical/notStated.js';
import { BCLC_2022_RULE } from '../../src/clinical/rules.js';
import { BILIRUBIN_CUT_ASSUMPTION } from '../../src/clinical/treatmentOptions.js';
import { COMPLETE_CASE, msg } from './fixtures.js';

const COMPLETE = COMPLETE_CASE;

const run = (json: CaseInputJson) => {
  const result = assess(CaseInputSchema.parse(json));
  return AssessmentSchema.parse(result);
};

describe('assess: a complete case', () => {
  const a = run(COMPLETE);

  it('computes every score and leaves nothing not evaluable', () => {
    expect(a.notEvaluable).toEqual([]);
    expect(a.albi).not.toBeNull();
    expect(a.childPugh).toMatchObject({ class: 'A', points: 5 });
    expect(a.meld.meld).not.toBeNull();
    expect(a.meld.meldNa).not.toBeNull();
    expect(a.meld.meld3).not.toBeNull();
    expect(a.transplant.milan).toBe(true);
    expect(a.hap).not.toBeNull();
    expect(a.mhap2).not.toBeNull();
    expect(a.sixAndTwelve).not.toBeNull();
  });

  it('stages BCLC A (2 nodules <= 3 cm) with a treatment plan', () => {
    expect(a.bclc).toMatchObject({ stage: 'A', liverFunction: 'preserved' });
    expect(a.treatment?.stage).toBe('A');
  });

  it('names every rule applied, BCLC 2022 among them, once each', () => {
    expect(a.rules).toContainEqual(BCLC_2022_RULE);
    const ids = a.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of [
      'albi',
      'child-pugh',
      'meld',
      'meld-na',
      'meld-3',
      'milan',
      'ucsf',
      'up-to-seven',
      'afp-model',
      'metroticket-2',
      'hap',
      'mhap2',
      'six-and-twelve',
      'bclc-2022',
    ])
      expect(ids).toContain(id);
  });

  it('with invasion and spread stated false, does not report them as assumed', () => {
    expect(a.assumptions.map(msg)).not.toContain(INVASION_SPREAD_ASSUMED);
  });
});

describe('assess: nothing given', () => {
  const a = run({});
  it('every score is not evaluable, by the agreed names, each with its missing inputs', () => {
    expect(a.notEvaluable.map((n) => n.score).sort()).toEqual(
      [
        'ALBI',
        'Child-Pugh',
        'MELD',
        'MELD-Na',
        'MELD 3.0',
        'BCLC',
        'Milan',
        'UCSF',
        'Up-to-seven',
        'Metroticket 2.0',
        'AFP model',
        'HAP',
        'mHAP-II',
        'Six-and-twelve',
      ].sort(),
    );
    for (const n of a.notEvaluable) expect(n.missing.length).toBeGreaterThan(0);
    expect(a.bclc).toBeNull();
    expect(a.treatment).toBeNull();
    expect(a.rules).toEqual([]);
  });
});

describe('assess: assumptions', () => {
  // Each rule reports what it took an absent flag to mean, and only when it read the flag for a result.
  const tumourA = { ...COMPLETE, macrovascularInvasion: undefined, extrahepaticSpread: undefined };

  it('invasion and spread not stated → taken as absent by the rules that read them', () => {
    expect(run(tumourA).assumptions.map(msg)).toContain(INVASION_SPREAD_ASSUMED);
  });

  it('no assumption about invasion or spread when no rule read them for a result', () => {
    // ECOG alone: BCLC is not evaluable and no transplant criterion has a tumour to measure.
    expect(run({ ecog: 0 }).assumptions.map(msg)).not.toContain(INVASION_SPREAD_ASSUMED);
  });

  it('invasion stated absent, spread not → only spread assumed', () => {
    const a = run({ ...tumourA, macrovascularInvasion: false });
    expect(a.assumptions.map(msg)).toContain(SPREAD_ASSUMED);
    expect(a.assumptions.map(msg)).not.toContain(INVASION_SPREAD_ASSUMED);
  });

  it('invasion stated present → spread cannot change stage C or the transplant criteria, so nothing is assumed', () => {
    const a = run({ ...tumourA, macrovascularInvasion: true });
    expect(a.bclc?.stage).toBe('C');
    expect(a.assumptions.map(msg).some((m) => m.includes('taken as absent'))).toBe(false);
  });

  it('ECOG 1-2 taken as cancer-related unless the flag was given', () => {
    const base = { ...COMPLETE, nodulesCm: [2.5] };
    expect(run({ ...base, ecog: 1 }).assumptions.map(msg)).toContain(ECOG_CANCER_RELATED_ASSUMED(1));
    expect(run({ ...base, ecog: 2 }).assumptions.map(msg)).toContain(ECOG_CANCER_RELATED_ASSUMED(2));
    expect(run({ ...base, ecog: 1, ecogCancerRelated: true }).assumptions.map(msg)).not.toContain(
      ECOG_CANCER_RELATED_ASSUMED(1),
    );
    expect(
      run({ ...base, ecog: 0 })
        .assumptions.map(msg)
        .some((s) => s.startsWith('ECOG')),
    ).toBe(false);
  });

  it('ECOG attribution not assumed when invasion already makes it stage C', () => {
    const a = run({ ...COMPLETE, ecog: 1, macrovascularInvasion: true });
    expect(a.bclc?.stage).toBe('C');
    expect(a.assumptions.map(msg)).not.toContain(ECOG_CANCER_RELATED_ASSUMED(1));
  });

  it('stage B: infiltrative pattern taken as absent unless stated', () => {
    const json = { ...COMPLETE, nodulesCm: [5, 4, 3, 2] };
    expect(run(json).assumptions.map(msg)).toContain(INFILTRATIVE_ASSUMED);
    expect(run({ ...json, infiltrative: false }).assumptions.map(msg)).not.toContain(INFILTRATIVE_ASSUMED);
  });

  it('stage 0/A: the normal-bilirubin cut is reported as an assumption', () => {
    expect(run({ ...COMPLETE, nodulesCm: [1.8] }).assumptions.map(msg)).toContain(BILIRUBIN_CUT_ASSUMPTION);
    // 2 nodules: no resection branch, so no bilirubin cut applied
    expect(run(COMPLETE).assumptions.map(msg)).not.toContain(BILIRUBIN_CUT_ASSUMPTION);
  });
});

describe('assess: warnings', () => {
  it('Child-Pugh B warns that first options assume preserved function', () => {
    const a = run({ ...COMPLETE, ascites: 'mild', albumin: { value: 3.2, unit: 'g/dL' } });
    expect(a.childPugh?.class).toBe('B');
    expect(a.warnings.map(msg)).toContain(IMPAIRED_FUNCTION_WARNING);
  });

  it('unusual values warn on the unusual side only (bilirubin 20 vs 20.1 mg/dL; albumin 15 vs 14.9 g/L)', () => {
    const w = (json: CaseInputJson) => unusualValueWarnings(CaseInputSchema.parse(json));
    expect(w({ bilirubin: { value: 20, unit: 'mg/dL' } })).toEqual([]);
    expect(w({ bilirubin: { value: 20.1, unit: 'mg/dL' } })[0]?.message).toContain(
      'bilirubin 20.1 mg/dL is unusually high',
    );
    expect(w({ albumin: { value: 15, unit: 'g/L' } })).toEqual([]);
    expect(w({ albumin: { value: 14.9, unit: 'g/L' } })[0]?.message).toContain('unusually low');
    expect(w({ sodium: 119 })[0]?.message).toContain('sodium 119 mmol/L');
    expect(w({ sodium: 156 })[0]?.message).toContain('unusually high');
    expect(w({ sodium: 140, inr: 6 })).toEqual([]);
    expect(w({ inr: 6.1 })[0]?.message).toContain('INR 6.1 is unusually high');
    expect(w({ nodulesCm: [21] })[0]?.message).toContain('largest nodule 21 cm');
  });

  it('assessment warnings carry the unusual-value warnings', () => {
    expect(
      run({ creatinine: { value: 900, unit: 'umol/L' } })
        .warnings.map(msg)
        .some((s) => s.includes('creatinine 900')),
    ).toBe(true);
  });
});

const finiteEverywhere = (value: unknown): boolean => {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(finiteEverywhere);
  if (value && typeof value === 'object') return Object.values(value).every(finiteEverywhere);
  return true;
};

describe('assess properties', () => {
  const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const arb = fc
    .record({
      bilirubin: opt(
        fc.record({
          value: fc.double({ min: 0.1, max: 60, noNaN: true }),
          unit: fc.constant('mg/dL' as const),
        }),
      ),
      albumin: opt(
        fc.record({ value: fc.double({ min: 10, max: 60, noNaN: true }), unit: fc.constant('g/L' as const) }),
      ),
      creatinine: opt(
        fc.record({
          value: fc.double({ min: 8.8, max: 1768, noNaN: true }),
          unit: fc.constant('umol/L' as const),
        }),
      ),
      inr: opt(fc.double({ min: 0.5, max: 10, noNaN: true })),
      sodium: opt(fc.double({ min: 100, max: 180, noNaN: true })),
      afp: opt(fc.double({ min: 0.5, max: 100000, noNaN: true })),
      ascites: opt(fc.constantFrom('none' as const, 'mild' as const, 'moderate-severe' as const)),
      encephalopathy: opt(fc.constantFrom('none' as const, 'grade-1-2' as const, 'grade-3-4' as const)),
      ecog: opt(fc.integer({ min: 0, max: 4 })),
      sex: opt(fc.constantFrom('female' as const, 'male' as const)),
      dialysis: opt(fc.boolean()),
      nodulesCm: opt(fc.array(fc.double({ min: 0.1, max: 30, noNaN: true }), { minLength: 1, maxLength: 8 })),
      macrovascularInvasion: opt(fc.boolean()),
      extrahepaticSpread: opt(fc.boolean()),
      infiltrative: opt(fc.boolean()),
      portalHypertension: opt(fc.boolean()),
    })
    .map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined)) as CaseInputJson);

  it('never throws, always matches AssessmentSchema, never yields NaN or Infinity', () => {
    fc.assert(
      fc.property(arb, (json) => {
        const a = run(json);
        expect(finiteEverywhere(a)).toBe(true);
        // a stage and its treatment plan come together
        expect(a.bclc === null).toBe(a.treatment === null);
        expect(a.notEvaluable.some((n) => n.score === 'BCLC')).toBe(a.bclc === null);
      }),
    );
  });
});

describe('assess: every note names the score it belongs to', () => {
  it('an absent invasion/spread read by BCLC and by the transplant criteria is one note naming all of them', () => {
    const a = run({ ...COMPLETE, macrovascularInvasion: undefined, extrahepaticSpread: undefined });
    const flags = a.assumptions.filter((n) => n.message === INVASION_SPREAD_ASSUMED);
    expect(flags).toHaveLength(1);
    expect(flags[0]?.fields).toEqual(['macrovascularInvasion', 'extrahepaticSpread']);
    expect(flags[0]?.about).toEqual(
      expect.arrayContaining(['milan', 'ucsf', 'upToSeven', 'metroticket2', 'afpModel', 'bclc']),
    );
  });
  it('a calculator note is tagged with that calculator; not-evaluable entries carry their key', () => {
    const a = run({ ...COMPLETE, inr: undefined, ptProlongationSeconds: 5, sex: 'male' });
    const pt = a.assumptions.find((n) => n.message.includes('prothrombin time'));
    expect(pt).toMatchObject({ about: ['childPugh'], fields: ['inr'] });
    const b = run(COMPLETE);
    expect(b.assumptions.find((n) => n.message.startsWith('MELD 3.0 sex'))?.about).toEqual(['meld3']);
    expect(a.notEvaluable.find((n) => n.score === 'MELD')).toMatchObject({ about: 'meld' });
  });
  it('an unusual value warning names every score that reads the value', () => {
    const a = run({ ...COMPLETE, creatinine: { value: 11, unit: 'mg/dL' } });
    const w = a.warnings.find((n) => n.message.startsWith('creatinine 11'));
    expect(w?.about).toEqual(['meld', 'meldNa', 'meld3']);
  });
});
