import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/parse/parseCase.js';
import { readNumber } from '../../src/parse/tokenize.js';

/** Fixes for the independent clinical review of the parser. Messages are invented. */

describe('dialysis: a past or stopped episode is not current dialysis', () => {
  it.each([
    'no longer on dialysis, bili 2 mg/dL INR 1.5 Cr 1.4 mg/dL',
    'AKI last year, dialysis not required, Cr 1.4 mg/dL',
    'previous HD for AKI, Cr 1.4 mg/dL',
    'off HD since 2023, Cr 1.6 mg/dL',
    'ex-dialysis, Cr 1.3 mg/dL',
    'prior CVVHD in ICU, Cr 1.2 mg/dL',
    'h/o HD after sepsis, Cr 1.2 mg/dL',
    'HD stopped in March, Cr 1.5 mg/dL',
  ])('%s → dialysis false with an assumption', (text) => {
    const r = parseCase(text);
    expect(r.errors).toEqual([]);
    expect(r.input.dialysis).toBe(false);
    const note = r.assumptions.find((a) => a.field === 'dialysis');
    expect(note?.message).toMatch(/past episode was not counted as current dialysis/);
  });
  it('current dialysis is still read as dialysis', () => {
    expect(parseCase('on HD x3 this week, Cr 6.1 mg/dL').input.dialysis).toBe(true);
    expect(parseCase('CVVHD since Monday').input.dialysis).toBe(true);
    expect(parseCase('dialysis: none').input.dialysis).toBe(false);
  });
  it('a past episode then current dialysis is a contradiction, not a silent pick', () => {
    const r = parseCase('previous HD for AKI, now on HD x3 this week');
    expect(r.errors.map((e) => e.code)).toEqual(['contradiction']);
  });
});

describe('bare F / M: only a standalone letter is a sex', () => {
  it.each([
    ['HCV cirrhosis F4, bili 1.0 mg/dL', undefined],
    ['fibrosis F3 on elastography', undefined],
    ['F/U CT in 3 months', undefined],
    ['F 4 on biopsy', undefined],
    ['M1 disease', undefined],
    ['fibrosis F3, male', 'male'],
    ['fibrosis F2, F, ECOG 0', 'female'],
    ['62F', 'female'],
    ['58M', 'male'],
    ['62 F, ECOG 1', 'female'],
    ['ECOG 1, M', 'male'],
  ])('%s → sex %s', (text, sex) => {
    const r = parseCase(text);
    expect(r.errors).toEqual([]);
    expect(r.input.sex).toBe(sex);
  });
  it('M1 still means metastasis staging', () => {
    expect(parseCase('M1').input).toEqual({ extrahepaticSpread: true });
  });
});

describe('LI-RADS category is not a lesion count', () => {
  it.each([
    'LI-RADS 5 lesion 3.5 cm',
    'LI RADS 5 lesion 3.5 cm',
    'LIRADS 5 lesion 3.5 cm',
    'LR-5 lesion 3.5 cm',
    'LI-RADS: 5, lesion segment 8 3.5 cm',
  ])('%s → one 3.5 cm lesion', (text) => {
    const r = parseCase(text);
    expect(r.errors).toEqual([]);
    expect(r.input.noduleCount).toBe(1);
    expect(r.input.nodulesCm).toEqual([3.5]);
  });
});

describe('bare bilirubin below a realistic umol/L floor reads as mg/dL', () => {
  it('with SI team units, bili 2.5 is 2.5 mg/dL, shown as an assumption', () => {
    const r = parseCase('bili 2.5, alb 30, INR 1.4', { units: 'si' });
    expect(r.errors).toEqual([]);
    expect(r.input.bilirubin).toEqual({ value: 2.5, unit: 'mg/dL' });
    expect(r.assumptions.find((a) => a.field === 'bilirubin')?.message).toMatch(/2\.5 read as mg\/dL/);
  });
  it('without team units, bili 1.8 and 3.4 are mg/dL; 3.5, 4 and 12 still ask', () => {
    expect(parseCase('bili 1.8').input.bilirubin).toEqual({ value: 1.8, unit: 'mg/dL' });
    expect(parseCase('bili 3.4').input.bilirubin).toEqual({ value: 3.4, unit: 'mg/dL' });
    for (const text of ['bili 3.5', 'bili 4', 'bili 12']) {
      const r = parseCase(text);
      expect(r.errors.map((e) => e.code)).toEqual(['ambiguous-unit']);
      expect(r.errors[0]!.message).toContain('from 3.5 to 60');
    }
  });
  it('SI team units still read 4 and 12 as umol/L; a typed unit is never overridden', () => {
    expect(parseCase('bili 4', { units: 'si' }).input.bilirubin).toEqual({ value: 4, unit: 'umol/L' });
    expect(parseCase('bili 12', { units: 'si' }).input.bilirubin).toEqual({ value: 12, unit: 'umol/L' });
    expect(parseCase('bili 2.5 umol/L').input.bilirubin).toEqual({ value: 2.5, unit: 'umol/L' });
  });
  it('bare creatinine 8.8-20 stays ambiguous; an SI reading below 18 umol/L is flagged as unusual', () => {
    expect(parseCase('Cr 15').errors.map((e) => e.code)).toEqual(['ambiguous-unit']);
    const r = parseCase('Cr 15', { units: 'si' });
    expect(r.input.creatinine).toEqual({ value: 15, unit: 'umol/L' });
    expect(r.warnings.map((w) => w.code)).toEqual(['unusual']);
    expect(parseCase('Cr 15', { units: 'us' }).input.creatinine).toEqual({ value: 15, unit: 'mg/dL' });
  });
});

