import { readFileSync } from 'node:fs';
import type { Bundle, CodeSystem, Coding, ValueSet } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { caseBundle } from '../../src/fhir/bundle.js';
import { hccMdtCodeSystem } from '../../src/fhir/codeSystem.js';
import {
  CODES,
  ECOG_ANSWERS_LOINC,
  HCC_MDT_SYSTEM,
  LAB_CODES,
  LOCAL_CONCEPTS,
  SYSTEMS,
} from '../../src/fhir/codes.js';
import { FULL_CASE, OPTIONS } from './fixtures.js';
import { baseProblems, readJson } from './validate.js';

const docs = readFileSync(new URL('../../docs/fhir.md', import.meta.url), 'utf8');

function codings(v: unknown): Coding[] {
  if (Array.isArray(v)) return v.flatMap(codings);
  if (!v || typeof v !== 'object') return [];
  const o = v as Record<string, unknown>;
  const here = typeof o.system === 'string' && typeof o.code === 'string' ? [o as Coding] : [];
  return [...here, ...Object.values(o).flatMap(codings)];
}

const labCodings = Object.values(LAB_CODES).flatMap((l) =>
  'coding' in l ? [l.coding] : Object.values(l).map((u) => u.coding),
);

describe('the code table', () => {
  it('lists every standard code and every project code in docs/fhir.md', () => {
    for (const c of [...Object.values(CODES), ...Object.values(ECOG_ANSWERS_LOINC), ...labCodings])
      expect(docs, `${c.system} ${c.code}`).toContain(c.code);
    for (const c of LOCAL_CONCEPTS) expect(docs, c.code).toContain(c.code.replace(/^bclc-|^missing-/, ''));
    for (const c of [...Object.values(CODES), ...Object.values(ECOG_ANSWERS_LOINC), ...labCodings])
      expect(c.source.length, c.code).toBeGreaterThan(0);
  });

  it('has no code twice in the project CodeSystem', () => {
    const codes = LOCAL_CONCEPTS.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('publishes exactly the CodeSystem the table builds, and it is valid R4', () => {
    const published = readJson<CodeSystem>('fhir', 'CodeSystem-hcc-mdt.json');
    expect(published, 'regenerate with `npm run fhir:codesystem`').toEqual(hccMdtCodeSystem());
    expect(baseProblems(published)).toEqual([]);
  });

  it('a bundle uses only known systems, and every project code with its published display', () => {
    const bundle: Bundle = caseBundle(FULL_CASE(), OPTIONS);
    const known = new Set<string>([...Object.values(SYSTEMS), HCC_MDT_SYSTEM]);
    const displays = new Map(LOCAL_CONCEPTS.map((c) => [c.code, c.display]));
    const all = codings(bundle);
    expect(all.length).toBeGreaterThan(20);
    for (const c of all) {
      expect(known.has(c.system as string), c.system).toBe(true);
      if (c.system === HCC_MDT_SYSTEM) expect(displays.get(c.code as string), c.code).toBe(c.display);
    }
  });

  it('the BCLC code and method are in the mCODE STU4 value sets their elements are bound to', () => {
    const has = (file: string, c: { system: string; code: string }) =>
      readJson<ValueSet>('fhir', 'mcode', file).compose?.include.some(
        (inc) => inc.system === c.system && inc.concept?.some((k) => k.code === c.code),
      );
    expect(has('ValueSet-mcode-cancer-stage-type-vs.json', CODES.bclcStageType)).toBe(true);
    expect(has('ValueSet-mcode-cancer-staging-method-vs.json', CODES.bclcStagingMethod)).toBe(true);
    expect(has('ValueSet-mcode-cancer-stage-type-vs.json', CODES.bclcStagingMethod)).toBe(false);
  });

  it('ECOG answers are five distinct LOINC answer codes, LA9622-7 for grade 0', () => {
    const codes = Object.values(ECOG_ANSWERS_LOINC).map((c) => c.code);
    expect(new Set(codes).size).toBe(5);
    expect(ECOG_ANSWERS_LOINC[0].code).toBe('LA9622-7');
    for (const c of codes) expect(c).toMatch(/^LA\d{4,5}-\d$/);
  });
});
