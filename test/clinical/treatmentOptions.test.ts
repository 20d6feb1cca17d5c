import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type TreatmentPlan, TreatmentPlanSchema } from '../../src/clinical/assessment.js';
import { bclcStage } from '../../src/clinical/bclc.js';
import { type CaseInputJson, CaseInputSchema } from '../../src/clinical/caseInput.js';
import { childPugh } from '../../src/clinical/childPugh.js';
import { transplantCriteria } from '../../src/clinical/transplant.js';
import {
  BCLC_2025_IMMUNOTHERAPY_NOTE,
  BILIRUBIN_CUT_ASSUMPTION,
  bilirubinNormal,
  CHILD_PUGH_B_SYSTEMIC_NOTE,
  ECOG_2_SYSTEMIC_NOTE,
  resectionConditionMet,
  treatmentPlan,
} from '../../src/clinical/treatmentOptions.js';
import { A5, C13 } from './fixtures.js';

const B7: CaseInputJson = { ...A5, ascites: 'mild', albumin: { value: 3.2, unit: 'g/dL' } };

function plan(json: CaseInputJson): TreatmentPlan {
  const input = CaseInputSchema.parse(json);
  const cp = childPugh(input);
  const t = transplantCriteria(input);
  const b = bclcStage(input, cp, t);
  if (!b.ok) throw new Error(`fixture not stageable: ${b.missing.join(', ')}`);
  return TreatmentPlanSchema.parse(treatmentPlan(input, b.value, t));
}
const find = (p: TreatmentPlan, id: string) => p.options.find((o) => o.id === id);
const ids = (p: TreatmentPlan) => p.options.map((o) => o.id);

describe('normal bilirubin and the resection condition', () => {
  const input = (json: CaseInputJson) => CaseInputSchema.parse(json);
  it('bilirubin <= 1.2 mg/dL is normal; 1.21 is not; umol/L converted (20.5 normal, 21 not)', () => {
    expect(bilirubinNormal(input({ bilirubin: { value: 1.2, unit: 'mg/dL' } }))).toBe(true);
    expect(bilirubinNormal(input({ bilirubin: { value: 1.21, unit: 'mg/dL' } }))).toBe(false);
    expect(bilirubinNormal(input({ bilirubin: { value: 20.5, unit: 'umol/L' } }))).toBe(true);
    expect(bilirubinNormal(input({ bilirubin: { value: 21, unit: 'umol/L' } }))).toBe(false);
    expect(bilirubinNormal(input({}))).toBeNull();
  });

  it('resection needs portalHypertension === false and normal bilirubin', () => {
    const bili = { value: 1, unit: 'mg/dL' } as const;
    expect(resectionConditionMet(input({ bilirubin: bili, portalHypertension: false }))).toBe(true);
    expect(resectionConditionMet(input({ bilirubin: bili, portalHypertension: true }))).toBe(false);
    expect(resectionConditionMet(input({ bilirubin: bili }))).toBeNull();
    expect(resectionConditionMet(input({ bilirubin: { value: 1.5, unit: 'mg/dL' } }))).toBe(false);
    expect(resectionConditionMet(input({ portalHypertension: false }))).toBeNull();
  });
});

