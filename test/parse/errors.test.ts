import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/parse/parseCase.js';

const codes = (text: string, units?: 'us' | 'si') => parseCase(text, { units }).errors.map((e) => e.code);

describe('ambiguous units', () => {
  it.each([
    ['bili 4', 'bilirubin'],
    ['bili 12', 'bilirubin'],
    ['bilirubin 60', 'bilirubin'],
    ['creat 12', 'creatinine'],
    ['Cr 8.8', 'creatinine'],
  ])('%s asks for the unit', (text, field) => {
    const r = parseCase(text);
    expect(r.errors).toHaveLength(1);
    const e = r.errors[0]!;
    expect(e.code).toBe('ambiguous-unit');
    expect(e.field).toBe(field);
    expect(e.message).toMatch(/umol\/L/);
    expect(e.message).toMatch(/mg\/dL/);
    expect(r.input).toEqual({});
  });
  it('shows an example with the value', () => {
    expect(parseCase('bili 12').errors[0]!.message).toContain('"bili 12 umol/L" or "bili 12 mg/dL"');
  });
  it('uses the team unit system with an assumption', () => {
    const us = parseCase('bili 4', { units: 'us' });
    expect(us.input.bilirubin).toEqual({ value: 4, unit: 'mg/dL' });
    expect(us.assumptions[0]!.message).toMatch(/US/);
    const si = parseCase('bili 4', { units: 'si' });
    expect(si.input.bilirubin).toEqual({ value: 4, unit: 'umol/L' });
    expect(si.assumptions[0]!.message).toMatch(/SI/);
  });
  it('reads the edges of the window by plausibility', () => {
    expect(parseCase('bili 1.6').input.bilirubin).toEqual({ value: 1.6, unit: 'mg/dL' });
    expect(parseCase('bili 61').input.bilirubin).toEqual({ value: 61, unit: 'umol/L' });
    expect(parseCase('Cr 8.7').input.creatinine).toEqual({ value: 8.7, unit: 'mg/dL' });
    expect(parseCase('Cr 21').input.creatinine).toEqual({ value: 21, unit: 'umol/L' });
    expect(parseCase('alb 6').input.albumin).toEqual({ value: 6, unit: 'g/dL' });
    expect(parseCase('alb 10').input.albumin).toEqual({ value: 10, unit: 'g/L' });
  });
  it('every bare reading is shown as an assumption', () => {
    const r = parseCase('alb 3.1, Cr 0.9, bili 150, AFP 20');
    expect(r.assumptions.map((a) => a.field).sort()).toEqual(['afp', 'albumin', 'bilirubin', 'creatinine']);
    expect(r.assumptions.find((a) => a.field === 'albumin')!.message).toMatch(/g\/dL/);
  });
  it('PIVKA without a unit is not kept and says why', () => {
    const r = parseCase('PIVKA 350');
    expect(r.input).toEqual({});
    expect(r.warnings[0]!.code).toBe('ambiguous-unit');
  });
});

describe('wrong units', () => {
  it.each(['alb 3.1 mg/dL', 'bili 2 g/dL', 'Na 135 mg/dL', 'AFP 20 mAU/mL', 'INR 1.2 mg/dL', 'Cr 80 g/L'])(
    '%s is an unknown-unit error',
    (text) => {
      expect(codes(text)).toEqual(['unknown-unit']);
      expect(parseCase(text).input).toEqual({});
    },
  );
});

describe('contradictions', () => {
  it('ascites none and mild ascites', () => {
    const r = parseCase('ascites none, mild ascites');
    expect(r.errors).toHaveLength(1);
    const e = r.errors[0]!;
    expect(e.code).toBe('contradiction');
    expect(e.message).toContain('"ascites none"');
    expect(e.message).toContain('"mild ascites"');
    expect(e.spans).toHaveLength(2);
    expect(r.input.ascites).toBeUndefined();
  });
  it.each([
    'bili 2 mg/dL, bili 3 mg/dL',
    'INR 1.2 INR 1.5',
    'ECOG 1 and ECOG 2',
    '62F ... male',
    'no PVTT, Vp3',
    'lung mets, no EHS',
    'no HE, HE 2',
    'on HD, not on dialysis',
    '2 lesions 3, 2 and 1 cm',
    '3 lesions largest 4 cm, 2 lesions',
    'nodules 5 and 3 cm, largest 4 cm',
    'PT +3s, PT prolonged 5 s',
  ])('%s', (text) => {
    expect(codes(text)).toContain('contradiction');
  });
  it('the same value twice, or the same bilirubin in both units, is fine', () => {
    expect(codes('INR 1.3, INR 1.3')).toEqual([]);
    expect(codes('bili 2 mg/dL (34 umol/L)')).toEqual([]);
    expect(codes('no ascites. ascites: none')).toEqual([]);
  });
});

