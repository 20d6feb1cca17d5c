import { describe, expect, it } from 'vitest';
import { findIdentifiers } from '../../src/parse/identifiers.js';
import { parseCase } from '../../src/parse/parseCase.js';
import { parseMrecist } from '../../src/parse/parseMrecist.js';

/** Obviously fake identifiers, used only to prove they are never copied. */
const CASES: [string, string, RegExp][] = [
  ['Mr Testperson bili 1.2 mg/dL', 'Testperson', /a name after 'Mr'/],
  ['Mrs Fakename, alb 35 g/L', 'Fakename', /a name after 'Mrs'/],
  ['Ms Q Placeholder INR 1.2', 'Placeholder', /a name after 'Ms'/],
  ['Dr Nobody referred, INR 1.2', 'Nobody', /a name after 'Dr'/],
  ['pt Testperson, Na 133', 'Testperson', /a name after 'pt'/],
  ['patient Examplename has mild ascites', 'Examplename', /a name after 'patient'/],
  ['MRN 12345678, bili 0.9', '12345678', /record number/],
  ['NHS 999 000 1234 ECOG 1', '999 000 1234', /record number/],
  ['hosp no 0012345 ECOG 0', '0012345', /record number/],
  ['DOB 01/02/1900, INR 1.1', '01/02/1900', /date of birth/],
  ['d.o.b. 01.02.1900 alb 30 g/L', '01.02.1900', /date of birth/],
  ['born 1 Jan 1900, Cr 1.0', '1 Jan 1900', /date of birth/],
  ['seen 01/02/1900 bili 1.1 mg/dL', '01/02/1900', /date/],
];

describe('identifiers', () => {
  it.each(CASES)('%s: the identifier is never copied', (text, secret, kind) => {
    const r = parseCase(text);
    const json = JSON.stringify(r);
    expect(json).not.toContain(secret);
    for (const part of secret.split(/[\s/.]+/).filter((p) => p.length >= 4)) expect(json).not.toContain(part);
    const privacy = r.warnings.filter((w) => w.code === 'privacy');
    expect(privacy.length).toBeGreaterThanOrEqual(1);
    expect(privacy.map((w) => w.message).join(' ')).toMatch(kind);
    const ids = r.notUnderstood.filter((n) => n.kind === 'identifier');
    expect(ids.length).toBeGreaterThanOrEqual(1);
    for (const id of ids) expect(Object.keys(id).sort()).toEqual(['end', 'kind', 'start']);
    const covered = ids.some((id) => text.slice(id.start, id.end).includes(secret));
    expect(covered).toBe(true);
    // The rest of the message is still read.
    expect(Object.keys(r.input).length).toBeGreaterThanOrEqual(1);
  });

  it.each([
    'PT 14s',
    'PT +3s',
    'PT prolonged 5 s',
    'PT-INR 1.3',
    'PT/INR 1.2',
    'pt with ascites',
    'pt has PBC',
    'Patient is 62F',
  ])('%s is not a patient identifier', (text) => {
    expect(findIdentifiers(text)).toEqual([]);
    expect(parseCase(text).warnings.filter((w) => w.code === 'privacy')).toEqual([]);
  });

  it('lab values and AFP are not record numbers', () => {
    expect(findIdentifiers('AFP 1200000 ng/mL')).toEqual([]);
    expect(findIdentifiers('1200000 ng/mL')).toHaveLength(1);
    expect(findIdentifiers('AFP: 2500000')).toEqual([]);
    expect(findIdentifiers('INR 1.234567')).toEqual([]);
    expect(findIdentifiers('Na 133 bili 12345')).toEqual([]);
    expect(parseCase('AFP 1200000').input.afp).toBe(1200000);
  });

  it('returns ranges only', () => {
    const text = 'Mr Testperson, bili 1.2 mg/dL';
    const ranges = findIdentifiers(text);
    expect(ranges).toEqual([{ start: 0, end: 13 }]);
  });

  it('identifiers never appear in notUnderstood text, errors or suggestions', () => {
    const text = 'Mr Testperson bilu 2 Mr Testperson ascites none mild ascites MRN 87654321';
    const r = parseCase(text);
    expect(JSON.stringify(r)).not.toContain('Testperson');
    expect(JSON.stringify(r)).not.toContain('87654321');
    expect(r.errors.map((e) => e.code)).toEqual(['contradiction']);
  });

  it('mRECIST parsing drops identifiers too', () => {
    const r = parseMrecist('Mr Testperson baseline 52 nadir 30 now 37 mm');
    expect(JSON.stringify(r)).not.toContain('Testperson');
    expect(r.ok).toBe(true);
  });

  it('the age in 62F is read for the sex only and never echoed', () => {
    const r = parseCase('62F bili 1.2 mg/dL');
    expect(r.input).toEqual({ sex: 'female', bilirubin: { value: 1.2, unit: 'mg/dL' } });
    expect(JSON.stringify(r)).not.toContain('62');
    const r2 = parseCase('71 yo man');
    expect(JSON.stringify(r2)).not.toContain('71');
  });
});