describe('stage 0', () => {
  it('resection first when no portal hypertension and normal bilirubin; ablation not the branch; LT not the branch', () => {
    const p = plan({ ...A5, ecog: 0, nodulesCm: [1.8], portalHypertension: false });
    expect(p.stage).toBe('0');
    expect(find(p, 'resection')).toMatchObject({ role: 'first-option', conditionMet: true, verified: false });
    expect(find(p, 'ablation')?.conditionMet).toBe(false);
    expect(find(p, 'liver-transplant')?.conditionMet).toBe(false);
    expect(p.notes).toContain(BILIRUBIN_CUT_ASSUMPTION);
  });

  it('portal hypertension: resection not met; ablation met; LT met because within Milan', () => {
    const p = plan({ ...A5, ecog: 0, nodulesCm: [1.8], portalHypertension: true });
    expect(find(p, 'resection')?.conditionMet).toBe(false);
    expect(find(p, 'ablation')?.conditionMet).toBe(true);
    expect(find(p, 'liver-transplant')?.conditionMet).toBe(true);
  });

  it('portal hypertension not stated: conditions unknown and a note says so', () => {
    const p = plan({ ...A5, ecog: 0, nodulesCm: [1.8] });
    expect(find(p, 'resection')?.conditionMet).toBeNull();
    expect(p.notes.some((n) => n.includes('portal hypertension not stated'))).toBe(true);
  });

  it('lists the BCLC 2025 widened ablative options (EBRT, TARE, TACE), as the update states them', () => {
    const p = plan({ ...A5, ecog: 0, nodulesCm: [1.8] });
    for (const id of ['ebrt-sbrt', 'tare', 'tace'])
      expect(find(p, id)).toMatchObject({ basis: 'BCLC 2025 update', verified: true, role: 'alternative' });
  });
});

describe('stage A', () => {
  it('single nodule: resection / LT / ablation branches, no 2025 items', () => {
    const p = plan({ ...A5, ecog: 0, nodulesCm: [4] });
    expect(p.stage).toBe('A');
    expect(ids(p)).toEqual(['resection', 'liver-transplant', 'ablation']);
    expect(p.options.every((o) => o.basis === 'BCLC 2022' && !o.verified)).toBe(true);
  });

  it('single 6 cm with portal hypertension: LT not met (outside Milan)', () => {
    const p = plan({ ...A5, ecog: 0, nodulesCm: [6], portalHypertension: true });
    expect(find(p, 'liver-transplant')?.conditionMet).toBe(false);
  });

  it('2-3 nodules: LT (Milan) or ablation; no resection', () => {
    const p = plan({ ...A5, ecog: 0, nodulesCm: [2.5, 2] });
    expect(ids(p)).toEqual(['liver-transplant', 'ablation']);
    expect(find(p, 'liver-transplant')?.conditionMet).toBe(true);
    expect(find(p, 'ablation')?.conditionMet).toBeNull();
  });

  it('Child-Pugh B: no systemic-trials note when there is no systemic option', () => {
    const p = plan({ ...B7, ecog: 0, nodulesCm: [2] });
    expect(p.stage).toBe('A');
    expect(p.notes).not.toContain(CHILD_PUGH_B_SYSTEMIC_NOTE);
  });
});

describe('stage B', () => {
  it('extended-transplant subgroup: LT first, TACE an alternative', () => {
    const p = plan({ ...A5, ecog: 0, nodulesCm: [4, 3], afp: 50 });
    expect(find(p, 'liver-transplant')).toMatchObject({
      role: 'first-option',
      conditionMet: true,
      verified: true,
    });
    expect(find(p, 'tace')?.role).toBe('alternative');
  });

  it('tace subgroup: TACE first, LT condition false (beyond every extended criterion)', () => {
    const p = plan({ ...A5, ecog: 0, nodulesCm: [5, 4, 3, 2], afp: 20 });
    expect(find(p, 'tace')).toMatchObject({ role: 'first-option', conditionMet: null, verified: true });
    expect(find(p, 'liver-transplant')).toMatchObject({ role: 'alternative', conditionMet: false });
  });

  it('systemic subgroup: atezolizumab-bevacizumab first, TACE condition false', () => {
    const p = plan({ ...A5, ecog: 0, nodulesCm: [5, 4, 3, 2], infiltrative: true });
    expect(find(p, 'atezolizumab-bevacizumab')).toMatchObject({ role: 'first-option', conditionMet: true });
    expect(find(p, 'tace')?.conditionMet).toBe(false);
  });
});

