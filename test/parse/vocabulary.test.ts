import { describe, expect, it } from 'vitest';
import { parseCase } from '../../src/parse/parseCase.js';
import { suggest } from '../../src/parse/suggest.js';
import { VOCABULARY } from '../../src/parse/vocabulary.js';

/** One example sentence per vocabulary entry that carries a field, and what it must produce. */
const FIELD_EXAMPLES: Record<string, [string, Record<string, unknown>]> = {
  bilirubin: ['{w} 1.1 mg/dL', { bilirubin: { value: 1.1, unit: 'mg/dL' } }],
  albumin: ['{w} 3.4 g/dL', { albumin: { value: 3.4, unit: 'g/dL' } }],
  inr: ['{w} 1.2', { inr: 1.2 }],
  pt: ['{w} +4 s', { ptProlongationSeconds: 4 }],
  creatinine: ['{w} 1.0 mg/dL', { creatinine: { value: 1, unit: 'mg/dL' } }],
  sodium: ['{w} 135', { sodium: 135 }],
  afp: ['{w} 20 ng/mL', { afp: 20 }],
  pivka: ['{w} 50 mAU/mL', { pivka: { value: 50, unit: 'mAU/mL' } }],
  ascites: ['no {w}', { ascites: 'none' }],
  he: ['{w} 2', { encephalopathy: 'grade-1-2' }],
  ecog: ['{w} 2', { ecog: 2 }],
  female: ['{w}', { sex: 'female' }],
  male: ['{w}', { sex: 'male' }],
  dialysis: ['{w}', { dialysis: true }],
  cholestatic: ['{w}', { cholestatic: true }],
  csph: ['{w}', { portalHypertension: true }],
  macro: ['{w}', { macrovascularInvasion: true }],
  ehs: ['{w}', { extrahepaticSpread: true }],
  mets: ['{w}', { extrahepaticSpread: true }],
  lnPos: ['{w}', { extrahepaticSpread: true }],
  infiltrative: ['{w}', { infiltrative: true }],
  comorbid: ['ECOG 1 {w}', { ecog: 1, ecogCancerRelated: false }],
  cancerRelated: ['ECOG 1 {w}', { ecog: 1, ecogCancerRelated: true }],
  mild: ['{w} ascites', { ascites: 'mild' }],
  severe: ['{w} ascites', { ascites: 'moderate-severe' }],
  controlled: ['ascites {w}', { ascites: 'mild' }],
  organ: ['{w} mets', { extrahepaticSpread: true }],
  largest: ['3 lesions {w} 4 cm', { noduleCount: 3, largestNoduleCm: 4 }],
  total: ['{w} 6 cm', { totalDiameterCm: 6 }],
  tumour: ['{w} 3 cm', { nodulesCm: [3], noduleCount: 1 }],
  absent: ['ascites {w}', { ascites: 'none' }],
  grade: ['HE {w} 3', { encephalopathy: 'grade-3-4' }],
  'u:mg/dL': ['bili 2 {w}', { bilirubin: { value: 2, unit: 'mg/dL' } }],
  'u:umol/L': ['bili 20 {w}', { bilirubin: { value: 20, unit: 'umol/L' } }],
  'u:g/dL': ['alb 3 {w}', { albumin: { value: 3, unit: 'g/dL' } }],
  'u:g/L': ['alb 30 {w}', { albumin: { value: 30, unit: 'g/L' } }],
  'u:mmol/L': ['Na 130 {w}', { sodium: 130 }],
  'u:ng/mL': ['AFP 30 {w}', { afp: 30 }],
  'u:IU/mL': ['AFP 10 {w}', { afp: 12.1 }],
  'u:mAU/mL': ['PIVKA 40 {w}', { pivka: { value: 40, unit: 'mAU/mL' } }],
  'u:cm': ['lesion 3 {w}', { nodulesCm: [3], noduleCount: 1 }],
  'u:mm': ['lesion 30 {w}', { nodulesCm: [3], noduleCount: 1 }],
  'u:s': ['PT +3 {w}', { ptProlongationSeconds: 3 }],
};

describe('every vocabulary phrase', () => {
  const rows = VOCABULARY.flatMap((entry) =>
    FIELD_EXAMPLES[entry.concept] ? entry.phrases.map((p) => [entry.concept, p] as const) : [],
  );
  it('has examples for the field-carrying entries', () => {
    expect(rows.length).toBeGreaterThan(150);
  });
  it.each(rows)('%s: "%s"', (concept, phrase) => {
    const [template, expected] = FIELD_EXAMPLES[concept]!;
    // "pt" on its own before a number is prothrombin time; "PT +4 s" uses the '+' form.
    const text = template.replace('{w}', phrase);
    const r = parseCase(text);
    expect(r.errors).toEqual([]);
    expect(r.input).toEqual(expected);
    expect(r.notUnderstood).toEqual([]);
  });
  it('is case-insensitive', () => {
    expect(parseCase('BILI 1.1 MG/DL').input).toEqual({ bilirubin: { value: 1.1, unit: 'mg/dL' } });
    expect(parseCase('Ascites: None').input).toEqual({ ascites: 'none' });
  });
  it('Vp1-Vp4, Vv1-Vv3 are macrovascular; Vp0 is not', () => {
    for (const t of ['Vp1', 'Vp2', 'Vp3', 'Vp4', 'VP4', 'Vv1', 'Vv2', 'Vv3', 'Vp 3'])
      expect(parseCase(t).input).toEqual({ macrovascularInvasion: true });
    expect(parseCase('Vp0').input).toEqual({ macrovascularInvasion: false });
  });
  it('every entry has at least one phrase and a label', () => {
    for (const e of VOCABULARY) {
      expect(e.phrases.length).toBeGreaterThan(0);
      expect(e.label.length).toBeGreaterThan(0);
    }
  });
});

describe('suggest', () => {
  it.each([
    ['bilu', 'bili'],
    ['albmin', 'albumin'],
    ['creatinne', 'creatinine'],
    ['asictes', 'ascites'],
    ['ecgo', 'ecog'],
    ['sodum', 'sodium'],
    ['PVVT', 'pvtt'],
    ['bilirubn', 'bilirubin'],
  ])('%s → %s', (word, expected) => {
    expect(suggest(word)).toBe(expected);
  });
  it.each(['ab', 'xy', 'bili', 'zebra', 'may', 'HCV', ''])('no suggestion for %s', (word) => {
    expect(suggest(word)).toBeUndefined();
  });
  it('suggests across one swapped pair of letters', () => {
    expect(suggest('blii')).toBe('bili');
  });
});

describe('docs/parsing.md', () => {
  it('lists every vocabulary phrase and every plausibility range', async () => {
    const { readFileSync } = await import('node:fs');
    const { FIELD_INFO } = await import('../../src/clinical/fields.js');
    const doc = readFileSync(new URL('../../docs/parsing.md', import.meta.url), 'utf8');
    for (const entry of VOCABULARY)
      for (const p of entry.phrases) expect(doc).toContain(`\`${p.replace(/\|/g, '\\|')}\``);
    for (const [field, info] of Object.entries(FIELD_INFO)) {
      const r: { min: number; max: number } | Record<string, { min: number; max: number }> | undefined =
        'range' in info ? info.range : undefined;
      if (!r || field === 'ecog') continue;
      const ranges: { min: number; max: number }[] =
        'min' in r && typeof r.min === 'number'
          ? [r as { min: number; max: number }]
          : Object.values(r as Record<string, { min: number; max: number }>);
      for (const x of ranges) expect(doc, field).toContain(`${x.min}-${x.max}`);
    }
  });
});