describe('implausible and unusual values', () => {
  it.each([
    ['albumin 80 g/L', 'albumin', '10-60 g/L'],
    ['INR 25', 'inr', '0.5-10'],
    ['sodium 200', 'sodium', '100-180 mmol/L'],
    ['a 40 cm nodule', 'nodulesCm', '30 cm'],
    ['bili 70 mg/dL', 'bilirubin', '0.1-60 mg/dL'],
    ['Cr 2000 umol/L', 'creatinine', '8.8-1768 umol/L'],
    ['alb 8', 'albumin', '1-6 g/dL or 10-60 g/L'],
    ['ECOG 5', 'ecog', '0 to 4'],
    ['PT +90s', 'ptProlongationSeconds', '0-60 s'],
    ['60 lesions', 'noduleCount', '1-50'],
    ['AFP 20000000', 'afp', '10000000'],
  ])('%s is implausible and names the range', (text, field, range) => {
    const r = parseCase(text);
    const e = r.errors.find((x) => x.code === 'implausible');
    expect(e, JSON.stringify(r.errors)).toBeDefined();
    expect(e!.field).toBe(field);
    expect(e!.message).toContain(range);
  });
  it.each([
    ['bili 30 mg/dL', 'bilirubin'],
    ['Na 118', 'sodium'],
    ['INR 7', 'inr'],
    ['alb 12 g/L', 'albumin'],
    ['single 22 cm lesion', 'nodulesCm'],
  ])('%s is accepted with an unusual warning', (text, field) => {
    const r = parseCase(text);
    expect(r.errors).toEqual([]);
    expect(r.warnings.map((w) => [w.code, w.field])).toContainEqual(['unusual', field]);
  });
  it('a limit is not a value', () => {
    expect(codes('AFP >1000')).toEqual(['not-understood']);
    const r = parseCase('AFP <10');
    expect(r.input.afp).toBe(10);
    expect(r.assumptions.some((a) => a.message.includes('limit'))).toBe(true);
  });
});

describe('findings that are reported but not read as staging facts', () => {
  it('MVI is microvascular, not macrovascular, with a warning', () => {
    for (const text of ['MVI', 'microvascular invasion', 'MVI present']) {
      const r = parseCase(text);
      expect(r.input.macrovascularInvasion).toBeUndefined();
      expect(r.warnings.map((w) => w.code)).toContain('microvascular-invasion');
      expect(r.warnings[0]!.message).toMatch(/pathology/);
    }
  });
  it('bland portal vein thrombosis is not invasion', () => {
    const r = parseCase('PVT');
    expect(r.input).toEqual({});
    expect(r.warnings[0]!.message).toMatch(/tumour/);
  });
  it('multifocal / bilobar without numbers: recognised, no count invented, warning', () => {
    for (const text of ['multifocal', 'bilobar', 'multifocal bilobar HCC']) {
      const r = parseCase(text);
      expect(r.input).toEqual({});
      expect(r.notUnderstood).toEqual([]);
      expect(r.recognised.some((s) => s.kind === 'tumour')).toBe(true);
      expect(r.warnings.some((w) => w.field === 'noduleCount')).toBe(true);
    }
  });
  it('largest without a count is not used', () => {
    const r = parseCase('multifocal, largest 4 cm');
    expect(r.input).toEqual({});
    expect(r.warnings.some((w) => w.field === 'noduleCount')).toBe(true);
  });
  it('an absolute PT is not a prolongation', () => {
    const r = parseCase('PT 14s');
    expect(r.input).toEqual({});
    expect(r.warnings[0]!.message).toMatch(/absolute/);
  });
  it('a grade range across Child-Pugh classes is not used', () => {
    const r = parseCase('HE 2-3');
    expect(r.input).toEqual({});
    expect(r.warnings).toHaveLength(1);
  });
  it('ascites with no grade asks for one', () => {
    const r = parseCase('ascites');
    expect(r.input).toEqual({});
    expect(r.warnings[0]!.field).toBe('ascites');
  });
});

