import { describe, expect, it } from 'vitest';
import { CaseInputSchema } from '../../src/clinical/caseInput.js';
import { acceptedRange, FIELD_INFO } from '../../src/clinical/fields.js';

const issuesOf = (raw: unknown) => {
  const r = CaseInputSchema.safeParse(raw);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
};

describe('CaseInput contract', () => {
  it('accepts an empty object and adds nothing: an absent flag stays "not stated"', () => {
    expect(CaseInputSchema.parse({})).toEqual({});
  });

  it('keeps a flag stated false apart from a flag not stated, through a JSON round trip', () => {
    const flags = {
      ecogCancerRelated: false,
      dialysis: false,
      cholestatic: false,
      macrovascularInvasion: false,
      extrahepaticSpread: false,
      infiltrative: false,
    };
    expect(CaseInputSchema.parse(JSON.parse(JSON.stringify(CaseInputSchema.parse(flags))))).toEqual(flags);
    const notStated = CaseInputSchema.parse({ macrovascularInvasion: undefined, ecog: 1 });
    expect(Object.keys(JSON.parse(JSON.stringify(notStated)))).toEqual(['ecog']);
  });

  it('keeps labs exactly as given, with their units', () => {
    const r = CaseInputSchema.parse({
      bilirubin: { value: 34, unit: 'umol/L' },
      albumin: { value: 3.1, unit: 'g/dL' },
    });
    expect(r.bilirubin).toEqual({ value: 34, unit: 'umol/L' });
    expect(r.albumin).toEqual({ value: 3.1, unit: 'g/dL' });
  });

  it.each([
    [{ albumin: { value: 40, unit: 'g/dL' } }, 'albumin.value', 'must be between 1 and 6 g/dL'],
    [{ albumin: { value: 61, unit: 'g/L' } }, 'albumin.value', 'must be between 10 and 60 g/L'],
    [
      { bilirubin: { value: -1, unit: 'mg/dL' } },
      'bilirubin.value',
      'must be greater than zero (accepted: 0.1 to 60 mg/dL or 1.7 to 1026 umol/L)',
    ],
    [
      { bilirubin: { value: 0, unit: 'mg/dL' } },
      'bilirubin.value',
      'must be greater than zero (accepted: 0.1 to 60 mg/dL or 1.7 to 1026 umol/L)',
    ],
    [
      { creatinine: { value: 1, unit: 'mmol/L' } },
      'creatinine.unit',
      'unit must be one of "mg/dL", "umol/L"',
    ],
    [{ ecog: 7 }, 'ecog', 'must be a whole number from 0 to 4'],
    [{ ecog: 1.5 }, 'ecog', 'must be a whole number from 0 to 4'],
    [{ inr: 'high' }, 'inr', 'must be a number (accepted: 0.5 to 10)'],
    [{ noduleCount: 2.5 }, 'noduleCount', 'must be a whole number from 1 to 50'],
    [{ nodulesCm: [0] }, 'nodulesCm.0', 'must be greater than zero (accepted: more than 0 to 30 cm)'],
    [{ inr: 25 }, 'inr', 'must be between 0.5 and 10'],
    [{ sodium: 200 }, 'sodium', 'must be between 100 and 180 mmol/L'],
    [{ nodulesCm: [40] }, 'nodulesCm.0', 'must be between 0 and 30 cm'],
  ])('rejects %j at %s with "%s"', (raw, path, message) => {
    expect(issuesOf(raw)).toContainEqual({ path, message });
  });

  it('accepts values just inside each unit-specific limit', () => {
    expect(issuesOf({ albumin: { value: 6, unit: 'g/dL' } })).toEqual([]);
    expect(issuesOf({ albumin: { value: 10, unit: 'g/L' } })).toEqual([]);
    expect(issuesOf({ inr: 10, sodium: 100, ecog: 4 })).toEqual([]);
  });

  it('rejects unknown fields rather than ignoring a misspelt one', () => {
    expect(issuesOf({ bilirubn: { value: 1, unit: 'mg/dL' } })[0]?.message).toMatch(/bilirubn/);
  });

  it('requires nodule count and diameters to agree', () => {
    expect(issuesOf({ nodulesCm: [2, 3], noduleCount: 3 })).toContainEqual({
      path: 'noduleCount',
      message: 'says 3 nodules but nodulesCm lists 2; give one or make them agree',
    });
    expect(issuesOf({ nodulesCm: [2, 3], largestNoduleCm: 2 }).map((i) => i.path)).toEqual([
      'largestNoduleCm',
    ]);
    expect(issuesOf({ largestNoduleCm: 2 }).map((i) => i.path)).toEqual(['noduleCount']);
    expect(issuesOf({ largestNoduleCm: 4, noduleCount: 2, totalDiameterCm: 3 }).map((i) => i.path)).toEqual([
      'totalDiameterCm',
    ]);
    expect(issuesOf({ nodulesCm: [2, 3], noduleCount: 2, largestNoduleCm: 3 })).toEqual([]);
  });

  it('reports every problem at once, including unit-specific ranges beside other invalid fields', () => {
    const paths = issuesOf({ albumin: { value: 40, unit: 'g/dL' }, ecog: 7, inr: 'high' }).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['albumin.value', 'ecog', 'inr']));
  });
});

describe('messages from the one field table (FIELD_INFO)', () => {
  it('every out-of-range value is refused with the range its row states', () => {
    for (const [field, info] of Object.entries(FIELD_INFO)) {
      if (!('range' in info)) continue;
      const ranges: [string | undefined, { min: number; max: number }][] =
        'min' in info.range
          ? [[undefined, info.range as { min: number; max: number }]]
          : Object.entries(info.range as Record<string, { min: number; max: number }>);
      for (const [unit, r] of ranges) {
        const tooHigh = r.max + 1;
        const raw = unit
          ? { [field]: { value: tooHigh, unit } }
          : { [field]: field === 'nodulesCm' ? [tooHigh] : tooHigh };
        const messages = issuesOf(raw).map((i) => i.message);
        expect(messages.join(' | '), `${field} ${unit ?? ''}`).toContain(`${r.max}`);
        expect(messages.join(' | '), `${field} ${unit ?? ''}`).toMatch(
          new RegExp(`\\b${String(r.min).replace('.', '\\.')}\\b|more than ${r.min}`),
        );
      }
    }
  });
  it('a value of the wrong type is told the accepted range too', () => {
    expect(issuesOf({ sodium: 'low' })).toContainEqual({
      path: 'sodium',
      message: `must be a number (accepted: ${acceptedRange('sodium')})`,
    });
  });
});
