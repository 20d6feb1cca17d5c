import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BclcResult, BclcResultSchema, type BclcStage } from '../../src/clinical/assessment.js';
import {
  bclcStage,
  CONFIRM_TACE_FEATURES,
  IMPAIRED_STAGE_NOTE,
  INFILTRATIVE_NOT_STATED,
  NOT_CANCER_RELATED_NOTE,
  TRANSPLANT_EVALUATION_NOTE,
  TRANSPLANT_POOR_PS_CAVEAT,
  TRANSPLANT_UNKNOWN_NOTE,
} from '../../src/clinical/bclc.js';
import { type CaseInputJson, CaseInputSchema } from '../../src/clinical/caseInput.js';
import { childPugh } from '../../src/clinical/childPugh.js';
import type { Computed } from '../../src/clinical/computed.js';
import { IMPAIRED_FUNCTION_WARNING } from '../../src/clinical/liverFunction.js';
import { BCLC_2022_RULE } from '../../src/clinical/rules.js';
import { transplantCriteria } from '../../src/clinical/transplant.js';
import { TUMOUR_MISSING } from '../../src/clinical/tumourBurden.js';
import { A5, B8, C13, msg } from './fixtures.js';

function stage(json: CaseInputJson): Computed<BclcResult> {
  const input = CaseInputSchema.parse(json);
  return bclcStage(input, childPugh(input), transplantCriteria(input));
}
function ok(json: CaseInputJson) {
  const r = stage(json);
  if (!r.ok) throw new Error(`expected a stage, missing ${r.missing.join(', ')}`);
  BclcResultSchema.parse(r.value);
  return r;
}

describe('BCLC_2022_RULE', () => {
  it('names BCLC 2022 and cites Reig 2022', () => {
    expect(BCLC_2022_RULE.name).toBe('BCLC 2022');
    expect(BCLC_2022_RULE.source).toContain('10.1016/j.jhep.2021.11.018');
  });
});

describe('stage D', () => {
  it.each([3, 4])(
    'ECOG %i gives D even when everything else is missing; liver function not imputed',
    (ecog) => {
      const r = ok({ ecog });
      expect(r.value.stage).toBe('D');
      expect(r.value.liverFunction).toBeNull();
      expect(r.value.basis).toContain(`ECOG ${ecog}`);
    },
  );

  it('ECOG 2 alone is not D (and cannot be staged without liver function)', () => {
    const r = stage({ ecog: 2 });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.missing).toEqual([
        'bilirubin',
        'albumin',
        'inr or ptProlongationSeconds',
        'ascites',
        'encephalopathy',
      ]);
  });

  it('Child-Pugh C gives D with ECOG and tumour missing', () => {
    const r = ok(C13);
    expect(r.value).toMatchObject({ stage: 'D', liverFunction: 'end-stage' });
    expect(r.value.basis).toContain('Child-Pugh C');
  });

  it('Child-Pugh C with a tumour within Milan adds the transplant-evaluation note', () => {
    const r = ok({ ...C13, ecog: 0, nodulesCm: [3] });
    expect(r.value.stage).toBe('D');
    expect(r.value.notes).toEqual([TRANSPLANT_EVALUATION_NOTE]);
  });

  it('Child-Pugh C with a tumour outside Milan has no transplant note', () => {
    const r = ok({ ...C13, ecog: 0, nodulesCm: [5.1] });
    expect(r.value.notes).not.toContain(TRANSPLANT_EVALUATION_NOTE);
    expect(r.value.notes).not.toContain(TRANSPLANT_UNKNOWN_NOTE);
  });

  it('Child-Pugh C without tumour size says Milan could not be evaluated', () => {
    expect(ok(C13).value.notes).toContain(TRANSPLANT_UNKNOWN_NOTE);
  });

  it('ECOG 3 with preserved function and a Milan tumour has no transplant note (the exception is about liver function)', () => {
    const r = ok({ ...A5, ecog: 3, nodulesCm: [3] });
    expect(r.value).toMatchObject({ stage: 'D', liverFunction: 'preserved' });
    expect(r.value.notes).toEqual([]);
  });

  it('Child-Pugh B with ECOG 0 is not D', () => {
    expect(ok({ ...B8, ecog: 0, nodulesCm: [3] }).value.stage).not.toBe('D');
  });
});

