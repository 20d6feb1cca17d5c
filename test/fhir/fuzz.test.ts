import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CaseInputJson, CaseInputSchema } from '../../src/clinical/caseInput.js';
import { caseBundle } from '../../src/fhir/bundle.js';
import { caseOf, OPTIONS, SIGNED } from './fixtures.js';
import { bundleProblems } from './validate.js';

const range = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** Any case the clinical core accepts, with any subset of fields stated. */
const caseInput: fc.Arbitrary<CaseInputJson> = fc
  .record(
    {
      bilirubin: fc.oneof(
        fc.record({ value: range(0.1, 60), unit: fc.constant('mg/dL' as const) }),
        fc.record({ value: range(1.7, 1026), unit: fc.constant('umol/L' as const) }),
      ),
      albumin: fc.oneof(
        fc.record({ value: range(1, 6), unit: fc.constant('g/dL' as const) }),
        fc.record({ value: range(10, 60), unit: fc.constant('g/L' as const) }),
      ),
      creatinine: fc.record({ value: range(0.1, 20), unit: fc.constant('mg/dL' as const) }),
      inr: range(0.5, 10),
      ptProlongationSeconds: range(0, 60),
      sodium: range(100, 180),
      afp: range(0.1, 100_000),
      pivka: fc.record({
        value: range(1, 10_000),
        unit: fc.constantFrom('mAU/mL' as const, 'ng/mL' as const),
      }),
      ascites: fc.constantFrom('none' as const, 'mild' as const, 'moderate-severe' as const),
      encephalopathy: fc.constantFrom('none' as const, 'grade-1-2' as const, 'grade-3-4' as const),
      ecog: fc.integer({ min: 0, max: 4 }),
      ecogCancerRelated: fc.boolean(),
      sex: fc.constantFrom('female' as const, 'male' as const),
      dialysis: fc.boolean(),
      cholestatic: fc.boolean(),
      nodulesCm: fc.array(range(0.5, 15), { minLength: 1, maxLength: 6 }),
      macrovascularInvasion: fc.boolean(),
      extrahepaticSpread: fc.boolean(),
      infiltrative: fc.boolean(),
      portalHypertension: fc.boolean(),
    },
    { requiredKeys: [] },
  )
  .filter((c) => CaseInputSchema.safeParse(c).success);

describe('every case the core accepts exports as a valid bundle', () => {
  it('with and without a signed decision', () => {
    fc.assert(
      fc.property(caseInput, fc.boolean(), (input, decided) => {
        const b = caseBundle(caseOf(input, decided ? { decision: SIGNED } : {}), OPTIONS);
        expect(bundleProblems(b)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
