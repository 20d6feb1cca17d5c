import { describe, expect, it } from 'vitest';
import { INFILTRATIVE_ASSUMED } from '../src/clinical/bclc.js';
import { EXAMPLE_CASE_TEXT } from '../src/clinical/exampleCase.js';
import { INVASION_SPREAD_ASSUMED } from '../src/clinical/notStated.js';
import { assessCaseInput, assessText } from '../src/pipeline.js';

/** Invented: stage B, with invasion, spread and the infiltrative pattern not stated. */
const TEXT = 'bili 1.1 mg/dL alb 3.8 g/dL INR 1.1 no ascites no HE ECOG 0, 4 lesions largest 5 cm';

describe('pipeline', () => {
  it('free text: flags not typed stay absent, and each rule says what it assumed', () => {
    const o = assessText(TEXT);
    expect(o.status).toBe('assessed');
    if (o.status !== 'assessed') return;
    expect(o.input.macrovascularInvasion).toBeUndefined();
    expect(o.assessment.bclc?.stage).toBe('B');
    expect(o.assessment.assumptions.map((n) => n.message)).toEqual(
      expect.arrayContaining([INVASION_SPREAD_ASSUMED, INFILTRATIVE_ASSUMED]),
    );
  });

  it('the validated input re-assessed from JSON (the Share button, --input) keeps every assumption', () => {
    const typed = assessText(TEXT);
    if (typed.status !== 'assessed') throw new Error('fixture not assessed');
    const shared = assessCaseInput(JSON.parse(JSON.stringify(typed.input)));
    expect(shared.status).toBe('assessed');
    if (shared.status !== 'assessed') return;
    expect(shared.assessment).toEqual(typed.assessment);
  });

  it('a flag stated false is not assumed, and stays stated through JSON', () => {
    const o = assessCaseInput(
      JSON.parse(
        JSON.stringify({
          bilirubin: { value: 1.1, unit: 'mg/dL' },
          albumin: { value: 3.8, unit: 'g/dL' },
          inr: 1.1,
          ascites: 'none',
          encephalopathy: 'none',
          ecog: 0,
          nodulesCm: [5, 4, 3, 2],
          macrovascularInvasion: false,
          extrahepaticSpread: false,
          infiltrative: false,
        }),
      ),
    );
    if (o.status !== 'assessed') throw new Error('fixture not assessed');
    expect(o.input.infiltrative).toBe(false);
    expect(o.assessment.assumptions.map((n) => n.message)).not.toContain(INVASION_SPREAD_ASSUMED);
    expect(o.assessment.assumptions.map((n) => n.message)).not.toContain(INFILTRATIVE_ASSUMED);
  });

  it('AFP in IU/mL is read in ng/mL with the one conversion factor: 100 IU/mL is 121 ng/mL', () => {
    const o = assessText(`${TEXT}, AFP 100 IU/mL`);
    if (o.status !== 'assessed') throw new Error('fixture not assessed');
    expect(o.input.afp).toBe(121);
    // 121 ng/mL is above the AFP model's 100 ng/mL band: 2 points, where 100 ng/mL would score 0.
    expect(o.assessment.transplant.afpModel?.points).toBe(1 + 2 + 2);
  });

  it('the example case the product shows is read in full and staged', () => {
    const o = assessText(EXAMPLE_CASE_TEXT, { units: 'si' });
    expect(o.status).toBe('assessed');
    if (o.status !== 'assessed') return;
    expect(o.parse.notUnderstood).toEqual([]);
    expect(o.assessment.bclc?.stage).toBeDefined();
  });

  it('structured input that breaks the contract is refused with the field and the reason', () => {
    const o = assessCaseInput({ ecog: 7 });
    expect(o).toMatchObject({ status: 'invalid', problems: [{ path: 'ecog' }] });
  });
});
