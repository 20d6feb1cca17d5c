import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCase } from '../../src/cases/openCase.js';
import { LOCAL_SCOPE } from '../../src/cases/record.js';
import { openStore } from '../../src/store/openStore.js';
import { tempStoreCli } from './tempStore.js';

const temp = tempStoreCli();
const cli = temp.cli;
const json = (r: { out: string }) => JSON.parse(r.out);

describe('hcc-mdt case', () => {
  it('new prints a random case ID, plain or as JSON', async () => {
    const plain = await cli(['case', 'new']);
    expect(plain.code).toBe(0);
    expect(plain.out).toMatch(/^HCC-[2-9A-HJKMNP-TV-Z]{5}\n$/);
    const j = await cli(['case', 'new', '--json']);
    expect(json(j)).toEqual({ ok: true, caseId: expect.stringMatching(/^HCC-/) });
    expect(json(j).caseId).not.toBe(plain.out.trim());
  });

  it('add stages from every message so far and says which values were carried', async () => {
    const id = json(await cli(['case', 'new', '--json'])).caseId;
    expect(
      (await cli(['case', 'add', id, 'bili 34 umol/L, alb 31 g/L, INR 1.3, mild ascites, no HE'])).code,
    ).toBe(0);
    expect((await cli(['case', 'add', id, 'ECOG 0, 3 lesions largest 4.2 cm'])).code).toBe(0);
    const third = await cli(['case', 'add', id, 'AFP 1200, no PVTT', '--json']);
    expect(third.code).toBe(0);
    const body = json(third);
    const direct = await cli([
      'assess',
      'bili 34 umol/L, alb 31 g/L, INR 1.3, mild ascites, no HE, ECOG 0, 3 lesions largest 4.2 cm, AFP 1200, no PVTT',
      '--json',
    ]);
    const { caseId, seq, carried, correction, backOnAgenda, ...rest } = body;
    expect(caseId).toBe(id);
    expect(backOnAgenda).toBeNull();
    expect(seq).toBe(3);
    expect(correction).toBe(false);
    expect(rest.bclc).toEqual(json(direct).bclc);
    expect(rest.childPugh).toEqual(json(direct).childPugh);
    expect(Object.keys(rest).sort()).toEqual(Object.keys(json(direct)).sort());
    expect(carried.map((c: { field: string }) => c.field)).toContain('bilirubin');
    expect(carried.map((c: { field: string }) => c.field)).not.toContain('afp');

    const plain = await cli(['case', 'add', id, 'Na 133']);
    expect(plain.out).toContain(`Case ${id} · assessment 4`);
    expect(plain.out).toContain('Carried from earlier messages: bilirubin 34 umol/L (today)');
  });

  it('show gives current values with dates, the assessment and the history', async () => {
    const id = json(await cli(['case', 'new', '--json'])).caseId;
    await cli([
      'case',
      'add',
      id,
      'bili 1.0 mg/dL, alb 4.0 g/dL, INR 1.0, no ascites, no HE, ECOG 0, 4 lesions largest 5 cm, no PVTT',
    ]);
    await cli(['case', 'add', id, 'PVTT']);
    const shown = await cli(['case', 'show', id]);
    expect(shown.code).toBe(0);
    expect(shown.out).toMatch(/macrovascular invasion\s+yes\s+\d{4}-\d\d-\d\d\s+cli/);
    expect(shown.out).toMatch(/BCLC B → C: macrovascular invasion reported \d{4}-\d\d-\d\d/);
    const j = json(await cli(['case', 'show', id, '--json']));
    expect(j.assessment.bclc.stage).toBe('C');
    expect(j.history.map((h: { scores: { bclc: string } }) => h.scores.bclc)).toEqual(['B', 'C']);
    expect(j.values.find((v: { field: string }) => v.field === 'macrovascularInvasion')).toMatchObject({
      value: 'yes',
      stale: false,
    });
  });

  it('list, delete and audit: a deleted case is gone, its audit says who deleted it', async () => {
    const id = json(await cli(['case', 'new', '--json'])).caseId;
    await cli(['case', 'add', id, 'AFP 7373']);
    expect(json(await cli(['case', 'list', '--json'])).cases).toMatchObject([{ id, lastSeq: 1 }]);
    expect((await cli(['case', 'list'])).out).toContain(id);
    const deleted = await cli(['case', 'delete', id]);
    expect(deleted.code).toBe(0);
    expect((await cli(['case', 'show', id])).code).toBe(2);
    expect(json(await cli(['case', 'list', '--json'])).cases).toEqual([]);
    const audit = json(await cli(['case', 'audit', id, '--json'])).audit;
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'case.created',
      'values.stated',
      'snapshot.recorded',
      'case.deleted',
    ]);
    expect(JSON.stringify(audit)).not.toContain('7373'); // names the field, never the value
  });

  it('exits 2 with a clear message for an unknown ID, and never echoes text that is not an ID', async () => {
    const unknown = await cli(['case', 'show', 'HCC-22222']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('no case HCC-22222 in this store');
    const j = await cli(['case', 'add', 'HCC-22222', 'AFP 5', '--json']);
    expect(j.code).toBe(2);
    expect(json(j).errors[0].message).toContain('no case HCC-22222');
    const name = await cli(['case', 'show', 'Jane Doe']);
    expect(name.code).toBe(2);
    expect(name.err).toContain('case IDs look like HCC-7QK2M');
    expect(name.err).not.toContain('Jane');
    expect((await cli(['case', 'frobnicate'])).code).toBe(2);
    expect((await cli(['case', 'add', 'HCC-22222'])).err).toContain('needs a case ID and the text');
  });

  it('purges cases inactive for longer than HCC_MDT_RETENTION_DAYS whenever the store is opened', async () => {
    const store = await openStore({ kind: 'sqlite', path: temp.db });
    const old = await openCase(store.cases, {
      scope: LOCAL_SCOPE,
      threadTs: null,
      at: new Date(Date.now() - 10 * 86_400_000),
      by: 'cli',
    });
    const recent = await openCase(store.cases, {
      scope: LOCAL_SCOPE,
      threadTs: null,
      at: new Date(),
      by: 'cli',
    });
    await store.close();
    expect(json(await cli(['case', 'list', '--json'])).cases).toHaveLength(2); // default 180 days keeps both
    const listed = json(await cli(['case', 'list', '--json'], { HCC_MDT_RETENTION_DAYS: '7' })).cases;
    expect(listed.map((c: { id: string }) => c.id)).toEqual([recent.record.id]);
    expect((await cli(['case', 'audit', old.record.id])).out).toContain('case.purged');
    const bad = await cli(['case', 'list'], { HCC_MDT_RETENTION_DAYS: 'forever' });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('HCC_MDT_RETENTION_DAYS must be a whole number of days');
  });

  it('stores no typed text and no identifier: a planted name and record number are nowhere in the database files', async () => {
    const id = json(await cli(['case', 'new', '--json'])).caseId;
    const planted = [
      'Patient Zebedee Quixwell MRN 84736251 DOB 03/04/1961 bili 34 umol/L alb 31 g/L',
      'Quixwell follow-up, hospital number 84736251, ECOG 1, 2 lesions largest 3.1 cm, NHS 943 476 5919',
    ];
    for (const text of planted) {
      const r = await cli(['case', 'add', id, text]);
      expect(r.code).toBe(0);
      expect(r.err).toMatch(/identifier|record number/i);
    }
    expect(json(await cli(['case', 'show', id, '--json'])).input).toMatchObject({ ecog: 1, noduleCount: 2 });
    const bytes = readdirSync(temp.dir)
      .map((f) => readFileSync(join(temp.dir, f)))
      .reduce((a, b) => Buffer.concat([a, b]), Buffer.alloc(0));
    for (const needle of [
      'Zebedee',
      'Quixwell',
      'quixwell',
      '84736251',
      '1961',
      '9434765919',
      '943 476 5919',
      'follow-up',
      'hospital number',
      'bili 34',
    ])
      expect(bytes.includes(Buffer.from(needle)), needle).toBe(false);
    // UTF-16 too, in case some layer stored wide text.
    expect(bytes.includes(Buffer.from('Quixwell', 'utf16le'))).toBe(false);
  });
});