describe('not understood', () => {
  it('bilu 2 suggests bili', () => {
    const r = parseCase('bilu 2, alb 3.1');
    expect(r.notUnderstood).toEqual([
      { kind: 'unknown', start: 0, end: 6, text: 'bilu 2', suggestion: 'bili' },
    ]);
    expect(r.input.albumin).toEqual({ value: 3.1, unit: 'g/dL' });
  });
  it('unknown words without a close match carry no suggestion', () => {
    const r = parseCase('zebra');
    expect(r.notUnderstood).toEqual([{ kind: 'unknown', start: 0, end: 5, text: 'zebra' }]);
  });
  it('lowercase "he" as a pronoun is not encephalopathy', () => {
    const r = parseCase('he has mild ascites');
    expect(r.input).toEqual({ ascites: 'mild' });
    expect(r.notUnderstood.map((n) => (n.kind === 'unknown' ? n.text : ''))).toEqual(['he']);
  });
  it('empty and blank input', () => {
    for (const text of ['', '   ', '\n\t']) {
      const r = parseCase(text);
      expect(r).toEqual({
        input: {},
        recognised: [],
        notUnderstood: [],
        assumptions: [],
        errors: [],
        warnings: [],
        context: [],
        statedScores: [],
      });
    }
  });
});

describe('words that look like vocabulary but are not', () => {
  it('F/U is follow-up, not female', () => {
    expect(parseCase('F/U CT in 3 months').input).toEqual({});
  });
  it('"He" starting a sentence is the pronoun', () => {
    const r = parseCase('He has mild ascites');
    expect(r.input).toEqual({ ascites: 'mild' });
    expect(r.warnings).toEqual([]);
    expect(parseCase('He 2').input).toEqual({ encephalopathy: 'grade-1-2' });
  });
  it('negative nodes, N0 and organ-specific negatives do not rule out spread elsewhere', () => {
    for (const t of ['no nodes', 'nodes negative', 'N0', 'no lung mets', 'LN neg'])
      expect(parseCase(t).input).toEqual({});
    expect(parseCase('M0').input).toEqual({ extrahepaticSpread: false });
    expect(parseCase('M1').input).toEqual({ extrahepaticSpread: true });
  });
  it('location numbers are not counts or sizes', () => {
    expect(parseCase('seg 7 lesion 3 cm').input).toEqual({ nodulesCm: [3], noduleCount: 1 });
    expect(parseCase('S8 2 cm').input).toEqual({ nodulesCm: [2], noduleCount: 1 });
    expect(parseCase('LR-5 nodule 25 mm').input).toEqual({ nodulesCm: [2.5], noduleCount: 1 });
  });
});

describe('scores and stages the user states', () => {
  it('are recognised and noted, never used', () => {
    const text = 'Child-Pugh B7, MELD 14, BCLC B, ALBI -2.1, ALBI grade 2, CP A6, bili 1.2 mg/dL';
    const r = parseCase(text);
    expect(r.input).toEqual({ bilirubin: { value: 1.2, unit: 'mg/dL' } });
    expect(r.notUnderstood).toEqual([]);
    expect(r.warnings).toEqual([]);
    expect(r.statedScores!.map(({ score, class: c, points, text: t }) => ({ score, c, points, t }))).toEqual([
      { score: 'childPugh', c: 'B', points: 7, t: 'Child-Pugh B7' },
      { score: 'meld', c: undefined, points: 14, t: 'MELD 14' },
      { score: 'bclc', c: 'B', points: undefined, t: 'BCLC B' },
      { score: 'albi', c: undefined, points: -2.1, t: 'ALBI -2.1' },
      { score: 'albi', c: '2', points: undefined, t: 'ALBI grade 2' },
      { score: 'childPugh', c: 'A', points: 6, t: 'CP A6' },
    ]);
  });
});
