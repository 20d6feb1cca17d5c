import { describe, expect, it } from 'vitest';
import { type CaseInputJson, CaseInputSchema } from '../../src/clinical/caseInput.js';
import { childPugh } from '../../src/clinical/childPugh.js';
import {
  DECOMPENSATION_WARNING,
  IMPAIRED_FUNCTION_WARNING,
  isDecompensated,
  liverFunction,
  liverFunctionFromChildPugh,
} from '../../src/clinical/liverFunction.js';
import { A5, B8, C13 } from './fixtures.js';

// Invented labs (A5, B8, C13 in ./fixtures.ts); A6 adds mild ascites.

function run(json: CaseInputJson) {
  const input = CaseInputSchema.parse(json);
  const cp = childPugh(input);
  if (!cp.ok) throw new Error('fixture must compute Child-Pugh');
  return { cp: cp.value, ...liverFunction(input, cp.value) };
}

describe('liverFunctionFromChildPugh', () => {
  it('maps A, B, C to preserved, impaired, end-stage ', () => {
    expect(liverFunctionFromChildPugh('A')).toBe('preserved');
    expect(liverFunctionFromChildPugh('B')).toBe('impaired');
    expect(liverFunctionFromChildPugh('C')).toBe('end-stage');
  });
});

describe('liverFunction', () => {
  it('Child-Pugh A5 without decompensation is preserved, no warning', () => {
    const r = run(A5);
    expect(r.cp.class).toBe('A');
    expect(r.liverFunction).toBe('preserved');
    expect(r.warnings).toEqual([]);
  });

  it('Child-Pugh A6 with mild ascites stays preserved but warns of decompensation', () => {
    const r = run({ ...A5, ascites: 'mild' });
    expect(r.cp).toMatchObject({ class: 'A', points: 6 });
    expect(r.liverFunction).toBe('preserved');
    expect(r.warnings).toContain(DECOMPENSATION_WARNING);
  });

  it('Child-Pugh A6 with grade 1-2 encephalopathy warns too', () => {
    const r = run({ ...A5, encephalopathy: 'grade-1-2' });
    expect(r.cp.class).toBe('A');
    expect(r.warnings).toContain(DECOMPENSATION_WARNING);
  });

  it('Child-Pugh A6 from bilirubin alone (no ascites, no HE) does not warn of decompensation', () => {
    const r = run({ ...A5, bilirubin: { value: 2.5, unit: 'mg/dL' } });
    expect(r.cp).toMatchObject({ class: 'A', points: 6 });
    expect(r.warnings).toEqual([]);
  });

  it('Child-Pugh B is impaired, with the first-options warning (not the decompensation one)', () => {
    const r = run(B8);
    expect(r.cp.class).toBe('B');
    expect(r.liverFunction).toBe('impaired');
    expect(r.warnings).toEqual([IMPAIRED_FUNCTION_WARNING]);
  });

  it('Child-Pugh C is end-stage', () => {
    const r = run(C13);
    expect(r.cp.class).toBe('C');
    expect(r.liverFunction).toBe('end-stage');
  });
});

describe('isDecompensated', () => {
  it('is true for ascites or encephalopathy other than none, false otherwise or when absent', () => {
    expect(isDecompensated(CaseInputSchema.parse({ ascites: 'mild' }))).toBe(true);
    expect(isDecompensated(CaseInputSchema.parse({ encephalopathy: 'grade-3-4' }))).toBe(true);
    expect(isDecompensated(CaseInputSchema.parse({ ascites: 'none', encephalopathy: 'none' }))).toBe(false);
    expect(isDecompensated(CaseInputSchema.parse({}))).toBe(false);
  });
});