describe('stage C', () => {
  it('macrovascular invasion gives C without tumour size', () => {
    const r = ok({ ...A5, ecog: 0, macrovascularInvasion: true });
    expect(r.value).toMatchObject({ stage: 'C', liverFunction: 'preserved', subgroup: null });
    expect(r.value.basis).toContain('macrovascular invasion');
  });

  it('extrahepatic spread gives C', () => {
    expect(ok({ ...A5, ecog: 0, extrahepaticSpread: true, nodulesCm: [1.5] }).value.stage).toBe('C');
  });

  it.each([1, 2])('ECOG %i, cancer-related (the default), gives C without tumour size', (ecog) => {
    const r = ok({ ...A5, ecog });
    expect(r.value.stage).toBe('C');
    expect(r.value.basis).toContain(`ECOG ${ecog}, cancer-related`);
  });

  it('ECOG 1 not cancer-related is staged as ECOG 0, with a visible note', () => {
    const r = ok({ ...A5, ecog: 1, ecogCancerRelated: false, nodulesCm: [1.5] });
    expect(r.value.stage).toBe('0');
    expect(r.value.notes).toContain(NOT_CANCER_RELATED_NOTE(1));
    expect(r.value.basis).toContain('not cancer-related');
  });

  it('ECOG 2 not cancer-related with no tumour size cannot be staged', () => {
    const r = stage({ ...A5, ecog: 2, ecogCancerRelated: false });
    expect(r).toEqual({ ok: false, missing: [TUMOUR_MISSING] });
  });

  it('Child-Pugh B with invasion is C with the impaired-function note and warning', () => {
    const r = ok({ ...B8, ecog: 0, macrovascularInvasion: true });
    expect(r.value).toMatchObject({ stage: 'C', liverFunction: 'impaired' });
    expect(r.value.notes).toContain(IMPAIRED_STAGE_NOTE);
    expect(r.warnings.map(msg)).toContain(IMPAIRED_FUNCTION_WARNING);
  });

  it('invasion with ECOG missing is not evaluable (ECOG 3-4 would make it D)', () => {
    expect(stage({ ...A5, macrovascularInvasion: true })).toEqual({ ok: false, missing: ['ecog'] });
  });

  it('invasion with Child-Pugh missing is not evaluable (Child-Pugh C would make it D)', () => {
    const r = stage({ ecog: 0, macrovascularInvasion: true, albumin: { value: 40, unit: 'g/L' } });
    expect(r).toEqual({
      ok: false,
      missing: ['bilirubin', 'inr or ptProlongationSeconds', 'ascites', 'encephalopathy'],
    });
  });
});

describe('stages 0, A, B', () => {
  it('single 2.0 cm, ECOG 0, preserved → 0 (<= 2 cm inclusive)', () => {
    const r = ok({ ...A5, ecog: 0, nodulesCm: [2] });
    expect(r.value.stage).toBe('0');
    expect(r.value.basis).toBe(
      'Stage 0: single nodule 2 cm, no macrovascular invasion or extrahepatic spread, ECOG 0, Child-Pugh A5 (preserved liver function).',
    );
  });

  it('single 2.1 cm → A', () => {
    expect(ok({ ...A5, ecog: 0, nodulesCm: [2.1] }).value.stage).toBe('A');
  });

  it('single 2 cm with impaired function (Child-Pugh B) → A, with the note and warning', () => {
    const r = ok({ ...B8, ecog: 0, nodulesCm: [2] });
    expect(r.value).toMatchObject({ stage: 'A', liverFunction: 'impaired' });
    expect(r.value.basis).toContain('stage 0 only with preserved liver function');
    expect(r.value.notes).toContain(IMPAIRED_STAGE_NOTE);
    expect(r.warnings.map(msg)).toContain(IMPAIRED_FUNCTION_WARNING);
  });

  it('single nodule of any size → A (12 cm)', () => {
    expect(ok({ ...A5, ecog: 0, nodulesCm: [12] }).value.stage).toBe('A');
  });

  it('2-3 nodules each <= 3 cm → A; one of them 3.1 cm → B', () => {
    expect(ok({ ...A5, ecog: 0, nodulesCm: [3, 3, 3] }).value.stage).toBe('A');
    expect(ok({ ...A5, ecog: 0, noduleCount: 2, largestNoduleCm: 3 }).value.stage).toBe('A');
    expect(ok({ ...A5, ecog: 0, nodulesCm: [3.1, 2] }).value.stage).toBe('B');
  });

  it('4 small nodules → B', () => {
    expect(ok({ ...A5, ecog: 0, nodulesCm: [1, 1, 1, 1] }).value.stage).toBe('B');
  });

  it('Child-Pugh B keeps the tumour-based stage B', () => {
    const r = ok({ ...B8, ecog: 0, nodulesCm: [5, 4, 3, 2] });
    expect(r.value).toMatchObject({ stage: 'B', liverFunction: 'impaired' });
  });

  it('missing tumour size with ECOG 0 and Child-Pugh A is not evaluable', () => {
    expect(stage({ ...A5, ecog: 0 })).toEqual({ ok: false, missing: [TUMOUR_MISSING] });
  });

  it('ECOG missing is never assumed', () => {
    expect(stage({ ...A5, nodulesCm: [1.5] })).toEqual({ ok: false, missing: ['ecog'] });
  });

  it('nothing given: names ECOG, the Child-Pugh inputs and the tumour', () => {
    const r = stage({});
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.missing).toEqual([
        'ecog',
        'bilirubin',
        'albumin',
        'inr or ptProlongationSeconds',
        'ascites',
        'encephalopathy',
        TUMOUR_MISSING,
      ]);
  });
});

