import type { Bundle } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { LOCAL_SCOPE } from '../../src/cases/record.js';
import { KyselyDecisionRepository } from '../../src/store/decisionRepository.js';
import { openStore } from '../../src/store/openStore.js';
import { SIGNED } from '../fhir/fixtures.js';
import { bundleProblems } from '../fhir/validate.js';
import { tempStoreCli } from './tempStore.js';

const temp = tempStoreCli();
const cli = temp.cli;

async function stagedCase(): Promise<string> {
  const id = JSON.parse((await cli(['case', 'new', '--json'])).out).caseId as string;
  await cli([
    'case',
    'add',
    id,
    'bili 15 umol/L, alb 41 g/L, INR 1.1, no ascites, no HE, creatinine 80 umol/L, Na 139',
  ]);
  await cli(['case', 'add', id, 'ECOG 0, 4 nodules largest 4 cm, no PVTT, no extrahepatic spread, AFP 12']);
  return id;
}

describe('hcc-mdt case export <id> --fhir', () => {
  it('prints a bundle that passes base R4 and the mCODE profiles, and records the export in the audit', async () => {
    const id = await stagedCase();
    const r = await cli(['case', 'export', id, '--fhir'], {
      HCC_MDT_FHIR_BASE_URL: 'https://mdt.hospital.example/fhir/',
    });
    expect(r.code).toBe(0);
    const bundle = JSON.parse(r.out) as Bundle;
    expect(bundle.type).toBe('collection');
    expect(bundleProblems(bundle)).toEqual([]);
    const patient = bundle.entry?.[0];
    expect(patient?.fullUrl).toBe(`https://mdt.hospital.example/fhir/Patient/${id}`);
    expect(patient?.resource).toMatchObject({
      identifier: [{ system: 'https://mdt.hospital.example/fhir/sid/case-id', value: id }],
    });
    const stage = bundle.entry?.find((e) => e.resource?.id === `${id}-bclc`)?.resource;
    expect(stage).toMatchObject({ valueCodeableConcept: { text: 'BCLC B' } });
    const audit = JSON.parse((await cli(['case', 'audit', id, '--json'])).out);
    expect(JSON.stringify(audit)).toContain('fhir.exported');
  });

  it('exports the decision recorded on the case as a CarePlan with its sign-off', async () => {
    const id = await stagedCase();
    const store = await openStore({ kind: 'sqlite', path: temp.db });
    try {
      const repo = new KyselyDecisionRepository(store.db, store.dialect);
      expect(await repo.addDecision(LOCAL_SCOPE, { ...SIGNED, caseId: id }, [])).toBe('added');
    } finally {
      await store.close();
    }
    const bundle = JSON.parse((await cli(['case', 'export', id, '--fhir'])).out) as Bundle;
    const carePlan = bundle.entry?.find((e) => e.resource?.resourceType === 'CarePlan')?.resource;
    expect(carePlan).toMatchObject({
      status: 'active',
      activity: [{ detail: { code: { text: 'TACE (transarterial chemoembolisation)' } } }],
    });
    expect(bundle.entry?.some((e) => e.resource?.resourceType === 'Provenance')).toBe(true);
    expect(bundleProblems(bundle)).toEqual([]);
  });

  it('uses the reserved default base when none is configured', async () => {
    const id = await stagedCase();
    const bundle = JSON.parse((await cli(['case', 'export', id, '--fhir'])).out) as Bundle;
    expect(bundle.entry?.[0]?.fullUrl).toBe(`https://hcc-mdt.invalid/fhir/Patient/${id}`);
  });

  it('an unknown ID exits 2 with the same message as other case commands', async () => {
    const r = await cli(['case', 'export', 'HCC-22222', '--fhir']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no case HCC-22222 in this store/);
  });

  it('without --fhir, or with a base URL that is not http(s), says what is wrong', async () => {
    const id = await stagedCase();
    const noFormat = await cli(['case', 'export', id]);
    expect(noFormat.code).toBe(2);
    expect(noFormat.err).toMatch(/needs a format; the one there is: --fhir/);
    const badUrl = await cli(['case', 'export', id, '--fhir'], { HCC_MDT_FHIR_BASE_URL: 'ftp://x' });
    expect(badUrl.code).toBe(2);
    expect(badUrl.err).toMatch(/HCC_MDT_FHIR_BASE_URL: must be an http\(s\) URL/);
    const wrongCommand = await cli(['case', 'show', id, '--fhir']);
    expect(wrongCommand.code).toBe(2);
    expect(wrongCommand.err).toMatch(/only case export takes --fhir/);
  });
});