describe('stage C', () => {
  const c = (extra: CaseInputJson = {}) => plan({ ...A5, ecog: 0, macrovascularInvasion: true, ...extra });

  it('first line atezolizumab-bevacizumab and durvalumab-tremelimumab; TKIs/durvalumab if not possible', () => {
    const p = c();
    expect(p.options.filter((o) => o.role === 'first-option').map((o) => o.id)).toEqual([
      'atezolizumab-bevacizumab',
      'durvalumab-tremelimumab',
    ]);
    expect(
      p.options.filter((o) => o.role === 'alternative' && o.basis === 'BCLC 2022').map((o) => o.id),
    ).toEqual(['sorafenib', 'lenvatinib', 'durvalumab']);
    expect(p.options.filter((o) => o.role === 'second-line').map((o) => o.id)).toEqual([
      'regorafenib',
      'cabozantinib',
      'ramucirumab',
      'clinical-trial',
    ]);
  });

  it('ramucirumab: AFP 400 met, 399.9 not met, missing unknown', () => {
    expect(find(c({ afp: 400 }), 'ramucirumab')?.conditionMet).toBe(true);
    expect(find(c({ afp: 399.9 }), 'ramucirumab')?.conditionMet).toBe(false);
    expect(find(c(), 'ramucirumab')?.conditionMet).toBeNull();
  });

  it('nivolumab-ipilimumab only as a BCLC 2025 item not yet checked (verified: false), with a note', () => {
    const p = c();
    expect(find(p, 'nivolumab-ipilimumab')).toMatchObject({ basis: 'BCLC 2025 update', verified: false });
    expect(p.notes).toContain(BCLC_2025_IMMUNOTHERAPY_NOTE);
  });

  it('Child-Pugh B adds the systemic-trials note; Child-Pugh A does not', () => {
    expect(plan({ ...B7, ecog: 0, macrovascularInvasion: true }).notes).toContain(CHILD_PUGH_B_SYSTEMIC_NOTE);
    expect(c().notes).not.toContain(CHILD_PUGH_B_SYSTEMIC_NOTE);
  });

  it('ECOG 2 adds the trial-population note; ECOG 1 does not', () => {
    expect(plan({ ...A5, ecog: 2 }).notes).toContain(ECOG_2_SYSTEMIC_NOTE);
    expect(plan({ ...A5, ecog: 1 }).notes).not.toContain(ECOG_2_SYSTEMIC_NOTE);
  });
});

describe('stage D', () => {
  it('best supportive care', () => {
    const p = plan({ ...A5, ecog: 4 });
    expect(ids(p)).toEqual(['best-supportive-care']);
    expect(find(p, 'best-supportive-care')).toMatchObject({ role: 'first-option', verified: false });
  });

  it('end-stage liver function within Milan: transplant evaluation noted (met)', () => {
    const p = plan({ ...C13, ecog: 0, nodulesCm: [3] });
    expect(find(p, 'liver-transplant')).toMatchObject({ role: 'note', conditionMet: true });
  });

  it('end-stage liver function outside Milan: no transplant item', () => {
    expect(ids(plan({ ...C13, ecog: 0, nodulesCm: [6] }))).toEqual(['best-supportive-care']);
  });
});

describe('treatment plan properties', () => {
  const arb = fc.record({
    ecog: fc.integer({ min: 0, max: 4 }),
    nodulesCm: fc.array(fc.double({ min: 0.5, max: 15, noNaN: true }), { minLength: 1, maxLength: 5 }),
    afp: fc.option(fc.double({ min: 1, max: 5000, noNaN: true }), { nil: undefined }),
    macrovascularInvasion: fc.boolean(),
    infiltrative: fc.boolean(),
    portalHypertension: fc.option(fc.boolean(), { nil: undefined }),
    labs: fc.constantFrom(A5, B7, C13),
  });
  it('every plan validates, has a first option, and only TreatmentOptionIdSchema ids', () => {
    fc.assert(
      fc.property(arb, ({ labs, afp, portalHypertension, ...rest }) => {
        const json: CaseInputJson = { ...labs, ...rest };
        if (afp !== undefined) json.afp = afp;
        if (portalHypertension !== undefined) json.portalHypertension = portalHypertension;
        const p = plan(json);
        expect(p.options.some((o) => o.role === 'first-option')).toBe(true);
        expect(new Set(ids(p)).size).toBe(p.options.length);
      }),
    );
  });
});