describe('BCLC-B subgroup', () => {
  it('within UCSF → extended-transplant, naming the criteria met, local rule decides', () => {
    const r = ok({ ...A5, ecog: 0, nodulesCm: [4, 3], afp: 150 });
    expect(r.value.stage).toBe('B');
    expect(r.value.subgroup?.id).toBe('extended-transplant');
    expect(r.value.subgroup?.reason).toContain('UCSF');
    expect(r.value.subgroup?.reason).toContain('local rule');
  });

  it('beyond every extended criterion → tace, MDT confirms the TACE features, infiltrative not stated', () => {
    const r = ok({ ...A5, ecog: 0, nodulesCm: [5, 4, 3, 2], afp: 20 });
    expect(r.value.subgroup).toMatchObject({ id: 'tace' });
    expect(r.value.subgroup?.decidingInputs).toEqual([INFILTRATIVE_NOT_STATED, CONFIRM_TACE_FEATURES]);
  });

  it('infiltrative stated false: no longer listed as a deciding input', () => {
    const r = ok({ ...A5, ecog: 0, nodulesCm: [5, 4, 3, 2], afp: 20, infiltrative: false });
    expect(r.value.subgroup?.decidingInputs).toEqual([CONFIRM_TACE_FEATURES]);
  });

  it('AFP missing when the AFP-based criteria could decide: lists afp', () => {
    // 5 nodules ≤ 3 cm: beyond up-to-seven and Metroticket (8 > 7), but the AFP model scores 0 + 2 = 2, so AFP decides.
    const r = ok({ ...A5, ecog: 0, nodulesCm: [3, 3, 3, 3, 3] });
    expect(r.value.subgroup?.id).toBe('tace');
    expect(r.value.subgroup?.decidingInputs).toContain('afp');
  });

  it('AFP missing but unable to change any criterion: not listed', () => {
    // [6,5,4,3]: Metroticket 6 + 4 = 10 > 7 and AFP model 1 + 2 = 3 > 2 are beyond at any AFP.
    const r = ok({ ...A5, ecog: 0, nodulesCm: [6, 5, 4, 3] });
    expect(r.value.subgroup?.id).toBe('tace');
    expect(r.value.subgroup?.decidingInputs).not.toContain('afp');
  });

  it('infiltrative → systemic', () => {
    const r = ok({ ...A5, ecog: 0, nodulesCm: [6, 5, 4, 3], infiltrative: true });
    expect(r.value.subgroup).toMatchObject({ id: 'systemic', decidingInputs: [] });
  });

  it('infiltrative wins over size-based extended criteria', () => {
    expect(ok({ ...A5, ecog: 0, nodulesCm: [4, 3], afp: 10, infiltrative: true }).value.subgroup?.id).toBe(
      'systemic',
    );
  });

  it('no subgroup outside stage B', () => {
    expect(ok({ ...A5, ecog: 0, nodulesCm: [3] }).value.subgroup).toBeNull();
  });
});

// ---- properties ----

const RANK: Record<BclcStage, number> = { '0': 0, A: 1, B: 2, C: 3, D: 4 };