describe('ECOG attribution', () => {
  it.each([
    ['ECOG 2 due to COPD', 2],
    ['PS 1 (arthritis)', 1],
    ['ECOG 2 from hip fracture', 2],
    ['ECOG 2 secondary to previous stroke, bili 1.1 mg/dL', 2],
  ])('%s → not cancer-related, the cause not quoted', (text, ecog) => {
    const r = parseCase(text);
    expect(r.errors).toEqual([]);
    expect(r.input.ecog).toBe(ecog);
    expect(r.input.ecogCancerRelated).toBe(false);
    expect(r.notUnderstood).toEqual([]);
    const note = r.assumptions.find((a) => a.field === 'ecogCancerRelated')!.message;
    expect(note).toBe(`ECOG ${ecog} read as not cancer-related (due to another condition).`);
  });
  it('ECOG 1, not cancer related → false', () => {
    expect(parseCase('ECOG 1, not cancer related').input).toEqual({ ecog: 1, ecogCancerRelated: false });
  });
  it.each(['ECOG 2 due to tumour pain', 'ECOG 2 cancer-related', 'ECOG 2 (HCC)'])(
    '%s → cancer-related',
    (text) => {
      const r = parseCase(text);
      expect(r.errors).toEqual([]);
      expect(r.input).toEqual({ ecog: 2, ecogCancerRelated: true });
    },
  );
  it('a cause that names no condition, or a source after "from", decides nothing', () => {
    expect(parseCase('ECOG 2 due to pain').input).toEqual({ ecog: 2 });
    expect(parseCase('ECOG 1 from clinic letter').input).toEqual({ ecog: 1 });
  });
});

describe('macrovascular invasion across vessels', () => {
  it('a negative for one vessel does not contradict a positive in another: positive wins', () => {
    const r = parseCase('no evidence of PVTT; hepatic vein invasion (Vv2)');
    expect(r.errors).toEqual([]);
    expect(r.input.macrovascularInvasion).toBe(true);
    expect(parseCase('Vp0, Vv1').input.macrovascularInvasion).toBe(true);
    expect(parseCase('macrovascular invasion, no PVTT').input.macrovascularInvasion).toBe(true);
  });
  it.each(['PVTT seen on CT, no PVTT on MRI', 'no macrovascular invasion; Vv2', 'Vp3, Vp0'])(
    '%s is still a contradiction',
    (text) => {
      const r = parseCase(text);
      expect(r.errors.map((e) => [e.code, e.field])).toEqual([['contradiction', 'macrovascularInvasion']]);
      expect(r.input.macrovascularInvasion).toBeUndefined();
    },
  );
  it('negatives in several vessels are false', () => {
    expect(parseCase('no PVTT, no hepatic vein invasion').input.macrovascularInvasion).toBe(false);
  });
});

describe('AFP with a dot before three digits', () => {
  it.each(['AFP 1.200', 'AFP 1.200 ng/mL', 'AFP 12.500'])('%s asks, never guesses', (text) => {
    const r = parseCase(text);
    expect(r.input.afp).toBeUndefined();
    expect(r.errors.map((e) => e.code)).toEqual(['ambiguous-number']);
    expect(r.errors[0]!.message).toMatch(/write \d+ or [\d.]+/);
  });
  it('"AFP 1.200" names both readings', () => {
    expect(parseCase('AFP 1.200').errors[0]!.message).toContain('write 1200 or 1.2');
  });
  it('other decimals and thousands are read as before', () => {
    expect(parseCase('AFP 0.123').input.afp).toBe(0.123);
    expect(parseCase('AFP 1.2').input.afp).toBe(1.2);
    expect(parseCase('AFP 1,200').input.afp).toBe(1200);
    expect(parseCase('AFP 12.50').input.afp).toBe(12.5);
  });
});

describe('readNumber fast path (speed work)', () => {
  it('reads plain decimals exactly as Number() does', () => {
    const samples = [
      '0',
      '34',
      '1.3',
      '0.9',
      '4.2',
      '1200',
      '133',
      '0.1',
      '2.675',
      '0.000001',
      '123456.789012345',
    ];
    for (let a = 0; a < 3000; a += 7) for (let d = 0; d <= 4; d++) samples.push((a / 10 ** d).toFixed(d));
    for (const raw of samples) expect(readNumber(raw, false)?.value).toBe(Number(raw));
    expect(readNumber('12345678901234567', false)?.value).toBe(Number('12345678901234567'));
  });
});
