import { describe, expect, it } from 'vitest';
import type { CaseInputJson } from '../../src/clinical/caseInput.js';
import { caseBundle } from '../../src/fhir/bundle.js';
import { parseCase } from '../../src/parse/parseCase.js';
import { caseOf, FULL_CASE, OPTIONS } from './fixtures.js';

/** Invented identifiers, planted to prove that none of them reaches the export. */
const PLANTED = ['Zebedee', 'Quillfeather', '48213379', '4821 3379', '14/03/1951', '1951-03-14', '1951'];

const MESSAGES = [
  'Mr Zebedee Quillfeather, MRN 48213379, DOB 14/03/1951: bili 15 umol/L, albumin 41 g/L, INR 1.1, no ascites, no encephalopathy',
  'Re Quillfeather (hospital no 4821 3379, born 1951-03-14): ECOG 0, 4 nodules largest 4 cm, no PVTT, no extrahepatic spread',
  'Update for Zebedee Quillfeather DOB 14/03/1951: creatinine 80 umol/L, Na 139, AFP 12',
];

describe('privacy', () => {
  it('a case built from messages with a planted name, record number and birth date exports none of them', () => {
    // The case record keeps what the parser read, message after message; later values win.
    const merged: CaseInputJson = {};
    for (const m of MESSAGES) Object.assign(merged, parseCase(m, { units: 'si' }).input);
    const bundle = caseBundle(caseOf(merged, { decision: FULL_CASE().decision }), OPTIONS);
    const json = JSON.stringify(bundle);
    // The messages did state the clinical values, so the export is not empty by accident.
    expect(json).toContain('"code":"14631-6"');
    expect(json).toContain('BCLC B');
    for (const p of PLANTED) expect(json.toLowerCase()).not.toContain(p.toLowerCase());
  });

  it('the Patient carries no name, birth date, address, sex or contact', () => {
    const patient: object = caseBundle(FULL_CASE(), OPTIONS).entry?.[0]?.resource ?? {};
    for (const key of ['name', 'birthDate', 'address', 'gender', 'telecom', 'contact', 'photo', 'text'])
      expect(patient).not.toHaveProperty(key);
  });
});