const labsArb = fc.option(
  fc.record({
    bilirubin: fc.record({
      value: fc.double({ min: 0.1, max: 20, noNaN: true }),
      unit: fc.constant('mg/dL' as const),
    }),
    albumin: fc.record({
      value: fc.double({ min: 1.5, max: 6, noNaN: true }),
      unit: fc.constant('g/dL' as const),
    }),
    inr: fc.double({ min: 0.8, max: 6, noNaN: true }),
    ascites: fc.constantFrom('none', 'mild', 'moderate-severe'),
    encephalopathy: fc.constantFrom('none', 'grade-1-2', 'grade-3-4'),
  }),
  { nil: undefined },
);
const caseArb: fc.Arbitrary<CaseInputJson> = fc
  .record({
    labs: labsArb,
    ecog: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
    ecogCancerRelated: fc.boolean(),
    nodulesCm: fc.option(
      fc.array(fc.double({ min: 0.5, max: 20, noNaN: true }), { minLength: 1, maxLength: 6 }),
      {
        nil: undefined,
      },
    ),
    afp: fc.option(fc.double({ min: 1, max: 5000, noNaN: true }), { nil: undefined }),
    macrovascularInvasion: fc.boolean(),
    extrahepaticSpread: fc.boolean(),
    infiltrative: fc.boolean(),
  })
  .map(({ labs, ...rest }) => {
    const out: Record<string, unknown> = { ...(labs ?? {}) };
    for (const [k, v] of Object.entries(rest)) if (v !== undefined) out[k] = v;
    return out as CaseInputJson;
  });

describe('BCLC properties', () => {
  it('never throws; every stage validates against the schema; B and only B has a subgroup', () => {
    fc.assert(
      fc.property(caseArb, (json) => {
        const r = stage(json);
        if (r.ok) {
          BclcResultSchema.parse(r.value);
          expect(r.value.subgroup !== null).toBe(r.value.stage === 'B');
          expect(r.value.basis.length).toBeGreaterThan(0);
        } else {
          expect(r.missing.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('ECOG 3-4 is always D; a non-D stage always has ECOG <= 2 and non-end-stage liver function', () => {
    fc.assert(
      fc.property(caseArb, (json) => {
        const r = stage(json);
        const ecog = json.ecog;
        if (ecog !== undefined && ecog >= 3) expect(r.ok && r.value.stage).toBe('D');
        if (r.ok && r.value.stage !== 'D') {
          expect(ecog).toBeLessThanOrEqual(2);
          expect(r.value.liverFunction).not.toBe('end-stage');
        }
      }),
    );
  });

  it('without ECOG the only stage is D (from Child-Pugh C)', () => {
    fc.assert(
      fc.property(caseArb, (json) => {
        const { ecog: _ecog, ...rest } = json;
        const r = stage(rest);
        if (r.ok) expect(r.value).toMatchObject({ stage: 'D', liverFunction: 'end-stage' });
        else expect(r.missing).toContain('ecog');
      }),
    );
  });

  it('adding invasion, spread or cancer-related ECOG never lowers the stage', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.constantFrom('macrovascularInvasion', 'extrahepaticSpread', 'ecogCancerRelated'),
        (json, flag) => {
          const lower = stage({ ...json, [flag]: false });
          const higher = stage({ ...json, [flag]: true });
          if (lower.ok && higher.ok)
            expect(RANK[higher.value.stage]).toBeGreaterThanOrEqual(RANK[lower.value.stage]);
        },
      ),
    );
  });

  it('a stage decided with fewer inputs is unchanged when the tumour size is added', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.array(fc.double({ min: 0.5, max: 20, noNaN: true }), { minLength: 1, maxLength: 5 }),
        (json, nodules) => {
          const { nodulesCm: _n, ...withoutTumour } = json;
          const partial = stage(withoutTumour);
          const full = stage({ ...withoutTumour, nodulesCm: nodules });
          if (partial.ok) expect(full.ok && full.value.stage).toBe(partial.value.stage);
        },
      ),
    );
  });
});

describe('stage D details', () => {
  it('ECOG 3 with Child-Pugh C and a Milan tumour: both reasons, transplant note with the poor-PS caveat', () => {
    const r = ok({ ...C13, ecog: 3, nodulesCm: [2.5, 2] });
    expect(r.value.basis).toMatch(
      /^Stage D: ECOG 3 \(performance status 3-4\) and Child-Pugh C\d+ \(end-stage liver function\)\.$/,
    );
    expect(r.value.notes).toEqual([TRANSPLANT_EVALUATION_NOTE, TRANSPLANT_POOR_PS_CAVEAT]);
  });

  it('ECOG 4 with Child-Pugh B: no tumour-stage note (D is not tumour-based)', () => {
    const r = ok({ ...B8, ecog: 4 });
    expect(r.value).toMatchObject({ stage: 'D', liverFunction: 'impaired' });
    expect(r.value.notes).not.toContain(IMPAIRED_STAGE_NOTE);
    expect(r.warnings.map(msg)).not.toContain(IMPAIRED_FUNCTION_WARNING);
  });
});
